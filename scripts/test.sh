#!/usr/bin/env bash
# make test (and CI): the whole test suite, with every book checked by EPUBCheck 5 and every PDF
# read back, then every fuzz target for FUZZ_SECONDS (default 10) with the mutation driver that
# `swift test` builds beside the tests (`make fuzz` is the long, coverage-guided run).
#
# SANITIZERS="address thread" (`make test-sanitizers`) runs the suite under each sanitizer
# instead, each in its own build folder (.build-asan, .build-tsan) that later runs reuse. On a
# two-core machine each sanitizer pass takes about 30 minutes, more than CI has: see issue 18.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=${SANITIZERS:-none}
fuzz_seconds=${FUZZ_SECONDS:-10}

phase() {
    local name=$1; shift
    local start=$SECONDS
    echo "== $name"
    "$@"
    echo "== $name: passed in $((SECONDS - start)) s"
}

# One fuzz target with the mutation driver. A crash prints a short backtrace, then the input
# that caused it (base64), last, where a CI log's tail shows it; the seed the driver printed
# first replays the run (BOOKIFY_FUZZ_SEED).
fuzz() {
    local build=$1 target=$2 seeds=$3
    SWIFT_BACKTRACE=preset=friendly,threads=crashed,registers=none,images=none \
        "$build/debug/bookify-fuzz" "$target" "$fuzz_seconds" "$seeds"* && return
    local status=$? input=${TMPDIR:-/tmp}/bookify-fuzz-$target
    echo "== fuzz target $target failed ($status); the input it ran last, $(wc -c < "$input") bytes, base64:"
    base64 -w 0 "$input" | head -c 20000; echo
    return "$status"
}

install_and_check() {
    local build=$1; shift
    local root; root=$(mktemp -d)
    BUILD_FLAGS="--build-path $build $*" CONFIGURATION=debug DESTDIR=$root PREFIX=/usr/local scripts/install.sh
    scripts/check-install.sh "$root/usr/local"
    rm -rf "$root"
}

for sanitizer in $sanitizers; do
    case $sanitizer in
        none) flags=(); build=.build ;;
        # Leaks are not checked: the Swift runtime and Foundation keep caches for the life of
        # the process, which LeakSanitizer reports. abort_on_error gives a crash a backtrace.
        address) export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1; flags=(--sanitize=address); build=.build-asan ;;
        # The books were validated in the other passes: EPUBCheck's JVM is left out of this one.
        thread) export TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 BOOKIFY_TESTS_EPUBCHECK=skip
                flags=(--sanitize=thread); build=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer (none, address, thread)" >&2; exit 64 ;;
    esac
    phase "swift test (sanitizer: $sanitizer)" swift test "${flags[@]}" --build-path "$build"
    # make install, from this build into a scratch folder, checked as a user would use it.
    [ "$sanitizer" != thread ] && phase "make install (sanitizer: $sanitizer)" install_and_check "$build" "${flags[@]}"
    # The fuzz targets run on one thread: nothing for ThreadSanitizer to see.
    [ "$sanitizer" != thread ] && [ "$fuzz_seconds" -gt 0 ] || continue
    scripts/fuzz-seeds.sh "$build/fuzz-seeds"
    for seeds in "$build/fuzz-seeds"/*/; do  # a folder of seeds per target
        target=$(basename "$seeds")
        phase "fuzz target $target (sanitizer: $sanitizer)" fuzz "$build" "$target" "$seeds"
    done
done

#!/usr/bin/env bash
# make test (and CI): the whole test suite under AddressSanitizer, with every book checked by
# EPUBCheck 5 and every PDF read back, and again under ThreadSanitizer; after the first, every
# fuzz target for FUZZ_SECONDS (default 10) with the mutation driver of that build (`make fuzz`
# is the long, coverage-guided run; the targets run on one thread, so not under TSan). Each sanitizer builds into its own folder (.build-asan,
# .build-tsan) so that later runs reuse it. SANITIZERS="address" or FUZZ_SECONDS=0 make it
# shorter; plain `swift test` is the quick run while working.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=${SANITIZERS:-"address thread"}
fuzz_seconds=${FUZZ_SECONDS:-10}

phase() {
    local name=$1; shift
    local start=$SECONDS
    echo "== $name"
    "$@"
    echo "== $name: passed in $((SECONDS - start)) s"
}

for sanitizer in $sanitizers; do
    case $sanitizer in
        # Leaks are not checked: the Swift runtime and Foundation keep caches for the life of
        # the process, which LeakSanitizer reports. abort_on_error gives a crash a backtrace.
        address) export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1; build=.build-asan ;;
        # The books were validated in the address pass: EPUBCheck's JVM is left out of this one.
        thread) export TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 BOOKIFY_TESTS_EPUBCHECK=skip; build=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer" >&2; exit 64 ;;
    esac
    phase "swift test under the $sanitizer sanitizer" swift test --sanitize="$sanitizer" --build-path "$build"
    [ "$sanitizer" = address ] && [ "$fuzz_seconds" -gt 0 ] || continue
    scripts/fuzz-seeds.sh "$build/fuzz-seeds"
    for target in json-feed xml-feed front-matter markdown image; do
        phase "fuzz target $target under the $sanitizer sanitizer" \
            "$build/debug/bookify-fuzz" "$target" "$fuzz_seconds" "$build/fuzz-seeds/$target"/*
    done
done

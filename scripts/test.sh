#!/usr/bin/env bash
# make test (and CI): the whole test suite, shared out between AddressSanitizer and
# ThreadSanitizer (see thread_only below), each in its own build folder (.build-asan,
# .build-tsan) that later runs reuse, the two passes side by side (on a new two-core machine
# about 25 minutes together, most of it building: each leaves a core idle while its tests wait
# on EPUBCheck, servers and time-outs).
# The AddressSanitizer pass then installs its build into a scratch folder and checks it, and
# runs every fuzz target for FUZZ_SECONDS (default 10) with the mutation driver `swift test`
# builds beside the tests (`make fuzz` is the long, coverage-guided run).
#
#   SANITIZERS=none scripts/test.sh     the suite without sanitizers, in .build (quicker)
#   SANITIZERS=address scripts/test.sh  one pass only
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=${SANITIZERS:-address thread}
fuzz_seconds=${FUZZ_SECONDS:-10}

phase() {
    local name=$1; shift
    local start=$SECONDS
    echo "== $name"
    "$@"
    echo "== $name: passed in $((SECONDS - start)) s"
}

# One fuzz target with the mutation driver. A crash prints a short backtrace, then the input
# that caused it (base64); the seed the driver printed first replays the run (BOOKIFY_FUZZ_SEED).
fuzz() {
    local build=$1 target=$2 seeds=$3 backtrace=preset=friendly,threads=crashed,registers=none,images=none
    # Under AddressSanitizer, Swift's backtracer trips ASan itself and hides the cause: ASan
    # prints the stack of an abort instead.
    [ -z "${ASAN_OPTIONS:-}" ] || backtrace=enable=no
    SWIFT_BACKTRACE=$backtrace ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:handle_abort=1} \
        "$build/debug/bookify-fuzz" "$target" "$fuzz_seconds" "$seeds"* && return
    local status=$? input=${TMPDIR:-/tmp}/bookify-fuzz-$target
    echo "== fuzz target $target failed ($status); the input it ran last, $(wc -c < "$input") bytes, is on the next line (base64)"
    echo "== $(base64 -w 0 "$input" | head -c 20000)"
    return "$status"
}

# make install, from the pass's build into a scratch folder, checked as a user would use it.
install_and_check() {
    local build=$1; shift
    local root; root=$(mktemp -d)
    BUILD_FLAGS="--build-path $build $*" CONFIGURATION=debug DESTDIR=$root PREFIX=/usr/local scripts/install.sh
    scripts/check-install.sh "$root/usr/local"
    rm -rf "$root"
}

# The suites are shared out so that the two passes, side by side on two cores, end together
# under CI's 30 minutes. ThreadSanitizer runs the suites whose code runs on several threads:
# books built from start to end (posts converted and laid out side by side), downloads, the
# archive, sites, watching, the command line and the library API. Of those, the ones below
# that cost most run under ThreadSanitizer alone, with EPUBCheck; the address pass skips them
# (it still runs every unit test of the code they reach, the other books and the fuzz targets).
# The suites of one-threaded parts (parsers, typesetting checks, the corpus and the GFM spec),
# and the catalog server (Hummingbird's and NIO's threads are theirs; ours is an actor), are run
# by the address pass only: under TSan they would cost most of CI's time and can show no race.
thread_only="SeedPDFTests|SiteBookTests|SiteReadingTests|SiteArchiveTests|ArchiveDurabilityTests|WatchTests"
thread_shared="SeedBookTests|SampleBookTests|ConcurrentMarkdownTests|LibraryCallerTests|PublicAPITests|ImageBookTests|FeedURLTests|UnreachableHostTests|ArchiveBookTests|ArchiveImageTests|CommandLineTests|HardeningTests"

# One pass: the suite under SANITIZER, then (but under ThreadSanitizer, which the one-threaded
# fuzz targets and the installation give nothing to see) the installation and the fuzz targets.
pass() {
    local sanitizer=$1 flags build
    case $sanitizer in
        none) flags=(); build=.build ;;
        # Leaks are not checked: the Swift runtime and Foundation keep caches for the life of
        # the process, which LeakSanitizer reports. abort_on_error gives a crash a backtrace.
        address) export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1; flags=(--sanitize=address); build=.build-asan ;;
        # G_SLICE=always-malloc: GLib 2.74's slice allocator hands blocks between threads
        # behind a futex ThreadSanitizer cannot see, and Pango's attributes then showed as a
        # race. SWIFT_BACKTRACE=enable=no: on a report the process aborts, and Swift's
        # backtracer deadlocked inside TSan's runtime instead of exiting (the run hung).
        thread) export TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 G_SLICE=always-malloc SWIFT_BACKTRACE=enable=no
                flags=(--sanitize=thread); build=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer (none, address, thread)" >&2; return 64 ;;
    esac
    case $sanitizer in
        none) phase "swift test" swift test --build-path "$build" ;;
        address) phase "swift test (sanitizer: address)" swift test "${flags[@]}" --build-path "$build" --skip "$thread_only" ;;
        thread)
            # The books of the shared suites were validated in the address pass.
            phase "swift test (sanitizer: thread, suites both passes run)" \
                env BOOKIFY_TESTS_EPUBCHECK=skip swift test "${flags[@]}" --build-path "$build" --filter "$thread_shared"
            phase "swift test (sanitizer: thread, suites it runs alone)" \
                swift test "${flags[@]}" --build-path "$build" --skip-build --filter "$thread_only"
            return 0 ;;
    esac
    phase "make install (sanitizer: $sanitizer)" install_and_check "$build" "${flags[@]}"
    [ "$fuzz_seconds" -gt 0 ] || return 0
    scripts/fuzz-seeds.sh "$build/fuzz-seeds"
    for seeds in "$build/fuzz-seeds"/*/; do  # a folder of seeds per target
        local target; target=$(basename "$seeds")
        phase "fuzz target $target (sanitizer: $sanitizer)" fuzz "$build" "$target" "$seeds"
    done
}

read -r -a passes <<< "$sanitizers"
if [ "${#passes[@]}" -eq 1 ]; then
    pass "${passes[0]}"
    exit
fi
# Several passes side by side, each into a log; the logs are printed when all have ended, and
# last the lines that say what failed, where the tail of a CI log shows them.
logs=$(mktemp -d)
declare -A jobs
for sanitizer in "${passes[@]}"; do
    (pass "$sanitizer") > "$logs/$sanitizer.log" 2>&1 &
    jobs[$sanitizer]=$!
done
failed=()
for sanitizer in "${passes[@]}"; do
    wait "${jobs[$sanitizer]}" || failed+=("$sanitizer")
done
for sanitizer in "${passes[@]}"; do
    echo "==================== pass: $sanitizer"
    cat "$logs/$sanitizer.log"
done
for sanitizer in "${passes[@]}"; do grep -h "^== .*: passed in" "$logs/$sanitizer.log" || true; done
if [ "${#failed[@]}" -gt 0 ]; then
    for sanitizer in "${failed[@]}"; do
        echo "==================== FAILED: $sanitizer; what it reported:"
        grep -E "✘|error:|Assertion|ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: |Fatal error|fuzz target .* failed|BOOKIFY_FUZZ_SEED|check-install:|^== " \
            "$logs/$sanitizer.log" | grep -v "passed in" | tail -40
    done
    exit 1
fi
echo "== all passes passed: ${passes[*]}"

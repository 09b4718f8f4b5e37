#!/usr/bin/env bash
# make fuzz: runs every libFuzzer target of Fuzz/Sources/FuzzTarget.swift for FUZZ_SECONDS
# (default 120) each, under AddressSanitizer, seeded from examples/ and ../shared/corpus.
# FUZZ_TARGETS narrows the list. The corpus each run grows is kept in .build-fuzz/corpus, so
# later runs go on from it; a crash stops the run with libFuzzer's report and the input in
# .build-fuzz/crashes/TARGET/ (replay it: BOOKIFY_FUZZ_TARGET=TARGET .build-fuzz/release/bookify-fuzz FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-120}
work=.build-fuzz

scripts/install-deps.sh
BOOKIFY_FUZZ=1 swift build -c release --build-path "$work" --product bookify-fuzz \
    --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing 2>&1 | grep -v "Cannot export local symbol" | tail -1

scripts/fuzz-seeds.sh "$work/seeds"
targets=${FUZZ_TARGETS:-$(ls "$work/seeds")}  # a folder of seeds per target

for target in $targets; do
    mkdir -p "$work/corpus/$target" "$work/crashes/$target"
    echo "== $target: ${seconds} s"
    BOOKIFY_FUZZ_TARGET=$target "$work/release/bookify-fuzz" "$work/corpus/$target" "$work/seeds/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=262144 \
        -artifact_prefix="$work/crashes/$target/" -print_final_stats=1 2> "$work/$target.log" \
        || { tail -40 "$work/$target.log"; echo "fuzz target $target found a crash"; exit 1; }
    grep -E "^stat::number_of_executed_units|^Done" "$work/$target.log" | sed "s/^/   /"
done

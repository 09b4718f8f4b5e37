#!/usr/bin/env bash
# Two bookify binaries side by side, run in turns (A B, B A, …) so that both see the same
# machine: on a shared virtual machine the same program's time drifts by a quarter from one
# hour to the next, so figures taken at different times (benchmark.sh) cannot tell a change of a
# few per cent. Prints the median and lower quartile of the wall time of each case, and B's
# change against A.
#   scripts/compare-speed.sh OLD_BOOKIFY NEW_BOOKIFY [FEED]     (RUNS=41, PDF_RUNS=11)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: $0 OLD_BOOKIFY NEW_BOOKIFY [FEED]" >&2; exit 64; }
feed="${3:-../shared/seed/blog-feed.json}"
[[ -f "$feed" ]] || { echo "compare-speed: no feed at $feed" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$1" "$2" "$feed" "$work" "${RUNS:-41}" "${PDF_RUNS:-11}" <<'PY'
import statistics, subprocess, sys, time
old, new, feed, work, runs, pdf_runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
cases = [
    ("--version", ["--version"], runs),
    ("feed → EPUB", [feed, "-o", f"{work}/book.epub", "-q", "--offline"], runs),
    ("feed → EPUB, --cover none", [feed, "-o", f"{work}/bare.epub", "-q", "--offline", "--cover", "none"], runs),
    ("feed → PDF", [feed, "-o", f"{work}/book.pdf", "-q", "--offline"], pdf_runs),
]
print(f"A: {old}\nB: {new}\n")
print("| case | A median | A p25 | B median | B p25 | B against A (median) |")
print("|---|---|---|---|---|---|")
for name, arguments, count in cases:
    times = {old: [], new: []}
    for turn in range(count):
        for binary in ((old, new) if turn % 2 == 0 else (new, old)):
            start = time.perf_counter()
            done = subprocess.run([binary] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if done.returncode != 0:
                sys.exit(f"{binary} {' '.join(arguments)} failed: {done.stderr.decode(errors='replace')}")
            times[binary].append((time.perf_counter() - start) * 1000)
    a, b = (sorted(times[x]) for x in (old, new))
    quartile = lambda values: values[len(values) // 4]
    change = (statistics.median(b) / statistics.median(a) - 1) * 100
    print(f"| {name} | {statistics.median(a):.1f} ms | {quartile(a):.1f} ms | {statistics.median(b):.1f} ms | {quartile(b):.1f} ms | {change:+.1f}% |")
PY

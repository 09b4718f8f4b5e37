#!/usr/bin/env bash
# Wall time and peak memory of building the seed blog (../shared/seed) into an EPUB, measured
# the same way for bookify and, when installed, pandoc (pip install pypandoc-binary, or
# Debian's pandoc) on the same posts. Prints the median of RUNS runs.
#   scripts/benchmark.sh [FEED]      (default ../shared/seed/blog-feed.json)
set -euo pipefail
cd "$(dirname "$0")/.."
feed="${1:-../shared/seed/blog-feed.json}"
runs="${RUNS:-5}"
bookify=".build/release/bookify"
[[ -x "$bookify" ]] || swift build -c release >/dev/null
[[ -f "$feed" ]] || { echo "benchmark: no feed at $feed" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME COMMAND...: runs COMMAND $runs times, prints median seconds and peak RSS.
measure() {
  local name=$1; shift
  local times=() peaks=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    read -r seconds kilobytes <"$work/time"
    times+=("$seconds"); peaks+=("$kilobytes")
  done
  local median_time median_peak
  median_time=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  median_peak=$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '%-28s %8.2f s %10.1f MiB\n' "$name" "$median_time" "$(echo "$median_peak / 1024" | bc -l)"
}

posts=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$feed")
echo "Building $feed ($posts posts), median of $runs runs:"
printf '%-28s %10s %14s\n' tool "wall time" "peak memory"
measure "bookify (EPUB)" "$bookify" "$feed" -o "$work/bookify.epub" -q

pandoc=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())" 2>/dev/null || command -v pandoc || true)
if [[ -n "$pandoc" ]]; then
  # The same posts as one Markdown document, a top-level heading per post, as pandoc reads them.
  python3 - "$feed" "$work/posts.md" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out:
    out.write("---\ntitle: %s\n---\n\n" % json.dumps(feed.get("title", "Blog")))
    for item in feed["items"]:
        body = item.get("content_html") or item.get("content_text") or ""
        out.write("# %s\n\n%s\n\n" % (item.get("title", "Untitled"), body))
PY
  measure "pandoc $("$pandoc" --version | head -1 | cut -d' ' -f2) (gfm → EPUB)" \
    "$pandoc" -f gfm -t epub3 --toc -o "$work/pandoc.epub" "$work/posts.md"
else
  echo "pandoc is not installed: pip install pypandoc-binary to compare"
fi

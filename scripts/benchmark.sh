#!/usr/bin/env bash
# bookify's speed and memory beside its peers, on the seed blog (../shared/seed) and on the same
# posts 20 and 100 times over (scripts/scale-feed.py): EPUB beside pandoc (pip install
# pypandoc-binary, or Debian's pandoc), PDF beside pandoc → Typst (pip install typst). Prints a
# Markdown table: median wall time, user + system time and peak memory over RUNS runs (peers on
# the larger feeds run once: they take minutes), and how many times faster bookify is.
#   scripts/benchmark.sh [FEED]          (default ../shared/seed/blog-feed.json)
#   SCALES="1 20" RUNS=3 scripts/benchmark.sh
#   LARGE_SITE=30 scripts/benchmark.sh   (adds a site of 300 one-megabyte images)
set -euo pipefail
cd "$(dirname "$0")/.."
feed="${1:-../shared/seed/blog-feed.json}"
runs="${RUNS:-5}"
scales="${SCALES:-1 20 100}"
bookify="${BOOKIFY:-.build/release/bookify}"
[[ -x "$bookify" ]] || scripts/build-release.sh --product bookify >/dev/null
[[ -f "$feed" ]] || { echo "benchmark: no feed at $feed" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command once (stdout to /dev/null) and prints its wall time and CPU time (user +
# system, its children's included) in seconds and its peak memory in KiB, from wait4: GNU time's
# wall time has 10 ms steps, an eighth of a seed EPUB build.
run_once='
import os, sys, time
started = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
if status != 0:
    sys.exit(1)
print(f"{wall:.6f} {usage.ru_utime + usage.ru_stime:.6f} {usage.ru_maxrss}")
'

# run_into NAME COMMAND...: runs COMMAND once and appends "wall cpu" to the array NAME and the
# peak (KiB) to NAME_peaks.
run_into() {
  local -n times=$1 peaks=$1_peaks
  shift
  python3 -c "$run_once" "$@" >"$work/time" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  read -r seconds cpu kilobytes <"$work/time"
  times+=("$seconds $cpu"); peaks+=("$kilobytes")
}

# median NAME: sets wall and cpu (of the run with the median wall time) and peak (the median
# peak, MiB) from the runs in NAME. CPU above wall means several cores worked.
median() {
  local -n times=$1 peaks=$1_peaks
  local middle=$(((${#times[@]} + 1) / 2))
  read -r wall cpu <<<"$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${middle}p")"
  peak=$(echo "$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n "${middle}p") / 1024" | bc -l)
}

# row CASE: measures bookify with the rest of the arguments and the peer command in PEER (if
# any) in turns, so that both see the same machine (a shared machine's speed drifts by a
# quarter within minutes), and prints a table row.
row() {
  local name=$1; shift
  local ours=() ours_peaks=() theirs=() theirs_peaks=()
  for index in $(seq "$runs"); do
    run_into ours "$@"
    if [[ -n "${PEER:-}" && $index -le $PEER_RUNS ]]; then run_into theirs bash -c "$PEER"; fi
  done
  median ours
  local ours_wall="$wall" ours_cpu="$cpu" ours_peak="$peak"
  if [[ -n "${PEER:-}" ]]; then
    median theirs
    printf '| %s | %.3f s | %.2f s | %.0f MiB | %s | %.3f s | %.0f MiB | %.1f× |\n' "$name" "$ours_wall" "$ours_cpu" "$ours_peak" \
      "$PEER_NAME" "$wall" "$peak" "$(echo "$wall / $ours_wall" | bc -l)"
  else
    printf '| %s | %.3f s | %.2f s | %.0f MiB | | | | |\n' "$name" "$ours_wall" "$ours_cpu" "$ours_peak"
  fi
}

pandoc=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())" 2>/dev/null || command -v pandoc || true)
typst=false
python3 -c "import typst" 2>/dev/null && typst=true
[[ -n "$pandoc" ]] || echo "(pandoc is not installed: pip install pypandoc-binary to compare)"
$typst || echo "(Typst is not installed: pip install typst to compare PDFs)"

echo "$("$bookify" --version 2>/dev/null | head -1) on $(nproc) cores; median of $runs runs (peers on ×20 and ×100: one run)"
echo
echo "| case | bookify wall | bookify CPU | bookify peak | peer | peer wall | peer peak | bookify faster |"
echo "|---|---|---|---|---|---|---|---|"
for scale in $scales; do
  scaled="$work/x$scale.json"
  python3 scripts/scale-feed.py "$feed" "$scale" "$scaled"
  posts=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$scaled")
  # The same posts as one Markdown document, a top-level heading per post, as pandoc reads them
  # (for Typst, which stops at a missing image, images' descriptions stand in for them).
  python3 - "$scaled" "$work/posts$scale.md" <<'PY'
import json, re, sys
feed = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out, open(sys.argv[2].replace(".md", "-text.md"), "w") as text:
    for handle in (out, text):
        handle.write("---\ntitle: %s\n---\n\n" % json.dumps(feed.get("title", "Blog")))
    for item in feed["items"]:
        body = item.get("content_html") or item.get("content_text") or ""
        out.write("# %s\n\n%s\n\n" % (item.get("title", "Untitled"), body))
        text.write("# %s\n\n%s\n\n" % (item.get("title", "Untitled"), re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", body)))
PY
  PEER_RUNS=$([[ $scale == 1 ]] && echo "$runs" || echo 1)
  PEER="" PEER_NAME=""
  if [[ -n "$pandoc" ]]; then
    PEER="'$pandoc' -f gfm -t epub3 --toc -o '$work/pandoc.epub' '$work/posts$scale.md'"
    PEER_NAME="pandoc $("$pandoc" --version | head -1 | cut -d' ' -f2)"
  fi
  row "×$scale ($posts posts) → EPUB" "$bookify" "$scaled" -o "$work/bookify.epub" -q --offline
  if [[ $scale == 1 ]]; then
    # What the drawn cover costs: the same book without it (the row above draws one).
    PEER="" row "×1 → EPUB, --cover none" "$bookify" "$scaled" -o "$work/bare.epub" -q --offline --cover none
  fi
  PEER="" PEER_NAME=""
  if [[ -n "$pandoc" ]] && $typst; then
    PEER="'$pandoc' -f gfm -t typst --toc -s -o '$work/posts.typ' '$work/posts$scale-text.md' \
      && python3 -c 'import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])' '$work/posts.typ' '$work/typst.pdf'"
    PEER_NAME="pandoc → Typst"
  fi
  if [[ $scale -le 20 || -n "${PDF_AT_SCALE:-}" ]]; then
    row "×$scale ($posts posts) → PDF" "$bookify" "$scaled" -o "$work/bookify.pdf" -q --offline
  fi
  PEER=""
  if [[ $scale == 1 ]]; then
    row "×1 → EPUB + PDF, one run" "$bookify" "$scaled" -o "$work/both.epub" -o "$work/both.pdf" -q --offline
  fi
done

# The feed's site-local images as 640x400 PNGs, on disk and on a loopback server, where the
# posts' URLs put them (the real images are not available offline).
python3 scripts/seed-site-images.py "$feed" "$work/site"
images=$(find "$work/site" -type f | wc -l)
PEER=""
row "$images site images from --assets → EPUB" "$bookify" "$feed" -o "$work/assets.epub" -q --offline --assets "$work/site"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/site" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 50); do
  port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$work/server.log" | head -1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
# A new cache each run: every image is downloaded (cold cache).
row "$images images over loopback HTTP → EPUB" bash -c "cache=\$(mktemp -d); '$bookify' '$feed' -o '$work/http.epub' -q --base-url http://127.0.0.1:$port/ --cache-dir \$cache; status=\$?; rm -rf \$cache; exit \$status"

# LARGE_SITE=N: also a made-up site of N posts with ten 1 MB (incompressible) PNGs each, from
# --assets: what memory does with a photo blog's worth of images.
if [[ -n "${LARGE_SITE:-}" ]]; then
  python3 - "$work/large" "$LARGE_SITE" <<'PY'
import json, os, struct, sys, zlib
root, posts = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, "img"))
def png(w=600, h=580):
    rows = b"".join(b"\0" + os.urandom(w * 3) for _ in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")
items = []
for p in range(posts):
    for k in range(10):
        with open(os.path.join(root, "img", f"{p}-{k}.png"), "wb") as out: out.write(png())
    body = "".join(f'<p><img src="/img/{p}-{k}.png" alt="image {k}"></p><p>Text.</p>' for k in range(10))
    items.append({"id": str(p), "url": f"https://large.example/posts/{p}/", "title": f"Post {p}", "content_html": body})
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "Large", "home_page_url": "https://large.example/", "items": items},
          open(os.path.join(root, "feed.json"), "w"))
PY
  size=$(du -sm "$work/large/img" | cut -f1)
  row "$((LARGE_SITE * 10)) images, ${size} MB → EPUB" "$bookify" "$work/large/feed.json" -o "$work/large.epub" -q --offline --assets "$work/large"
fi

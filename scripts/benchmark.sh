#!/usr/bin/env bash
# Wall time and peak memory of building the seed blog (../shared/seed) into an EPUB and a PDF, measured
# the same way for bookify and, when installed, pandoc (pip install pypandoc-binary, or
# Debian's pandoc) on the same posts. Prints the median of RUNS runs.
#   scripts/benchmark.sh [FEED]      (default ../shared/seed/blog-feed.json)
#   LARGE_SITE=30 scripts/benchmark.sh   (adds a site of 300 one-megabyte images)
set -euo pipefail
cd "$(dirname "$0")/.."
feed="${1:-../shared/seed/blog-feed.json}"
runs="${RUNS:-5}"
bookify="${BOOKIFY:-.build/release/bookify}"
[[ -x "$bookify" ]] || swift build -c release >/dev/null
[[ -f "$feed" ]] || { echo "benchmark: no feed at $feed" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME COMMAND...: runs COMMAND $runs times, prints the median wall time, the CPU time
# (user + system) of that run, and the median peak RSS. CPU above wall means several cores worked.
measure() {
  local name=$1; shift
  local runs_out=() peaks=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    read -r seconds user system kilobytes <"$work/time"
    runs_out+=("$seconds $(echo "$user + $system" | bc -l)"); peaks+=("$kilobytes")
  done
  local median median_peak
  median=$(printf '%s\n' "${runs_out[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  median_peak=$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '%-32s %8.2f s %8.2f s %10.1f MiB\n' "$name" ${median} "$(echo "$median_peak / 1024" | bc -l)"
}

posts=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$feed")
echo "Building $feed ($posts posts), median of $runs runs:"
printf '%-32s %10s %10s %14s\n' tool "wall time" "CPU time" "peak memory"
measure "bookify (EPUB, offline)" "$bookify" "$feed" -o "$work/bookify.epub" -q --offline
measure "bookify (PDF, offline)" "$bookify" "$feed" -o "$work/bookify.pdf" -q --offline
measure "bookify (EPUB + PDF, one run)" "$bookify" "$feed" -o "$work/both.epub" -o "$work/both.pdf" -q --offline

# The same posts twenty times over (new ids and URLs): how the content stage scales on every core.
python3 - "$feed" "$work/x20.json" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
items = []
for copy in range(20):
    for item in feed["items"]:
        item = dict(item, id=f"{copy}-{item.get('id', '')}")
        if "url" in item: item["url"] = item["url"].rstrip("/") + f"-copy{copy}/"
        items.append(item)
json.dump(dict(feed, items=items), open(sys.argv[2], "w"))
PY
measure "bookify (×20 feed, offline)" "$bookify" "$work/x20.json" -o "$work/x20.epub" -q --offline

# The feed's site-local images as 640x400 PNGs, on disk and on a loopback server, where the
# posts' URLs put them (the real images are not available offline).
python3 scripts/seed-site-images.py "$feed" "$work/site"
images=$(find "$work/site" -type f | wc -l)
measure "bookify ($images images, --assets)" "$bookify" "$feed" -o "$work/assets.epub" -q --offline --assets "$work/site"
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
measure "bookify ($images images, HTTP)" bash -c "cache=\$(mktemp -d); '$bookify' '$feed' -o '$work/http.epub' -q --base-url http://127.0.0.1:$port/ --cache-dir \$cache; status=\$?; rm -rf \$cache; exit \$status"

pandoc=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())" 2>/dev/null || command -v pandoc || true)
if [[ -n "$pandoc" ]]; then
  # The same posts as one Markdown document, a top-level heading per post, as pandoc reads them.
  python3 - "$feed" "$work/posts.md" <<'PY'
import json, re, sys
feed = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out, open(sys.argv[2].replace(".md", "-text.md"), "w") as text:
    for handle in (out, text):
        handle.write("---\ntitle: %s\n---\n\n" % json.dumps(feed.get("title", "Blog")))
    for item in feed["items"]:
        body = item.get("content_html") or item.get("content_text") or ""
        out.write("# %s\n\n%s\n\n" % (item.get("title", "Untitled"), body))
        # Typst stops at a missing image: the images' descriptions stand in for them there.
        text.write("# %s\n\n%s\n\n" % (item.get("title", "Untitled"), re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", body)))
PY
  measure "pandoc $("$pandoc" --version | head -1 | cut -d' ' -f2) (gfm → EPUB)" \
    "$pandoc" -f gfm -t epub3 --toc -o "$work/pandoc.epub" "$work/posts.md"
  # pandoc → Typst → PDF, the quickest peer route to a PDF (pip install typst).
  if python3 -c "import typst" 2>/dev/null; then
    measure "pandoc → Typst (PDF)" bash -c "'$pandoc' -f gfm -t typst --toc -s -o '$work/posts.typ' '$work/posts-text.md' \
      && python3 -c 'import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])' '$work/posts.typ' '$work/typst.pdf'"
  fi
else
  echo "pandoc is not installed: pip install pypandoc-binary to compare"
fi

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
  measure "bookify ($((LARGE_SITE * 10)) images, ${size} MB)" "$bookify" "$work/large/feed.json" -o "$work/large.epub" -q --offline --assets "$work/large"
fi

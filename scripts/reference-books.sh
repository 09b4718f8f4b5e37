#!/usr/bin/env bash
# Builds the same set of books (EPUBs, and PDFs of four of them) with a given bookify binary, so
# that two versions can be compared byte for byte (a refactoring must not change the books; see
# `--compare`).
#   scripts/reference-books.sh BOOKIFY OUT_DIR     builds seed, examples, corpus and synthetic books
#   scripts/reference-books.sh --compare DIR_A DIR_B   lists the books (and their entries) that differ
# The seed is built offline and with generated images served from --assets; the synthetic books
# cover what the real inputs lack (a post long enough to be split, links into it).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"

if [[ "${1:-}" == "--compare" ]]; then
  a=$2 b=$3 status=0
  for book in "$a"/*.epub "$a"/*.pdf; do
    name=$(basename "$book")
    if cmp -s "$book" "$b/$name"; then echo "same      $name"; continue; fi
    status=1
    echo "DIFFERENT $name"
    [[ "$name" == *.epub ]] || continue
    python3 - "$book" "$b/$name" <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
if a.namelist() != b.namelist(): print("   entries differ:", sorted(set(a.namelist()) ^ set(b.namelist())))
for name in a.namelist():
    if name in b.namelist() and a.read(name) != b.read(name): print("   ", name)
PY
  done
  exit $status
fi

bookify=$(realpath "$1")
out=$(realpath -m "$2")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
build() { local name=$1; shift; "$bookify" "$@" -o "$out/$name.epub" -q >/dev/null 2>&1 || echo "failed: $name" >&2; }
pdf() { local name=$1; shift; "$bookify" "$@" -o "$out/$name.pdf" -q >/dev/null 2>&1 || echo "failed: $name.pdf" >&2; }

build examples examples/feed.json --assets examples
pdf examples examples/feed.json --assets examples
if [[ -f "$shared/seed/blog-feed.json" ]]; then
  build seed "$shared/seed/blog-feed.json" --offline
  pdf seed "$shared/seed/blog-feed.json" --offline
  build seed-by-tag "$shared/seed/blog-feed.json" --offline --group-by tag --toc-depth 3
  # Every site-local image of the seed as a small PNG under one folder.
  python3 scripts/seed-site-images.py "$shared/seed/blog-feed.json" "$work/site" 64 40
  build seed-images "$shared/seed/blog-feed.json" --offline --assets "$work/site" --cache-dir "$work/cache"
fi
for feed in "$shared"/corpus/{jsonfeed,rss,atom}/*; do
  [[ -f "$feed" ]] && build "corpus-$(basename "${feed%.*}")" "$feed" --offline --cache-dir "$work/cache"
done
for site in "$shared"/corpus/markdown/*/; do
  [[ -d "$site" ]] && build "site-$(basename "$site")" "$site" --offline --cache-dir "$work/cache"
done
site="$shared/corpus/markdown/npf-hugo-toml-series"
[[ -d "$site" ]] && pdf "site-$(basename "$site")" "$site" --offline --cache-dir "$work/cache"

# A post of 20 sections (~550 KB, split into parts), another post linking into its last section.
python3 - "$work/long.json" <<'PY'
import json, sys
sections = "\n\n".join(f"## Section {n}\n\n" + ("Words of section %d. " % n) * 1400 + f"[back to one](#section-1)[^n{n}]\n\n[^n{n}]: Note {n}." for n in range(1, 21))
table = "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n```go\nfunc main() { fmt.Println(\"hi\") }\n```\n"
feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Long", "home_page_url": "https://long.example/",
        "items": [{"id": "1", "url": "https://long.example/long/", "title": "Long", "content_html": sections, "date_published": "2024-01-01T00:00:00Z"},
                  {"id": "2", "url": "https://long.example/short/", "title": "Short", "date_published": "2024-01-02T00:00:00Z",
                   "content_html": "See [the end](https://long.example/long/#section-20), [the start](https://long.example/long/) and [nothing](https://long.example/long/#nope).\n\n" + table}]}
json.dump(feed, open(sys.argv[1], "w"))
PY
build long "$work/long.json" --offline
pdf long "$work/long.json" --offline
ls "$out" | wc -l | xargs echo "books in $out:"

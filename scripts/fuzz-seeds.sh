#!/usr/bin/env bash
# Writes the seeds of every fuzz target into DIR/TARGET: the real inputs each stands for, from
# examples/ and ../shared/corpus. Markdown seeds carry the format byte first (see FuzzTarget).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:?usage: scripts/fuzz-seeds.sh DIR}
corpus=../shared/corpus

seed() {
    local target=$1 dir="$work/$1"; shift
    rm -rf "$dir"; mkdir -p "$dir"
    for file in "$@"; do
        [ -f "$file" ] || continue
        local name; name=$(echo "${file#../}" | tr "/" "_")
        case $target in
            markdown) { printf 'm'; head -c 65536 "$file"; } > "$dir/$name" ;;
            front-matter) head -c 4096 "$file" > "$dir/$name" ;;
            *) cp "$file" "$dir/$name" ;;
        esac
    done
}
shopt -s nullglob globstar
seed json-feed examples/*.json "$corpus"/jsonfeed/*.json
seed xml-feed "$corpus"/rss/*.xml "$corpus"/atom/*.xml
seed front-matter examples/**/*.md "$corpus"/markdown/**/*.md "$corpus"/markdown/**/*.markdown
seed markdown examples/**/*.md "$corpus"/markdown/**/*.md "$corpus"/markdown/**/*.markdown
# Math: the TeX expression list, as inline formulas in Markdown.
{ printf 'm'; grep -v '^#' Tests/BookifyTests/Fixtures/math/tex-expressions.txt | sed 's/.*/Formula $&$ and $$&$$./'; } \
    > "$work/markdown/tex-expressions.md"
seed image examples/**/*.{png,jpg,jpeg,gif,webp,svg} "$corpus"/**/*.{png,jpg,jpeg,gif,webp,svg}

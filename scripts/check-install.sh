#!/usr/bin/env bash
# Checks what scripts/install.sh put under ROOT (= $DESTDIR$PREFIX) as a user would meet it:
# the installed bookify runs, bash completion loads and completes options and subcommands,
# `man -l` shows a page that names every option of every command, zsh and fish completions
# and the templates and styles are there. Exits 1 naming the first thing missing.
set -euo pipefail
root=${1:?usage: scripts/check-install.sh ROOT}
fail() { echo "check-install: $*" >&2; exit 1; }

"$root/bin/bookify" --version | grep -q '^bookify ' || fail "bin/bookify --version"

completion=$root/share/bash-completion/completions/bookify
complete_words() {  # the candidates bash offers for the command line "$@" (the last word is being typed)
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
             COMPREPLY=(); _bookify bookify "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"; echo "${COMPREPLY[*]}"' _ "$completion" "$@"
}
[[ " $(complete_words bookify build --gro) " == *" --group-by "* ]] || fail "bash completion of 'bookify build --gro'"
[[ " $(complete_words bookify arc) " == *" archive "* ]] || fail "bash completion of 'bookify arc'"

# Every option of every command, from the command definitions, on the rendered man page.
page=$(MANWIDTH=200 man -l "$root/share/man/man1/bookify.1" 2>/dev/null) || fail "man -l bookify.1"
options=$("$root/bin/bookify" --experimental-dump-help | python3 -c '
import json, sys
def walk(command):
    for argument in command.get("arguments", []):
        for name in argument.get("names", []):
            if name["kind"] == "long": print("--" + name["name"])
    for sub in command.get("subcommands", []): walk(sub)
walk(json.load(sys.stdin)["command"])' | sort -u)
[ "$(echo "$options" | wc -l)" -gt 30 ] || fail "fewer options than bookify has: $options"
for option in $options; do
    grep -qe "$option" <<< "$page" || fail "the man page does not name $option"
done

for file in share/zsh/site-functions/_bookify share/fish/vendor_completions.d/bookify.fish \
            share/bookify/templates/layout.mustache share/bookify/styles/book.css; do
    [ -s "$root/$file" ] || fail "$file is missing or empty"
done
echo "check-install: $root: bookify runs; bash completion works; the man page names all $(echo "$options" | wc -l) options; zsh, fish, templates and styles are in place"

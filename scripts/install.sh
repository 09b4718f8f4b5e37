#!/usr/bin/env bash
# make install: bookify, its man page and shell completions (both generated from the command
# definitions by swift-argument-parser), and the default templates and styles for people to
# copy, under $DESTDIR$PREFIX (PREFIX defaults to /usr/local). CONFIGURATION (release) and
# BUILD_FLAGS (say "--build-path .build-asan --sanitize=address") pick the build to install
# from; `make test` installs its own build into a scratch folder and checks the result.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${DESTDIR:-}${PREFIX:-/usr/local}
if [[ "${CONFIGURATION:-release}" == release ]]; then build=(scripts/build-release.sh); else build=(swift build -c "$CONFIGURATION"); fi
read -r -a flags <<< "${BUILD_FLAGS:-}"
build+=("${flags[@]}")
"${build[@]}" --product bookify
"${build[@]}" --product generate-manual  # the tool behind swift-argument-parser's man page plugin
bin=$("${build[@]}" --show-bin-path)

manual=$(mktemp -d)
trap 'rm -rf "$manual"' EXIT
"$bin/generate-manual" "$bin/bookify" --authors "the bookify authors" --output-directory "$manual" > /dev/null

install -D -m 755 "$bin/bookify" "$root/bin/bookify"
install -D -m 644 "$manual/bookify.1" "$root/share/man/man1/bookify.1"
completions=("bash:share/bash-completion/completions/bookify" "zsh:share/zsh/site-functions/_bookify"
             "fish:share/fish/vendor_completions.d/bookify.fish")
for completion in "${completions[@]}"; do
    mkdir -p "$(dirname "$root/${completion#*:}")"
    "$bin/bookify" --generate-completion-script "${completion%%:*}" > "$root/${completion#*:}"
done
mkdir -p "$root/share/bookify"
cp -R templates styles "$root/share/bookify/"
echo "Installed bookify into $root: bin/bookify, share/man/man1/bookify.1, completions for bash, zsh and fish, share/bookify/{templates,styles}"

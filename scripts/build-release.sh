#!/usr/bin/env bash
# The release build of bookify, as `make build`, `make install` and `make bench` make it: with
# the Swift runtime and Foundation linked in (--static-swift-stdlib), so that the installed tool
# needs no Swift toolchain and starts in about two thirds of the time (fewer shared libraries to
# load and relocate). Extra arguments go to `swift build` (say --product).
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib "$@"

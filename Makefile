# The two commands README.md opens with. Both install missing system packages first.
SAMPLE_BOOK := build/field-notes.epub
SAMPLE_PDF := build/field-notes.pdf

.PHONY: run test test-quick build install deps test-deps bench fuzz docs clean

## make run: build bookify (release) and make the sample blog in examples/ into an EPUB and a PDF
run: build
	mkdir -p build
	.build/release/bookify examples/feed.json --assets examples -o $(SAMPLE_BOOK) -o $(SAMPLE_PDF)
	@echo "Sample books: $(SAMPLE_BOOK) $(SAMPLE_PDF)"

## make test: every unit and end-to-end test (each book checked with EPUBCheck 5) under
## AddressSanitizer and under ThreadSanitizer, side by side; then make install checked and
## each fuzz target for 10 s (scripts/test.sh)
test: test-deps
	scripts/test.sh

## make test-quick: the suite once, without sanitizers (for the edit-test loop)
test-quick: test-deps
	SANITIZERS=none FUZZ_SECONDS=0 scripts/test.sh

build: deps
	scripts/build-release.sh --product bookify

## make install [PREFIX=/usr/local] [DESTDIR=]: bookify, its man page, bash/zsh/fish completions,
## and the default templates and styles (in PREFIX/share/bookify) to copy
PREFIX ?= /usr/local
install: build
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install.sh

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

## make bench: time and peak memory at 1×, 20× and 100× the seed, beside pandoc and pandoc → Typst when installed
bench: build
	scripts/benchmark.sh

## make fuzz: every libFuzzer target for FUZZ_SECONDS (default 120) each, under AddressSanitizer
fuzz:
	scripts/fuzz.sh

## make docs: BookifyCore's documentation (DocC: the public API, "Getting started", "The book model")
## as a static site in build/docs; docs/ARCHITECTURE.md is how the code is built
docs: deps
	mkdir -p build
	swift package --allow-writing-to-directory build/docs generate-documentation --target BookifyCore \
		--output-path build/docs --transform-for-static-hosting --hosting-base-path bookify --warnings-as-errors
	@echo "Documentation: build/docs/index.html (serve the folder; pages are under /bookify/documentation/bookifycore)"

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz build

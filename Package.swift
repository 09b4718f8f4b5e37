// swift-tools-version:6.1
import PackageDescription

/// The folders `pkg-config --cflags pangocairo` names (with GLib's configuration header for
/// each Debian architecture), for every target that sees BookifyCore's modules: CPangoCairo's
/// header includes Pango's, which include the rest by these folders.
let pangoCairoHeaders: [SwiftSetting] = [.unsafeFlags(
    (["pango-1.0", "glib-2.0", "harfbuzz", "freetype2", "libpng16", "libmount", "blkid", "fribidi", "cairo", "pixman-1"]
        .map { "/usr/include/" + $0 }
        + ["x86_64", "aarch64"].map { "/usr/lib/\($0)-linux-gnu/glib-2.0/include" })
        .flatMap { ["-Xcc", "-I" + $0] },
    .when(platforms: [.linux]))]

let package = Package(
    name: "bookify",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bookify", targets: ["bookify"]),
        .library(name: "BookifyCore", targets: ["BookifyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `bookify serve`: the OPDS catalog's HTTP server. No traits: neither swift-configuration
        // nor full Foundation is used, and each costs build time in every CI pass.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `make docs`: the DocC catalog of BookifyCore (Sources/BookifyCore/BookifyCore.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Thin wrappers over the system libraries (DESIGN §8). Their C types never
        // leave the BookifyCore folder that wraps them.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev", "libdeflate-dev"])]),
        .systemLibrary(
            name: "CHyphen",
            providers: [.apt(["libhyphen-dev"])]),
        // libcurl's headers only: it is opened with dlopen when first used (Network/Curl.swift).
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // Pango, Cairo, HarfBuzz and GLib's headers only: they are opened with dlopen when first
        // drawn with (Graphics/GraphicsLibraries.swift). Not `pkgConfig`, which would link them.
        .systemLibrary(
            name: "CPangoCairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(
            name: "BookifyCore",
            dependencies: [
                "CCmarkGFM", "CCurl", "CHyphen", "CLibXML2", "CLibZip", "CPangoCairo",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            // `Resources/templates` and `Resources/styles` are links to the top-level
            // `templates/` and `styles/` folders, compiled into the binary so that a copied
            // `bookify` executable still has them.
            resources: [.embedInCode("Resources/templates"), .embedInCode("Resources/styles")],
            swiftSettings: pangoCairoHeaders,
            // cmark-gfm's parsers race on a process-wide table unless this symbol, defined in
            // Content/MarkdownInlineCharacters.swift, is exported for the library to bind to.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"],
                                          .when(platforms: [.linux]))]),
        // The catalog server (`bookify serve`): Hummingbird over the catalog BookifyCore makes.
        // Its own target, so that the library keeps no HTTP server in it.
        .target(
            name: "BookifyServer",
            dependencies: [
                "BookifyCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: pangoCairoHeaders),
        .executableTarget(
            name: "bookify",
            dependencies: [
                "BookifyCore", "BookifyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: pangoCairoHeaders,
            // Swift links executables with --export-dynamic: 30,000 of bookify's symbols in its
            // dynamic table, which every start paid for (symbol lookups, the backtracer's
            // dladdr, 3 MB more to map): about 3 ms. Nothing looks them up by name but
            // cmark-gfm's one, exported by BookifyCore. Release only: the sanitizers' runtimes
            // export symbols of their own.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]),
        // Unit tests per stage and end-to-end tests that build real books (folders inside).
        // Depending on `bookify` makes `swift test` build the command the CLI tests run, and on
        // `bookify-fuzz` the fuzz driver `make test` runs from the same build.
        .testTarget(
            name: "BookifyTests",
            dependencies: ["BookifyCore", "bookify", "bookify-fuzz", "CLibZip"],
            exclude: ["Fixtures", "Support/EPUBCheckServer.java", "Support/loopback_server.py", "Support/site_server.py", "Support/smtp_server.py", "Support/opds_client.py", "Support/page_widths.py", "Support/pdf_facts.py", "Support/typography_site.py", "Support/word_gaps.py"],
            swiftSettings: pangoCairoHeaders),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzz targets (Fuzz/Sources). `make fuzz` (scripts/fuzz.sh) builds them with
// `-sanitize=fuzzer` and BOOKIFY_FUZZ=1, which leaves out the driver's `main` for libFuzzer's;
// otherwise `bookify-fuzz` is the mutation driver `make test` runs in the build `swift test` made.
let libFuzzer = Context.environment["BOOKIFY_FUZZ"] == "1"
package.targets.append(.executableTarget(name: "bookify-fuzz", dependencies: ["BookifyCore"], path: "Fuzz/Sources",
                                         swiftSettings: pangoCairoHeaders + (libFuzzer ? [.define("LIBFUZZER")] : [])))

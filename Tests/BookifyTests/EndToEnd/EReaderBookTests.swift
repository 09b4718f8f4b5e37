@testable import BookifyCore
import Foundation
import Testing

/// Books as e-readers take them (issue 17): a cover always, nothing wider than a 6-inch
/// screen, KEPUB for Kobo, EPUBCheck on request.
@Suite
struct EReaderBookTests {
    @discardableResult
    private func build(_ arguments: [String], in folder: URL) throws -> Shell.Result {
        let result = Shell.bookify(arguments, in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        return result
    }

    /// The width and height a PNG's header gives.
    private func pngSize(_ bytes: Data) -> (Int, Int) {
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test func withoutACoverGivenTheBookGetsADrawnOneAsEReadersExpect() throws {
        let folder = TestPaths.temporaryFolder()
        try build([TestPaths.seedFeed!.path, "--offline", "-q", "-o", "seed.epub"], in: folder)
        try build([TestPaths.examples.appendingPathComponent("feed.json").path, "--offline", "-q", "-o", "sample.epub"], in: folder)
        var firstPixels: [Data] = []
        for name in ["seed.epub", "sample.epub"] {
            let book = folder.appendingPathComponent(name)
            try EPUBCheck.expectClean(book)
            let inspector = try BookInspector(book)
            ReadingSystemRules.check(inspector)
            #expect(inspector.spine.first == "text/cover.xhtml")
            #expect(inspector.legacyMeta("cover") == "cover-image", "Kindle finds the cover by its EPUB 2 meta")
            let item = inspector.manifest.first { $0.attributes["properties"] == "cover-image" }
            #expect(item?.attributes["id"] == "cover-image" && item?.attributes["href"] == "images/cover.png"
                    && item?.attributes["media-type"] == "image/png")
            let coverImages = inspector.elements("img", in: "OEBPS/text/cover.xhtml")
            #expect(coverImages.map { $0.attributes["src"] } == ["../images/cover.png"] && coverImages.allSatisfy { $0.hasClass("cover-image") })
            let png = try #require(inspector.archive["OEBPS/images/cover.png"]?.data)
            #expect(pngSize(png) == (1600, 2560))
            firstPixels.append(png)
        }
        #expect(firstPixels[0] != firstPixels[1], "two blogs, two covers")
        // Asked for none, there is none.
        try build([TestPaths.seedFeed!.path, "--offline", "-q", "--cover", "none", "-o", "bare.epub"], in: folder)
        let bare = try BookInspector(folder.appendingPathComponent("bare.epub"))
        #expect(bare.legacyMeta("cover") == nil && !bare.manifest.contains { $0.attributes["properties"] == "cover-image" }
                && bare.spine.first == "text/title-page.xhtml")
    }

    @Test(arguments: ["Gaurav Sarma's Blog", "Field Notes on Books", "Ünïcödé ☃", "a", String(repeating: "Long title ", count: 30)])
    func theDrawnCoverReadsInGrayscale(title: String) {
        // White type on the cover's ground: WCAG contrast of 7:1 or more, in colour and gray.
        let cover = DrawnCover(metadata: BookMetadata(title: title, authors: [], language: "en", identifier: "x", modified: Date()))
        for ground in [cover.palette.background, cover.palette.band] {
            let contrast = 1.05 / (ground.luminance + 0.05)
            #expect(contrast >= 7, "\(title): \(contrast)")
        }
        #expect(cover.png() != nil)
    }

    /// The cover's PNG, decoded here by hand (zlib data, "Up" filters), shows the palette's
    /// ground above, its band below and white type.
    @Test func theDrawnCoverDecodesToItsGroundBandAndType() throws {
        let cover = DrawnCover(metadata: BookMetadata(title: "Field Notes", authors: ["Kit"], language: "en", identifier: "x",
                                                      modified: Date(), source: "https://notes.example/"))
        let png = try #require(cover.png()?.bytes)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Chunks: IHDR, IDAT, IEND; the IDAT holds a zlib stream (2-byte header, Adler-32 after).
        let idatLength = png[33..<37].reduce(0) { $0 << 8 | Int($1) }
        #expect(String(decoding: png[37..<41], as: UTF8.self) == "IDAT")
        let zlib = Array(png[41..<41 + idatLength])
        let (width, height) = (DrawnCover.width, DrawnCover.height)
        let rows = try #require(RawDeflate.decompress(Array(zlib[2..<zlib.count - 4]), size: (3 * width + 1) * height))
        // The left 400 pixels of every row: the margin and the start of the title (a debug build
        // takes its time over all 4 million).
        let columns = 400
        var pixels = [UInt8](repeating: 0, count: 3 * columns * height)
        for y in 0..<height {
            #expect(rows[y * (3 * width + 1)] == 2, "row \(y) filtered Up")
            for x in 0..<3 * columns {
                pixels[y * 3 * columns + x] = rows[y * (3 * width + 1) + 1 + x] &+ (y > 0 ? pixels[(y - 1) * 3 * columns + x] : 0)
            }
        }
        func pixel(_ x: Int, _ y: Int) -> [Int] { (0..<3).map { Int(pixels[(y * columns + x) * 3 + $0]) } }
        func close(_ a: [Int], _ colour: RGB) -> Bool {
            zip(a, [colour.red, colour.green, colour.blue]).allSatisfy { abs(Double($0) - $1 * 255) <= 1.5 }
        }
        #expect(close(pixel(5, 5), cover.palette.background) && close(pixel(5, height - 5), cover.palette.band))
        let white: [UInt8] = [255, 255, 255]
        let hasWhite = (0..<columns * height).contains { (index: Int) -> Bool in Array(pixels[index * 3..<index * 3 + 3]) == white }
        #expect(hasWhite, "white type")
    }

    @Test(.enabled(if: Chromium.isInstalled, "chromium is not installed"))
    func noPageScrollsSidewaysOnASixInchScreen() throws {
        let folder = TestPaths.temporaryFolder()
        let cells = ["a rather long cell text with several words", "supercalifragilistic expialidocious", "https://example.org/a/very/long/path/to/a/page",
                     "short", "another longish description of something", "value", "more words in the cell", "the end of the row"]
        let table = "| " + (1...8).map { "Header \($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 8) + "\n"
            + (1...5).map { row in "| " + cells.map { "\($0) \(row)" }.joined(separator: " | ") + " |" }.joined(separator: "\n")
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Wide", "items": [
            ["id": "1", "title": "Eight columns", "content_html": "Before.\n\n" + table + "\n\nAfter.", "date_published": "2026-01-01T00:00:00Z"],
            ["id": "2", "title": "Long token", "content_html": "```\n" + String(repeating: "unbreakable_token_", count: 12) + "\n```\n\n"
             + String(repeating: "x", count: 200), "date_published": "2026-01-02T00:00:00Z"],
        ]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("wide.json"))
        try build(["wide.json", "--offline", "-q", "-o", "wide.epub"], in: folder)
        try build([TestPaths.seedFeed!.path, "--offline", "-q", "-o", "seed.epub"], in: folder)
        for book in ["wide.epub", "seed.epub"] {
            let pages = try Chromium.unpack(folder.appendingPathComponent(book)).filter { $0.lastPathComponent.hasPrefix("p") }
            let widths = try Chromium.pageWidths(pages, screen: 600)
            #expect(widths.count == pages.count)
            for (page, width) in widths { #expect(width.scroll <= width.client, "\(book) \(page): \(width.scroll) px wide on a 600 px screen") }
        }
        let records = try BookInspector(folder.appendingPathComponent("wide.epub")).elements("dl", in: "OEBPS/text/p001.xhtml")
            .filter { $0.hasClass("table-record") }
        let first = records.first?.elements().prefix(2).map { "\($0.name) \($0.text)" }
        #expect(first == ["dt Header 1", "dd a rather long cell text with several words 1"], "a wide table reads as records: \(first ?? [])")
    }

    @Test func aKEPUBSpansTheSentencesOfItsParagraphsAndValidates() throws {
        let folder = TestPaths.temporaryFolder()
        let result = try build([TestPaths.seedFeed!.path, "--offline", "-q", "-o", "seed.kepub.epub", "--validate"], in: folder)
        #expect(result.stderr.contains("EPUBCheck: seed.kepub.epub: valid, no errors or warnings."), "\(result.stderr)")
        let inspector = try BookInspector(folder.appendingPathComponent("seed.kepub.epub"))
        ReadingSystemRules.check(inspector)
        var (paragraphs, spanned) = (0, 0)
        for entry in inspector.archive.xhtmlEntries where entry.name.contains("/text/") {
            let body = try #require(try XMLTree.parse(Array(entry.data)).first("body"))
            let columns = body.elements()
            #expect(columns.map { $0.attributes["id"] } == ["book-columns"]
                    && columns[0].elements().map { $0.attributes["id"] } == ["book-inner"], "Kobo's wrappers in \(entry.name)")
            for paragraph in body.descendants("p") {
                paragraphs += 1
                if paragraph.descendants("span").contains(where: { $0.hasClass("koboSpan") && $0.attributes["id"]?.hasPrefix("kobo.") == true }) {
                    spanned += 1
                }
            }
        }
        #expect(paragraphs > 1000 && Double(spanned) >= 0.95 * Double(paragraphs), "\(spanned) of \(paragraphs) paragraphs spanned")
        #expect(KoboSpans.sentences(in: "One. Two? “Three.” Four") == ["One. ", "Two? ", "“Three.” ", "Four"])
    }

    @Test func validateReportsEPUBChecksVerdict() throws {
        let folder = TestPaths.temporaryFolder()
        let result = try build([TestPaths.seedFeed!.path, "--offline", "-o", "seed.epub", "-o", "seed.pdf", "--validate"], in: folder)
        #expect(result.stderr.contains("EPUBCheck: seed.epub: valid, no errors or warnings."), "\(result.stderr)")
        #expect(!result.stderr.contains("seed.pdf: valid"), "a PDF is no EPUB")
        // A template that breaks the book: the verdict names the problem and the exit is 65.
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let broken = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("templates/colophon.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "<p>Made with", with: "<p><a href=\"#nowhere\">x</a> Made with")
        try broken.write(to: templates.appendingPathComponent("colophon.mustache"), atomically: true, encoding: .utf8)
        let failed = Shell.bookify([TestPaths.seedFeed!.path, "--offline", "-q", "-o", "broken.epub", "--templates", "templates", "--validate"], in: folder)
        #expect(failed.status == 65 && failed.stderr.contains("EPUBCheck: ERROR") && failed.stderr.contains("EPUBCheck found problems"), "\(failed.stderr)")
    }
}

/// Headless Chromium, measuring pages as a reader shows them (`Support/page_widths.py`).
enum Chromium {
    static let isInstalled = ["chromium", "chromium-browser", "google-chrome"].contains { name in
        Shell.run("/usr/bin/env", ["which", name]).status == 0
    }

    /// The book's XHTML pages, unpacked into a new folder (images and styles beside them).
    static func unpack(_ book: URL) throws -> [URL] {
        let folder = TestPaths.temporaryFolder()
        let archive = try EPUBArchive(book)
        var pages: [URL] = []
        for entry in archive.entries where !entry.name.hasSuffix("/") {
            let file = folder.appendingPathComponent(entry.name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try entry.data.write(to: file)
            if entry.name.hasPrefix("OEBPS/text/") { pages.append(file) }
        }
        return pages.sorted { $0.path < $1.path }
    }

    /// Each page's document width and visible width on a screen `screen` pixels wide.
    static func pageWidths(_ pages: [URL], screen: Int) throws -> [(page: String, width: (scroll: Int, client: Int))] {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Support/page_widths.py")
        let result = Shell.run("/usr/bin/env", ["python3", script.path, String(screen)] + pages.map(\.path))
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, let scroll = Int(parts[1]), let client = Int(parts[2]) else { return nil }
            return (URL(fileURLWithPath: String(parts[0])).lastPathComponent, (scroll, client))
        }
    }
}

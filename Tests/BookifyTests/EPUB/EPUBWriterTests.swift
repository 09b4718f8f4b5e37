@testable import BookifyCore
import Foundation
import Testing

@Suite struct EPUBWriterTests {
    private static func smallBook() async -> BookContent {
        let posts = [
            Post(id: "1", url: URL(string: "https://e.example/1"), title: "First & <best>", content: "# Hello\n\nWorld",
                 contentFormat: .markdown, published: FeedDate.parseISO8601("2020-02-03")),
            Post(id: "2", title: "Second", content: "Plain", contentFormat: .text,
                 published: FeedDate.parseISO8601("2020-03-04T05:06:07Z")),
        ]
        let blog = Blog(title: "Tiny", feedURL: URL(string: "https://e.example/feed.json"), posts: posts, source: "tiny.json")
        let builder = BookBuilder(settings: .withoutNetwork)
        return await builder.convert(builder.plan([blog]))
    }

    @Test func writesTheMimetypeFirstStoredAndWithoutExtraField() async throws {
        let folder = TestPaths.temporaryFolder()
        let output = folder.appendingPathComponent("tiny.epub")
        try EPUBWriter(templates: TemplateLibrary()).write(await Self.smallBook(), to: output)
        let archive = try EPUBArchive(output)
        let first = try #require(archive.entries.first)
        #expect(first.name == "mimetype" && first.text == "application/epub+zip")
        #expect(first.isStored && first.localExtraFieldCount == 0)
        #expect(archive.entries.dropFirst().allSatisfy { !$0.isStored })
        #expect(archive.entries.map(\.name).contains("OEBPS/toc.ncx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tiny.epub"])
        try EPUBCheck.expectClean(output)
    }

    @Test func theSameBookGivesTheSameBytes() async throws {
        let folder = TestPaths.temporaryFolder()
        let book = await Self.smallBook()
        let writer = EPUBWriter(templates: try TemplateLibrary())
        try writer.write(book, to: folder.appendingPathComponent("a.epub"))
        try writer.write(book, to: folder.appendingPathComponent("b.epub"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.epub"))
                == Data(contentsOf: folder.appendingPathComponent("b.epub")))
    }

    @Test func packageDocumentCarriesTheMetadata() async throws {
        let resources = try EPUBWriter(templates: TemplateLibrary()).resources(for: await Self.smallBook())
        let book = await Self.smallBook().book
        let opf = PackageDocument.make(metadata: book.metadata, resources: resources, ncxID: "ncx")
        let package = try XMLTree.parse(Array(opf.utf8))
        let metadata = try #require(package.first("metadata"))
        #expect(metadata.elements("title").map { [$0.attributes["id"], $0.text] } == [["title", "Tiny"]])
        let modified = metadata.elements("meta").filter { $0.attributes["property"] == "dcterms:modified" }
        #expect(modified.map(\.text) == ["2020-03-04T05:06:07Z"], "the newest post's date, once")
        let spine = try #require(package.first("spine"))
        #expect(spine.attributes["toc"] == "ncx")
        #expect(package.first("manifest")?.elements("item").filter { $0.attributes["properties"] == "nav" }.count == 1)
        let order = spine.elements("itemref").compactMap { $0.attributes["idref"] }
        // Both posts are of 2020: auto grouping falls back to years.
        #expect(order == ["title-page", "c01", "p001", "p002", "colophon", "nav"])
    }

    @Test func zipTimesAreUTCAndNeverBefore1980() {
        let (time, date) = ZipArchive.dosDateTime(FeedDate.parseISO8601("2026-04-05T13:14:16Z")!)
        #expect(date == UInt16((2026 - 1980) << 9 | 4 << 5 | 5))
        #expect(time == UInt16(13 << 11 | 14 << 5 | 8))
        #expect(ZipArchive.dosDateTime(Date(timeIntervalSince1970: 0)).date == UInt16(0 << 9 | 1 << 5 | 1))
    }

    /// A small archive is made in memory and written at once, a large one on disk as it goes:
    /// the same bytes either way, every kind of entry read back whole.
    @Test func anArchiveMadeInMemoryIsTheSameAsOneWrittenToItsFile() throws {
        let folder = TestPaths.temporaryFolder()
        let image = folder.appendingPathComponent("image.png")
        let imageBytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        try Data(imageBytes).write(to: image)
        let page = Array(String(repeating: "<p>A page of text &amp; more.</p>\n", count: 400).utf8)
        let date = FeedDate.parseISO8601("2026-04-05T13:14:16Z")!
        var archives: [[UInt8]] = []
        for inMemory in [false, true] {
            let path = folder.appendingPathComponent("book-\(inMemory).epub").path
            let archive = try ZipArchive(creatingAt: path, inMemory: inMemory)
            try archive.add("mimetype", contents: Array("application/epub+zip".utf8), compressed: false, modified: date)
            try archive.add("OEBPS/toc.ncx", contents: page, compressed: true, modified: date)
            try archive.add("OEBPS/text/p001.xhtml", deflated: try #require(ZipArchive.Deflated(page)), modified: date)
            try archive.add("OEBPS/images/image.png", file: image, compressed: false, modified: date)
            try archive.close()
            archives.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let entries = try EPUBArchive(URL(fileURLWithPath: path))
            #expect(try Array(#require(entries["OEBPS/text/p001.xhtml"]).data) == page)
            #expect(try Array(#require(entries["OEBPS/toc.ncx"]).data) == page)
            #expect(try Array(#require(entries["OEBPS/images/image.png"]).data) == imageBytes)
        }
        #expect(archives[0] == archives[1] && archives[0].count > 1000)
    }

    /// Text deflated beforehand "as libzip would" gives the archive libzip makes when it
    /// deflates the text itself, byte for byte.
    @Test func textDeflatedBeforehandLeavesTheArchiveAsLibzipWritesIt() throws {
        let folder = TestPaths.temporaryFolder()
        let text = Array((0..<3000).map { "<navPoint id=\"n\($0)\"><text>Post \($0 * 7 % 101)</text></navPoint>\n" }.joined().utf8)
        let date = FeedDate.parseISO8601("2026-04-05T13:14:16Z")!
        var archives: [[UInt8]] = []
        for beforehand in [false, true] {
            let path = folder.appendingPathComponent("book-\(beforehand).epub").path
            let archive = try ZipArchive(creatingAt: path, inMemory: true)
            if beforehand {
                try archive.add("OEBPS/toc.ncx", deflated: try #require(ZipArchive.Deflated(asLibzipWould: text)), modified: date)
            } else {
                try archive.add("OEBPS/toc.ncx", contents: text, compressed: true, modified: date)
            }
            try archive.close()
            archives.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(archives[0] == archives[1] && archives[0].count < text.count / 4)
    }

    @Test func userTemplatesReplaceTheBuiltInOnes() async throws {
        let folder = TestPaths.temporaryFolder()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}<p class=\"mine\">{{title}}</p>{{{body}}}{{/content}}{{/layout}}"
            .write(to: templates.appendingPathComponent("post.mustache"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("book.epub")
        try EPUBWriter(templates: TemplateLibrary(overrides: templates)).write(await Self.smallBook(), to: output)
        let page = try XMLTree.parse(Array(try #require(try EPUBArchive(output)["OEBPS/text/p001.xhtml"]).data))
        let body = try #require(page.first("body"))
        #expect(body.elements("p").first.map { [$0.attributes["class"], $0.text] } == ["mine", "First & <best>"],
                "the user's template, its title escaped")
    }

    @Test func aTemplateThatMakesBrokenXHTMLIsAnError() async throws {
        let templates = TestPaths.temporaryFolder()
        try "{{<layout}}{{$content}}<p>unclosed{{/content}}{{/layout}}"
            .write(to: templates.appendingPathComponent("post.mustache"), atomically: true, encoding: .utf8)
        let writer = EPUBWriter(templates: try TemplateLibrary(overrides: templates))
        let book = await Self.smallBook()
        #expect {
            _ = try writer.resources(for: book)
        } throws: { error in
            guard case .invalidTemplate(let path, let reason) = error as? BookifyError else { return false }
            return path == "post.mustache" && reason.contains("not well-formed")
        }
    }
}

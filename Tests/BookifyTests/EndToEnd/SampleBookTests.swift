@testable import BookifyCore
import Foundation
import Testing

/// The sample blog in `examples/` becomes a valid, well-formed book.
@Suite struct SampleBookTests {
    private static func build() async throws -> (URL, BookInspector) {
        let output = TestPaths.temporaryFolder().appendingPathComponent("field-notes.epub")
        var settings = BookSettings.withoutNetwork
        settings.assets.folder = TestPaths.examples
        let request = try BuildRequest(inputs: [TestPaths.examples.appendingPathComponent("feed.json").path],
                                       outputs: [output.path]) { $0 = settings }
        _ = try await BookBuilder.build(request)
        return (output, try BookInspector(output))
    }

    @Test func passesEPUBCheckWithoutAMessage() async throws {
        try EPUBCheck.expectClean(try await Self.build().0)
    }

    @Test func followsTheReadingSystemRules() async throws {
        ReadingSystemRules.check(try await Self.build().1)
    }

    @Test func groupsThePostsByTheirMostSharedTagOldestFirst() async throws {
        let book = try await Self.build().1
        let titles = book.navTitles
        let expected = ["Reading", "Why turn a blog into a book?", "Reading code on e-ink", "Footnotes belong at the bottom",
                        "Feeds", "Three feed formats, compared", "Meta", "Notes from the first release"]
        #expect(titles.filter(expected.contains) == expected)
        #expect(titles.contains("What goes in"), "the first post's sections are in the table of contents")
        #expect(book.spine.prefix(2) == ["text/cover.xhtml", "text/title-page.xhtml"] && book.spine.suffix(2) == ["text/colophon.xhtml", "nav.xhtml"],
                "the drawn cover, the title page, …, and the contents after the colophon, outside the reading order")
        #expect(book.elements("itemref", in: "OEBPS/content.opf").contains { $0.attributes["idref"] == "nav" && $0.attributes["linear"] == "no" })
    }

    @Test func keepsTablesCodeFootnotesAndTheImage() async throws {
        let book = try await Self.build().1
        let documents = book.archive.xhtmlEntries.map(\.text).joined()
        #expect(book.elements("th").contains { $0.attributes["class"] == "align-right" && $0.text == "Year" })
        #expect(book.elements("code").contains { $0.attributes["class"] == "language-swift" })
        #expect(documents.firstMatch(of: #/href="#p\d+-fn-tap" epub:type|epub:type="noteref" role="doc-noteref" id="p\d+-fnref-tap" href="#p\d+-fn-tap"/#) != nil)
        let figures = book.elements("figure").filter { $0.attributes["class"] == "image" }.compactMap { $0.first("img") }
        #expect(figures.contains { $0.attributes["src"]?.hasPrefix("../images/pipeline-") == true
                && $0.attributes["alt"] == "The bookify pipeline: feed, posts, plan, content, EPUB" })
        let image = book.archive.entries.first { $0.name.hasPrefix("OEBPS/images/pipeline-") }
        #expect(image?.data == (try? Data(contentsOf: TestPaths.examples.appendingPathComponent("images/pipeline.png"))))
        #expect(book.elements("del").contains { $0.text == "promised" })
        #expect(book.elements("time").contains { $0.attributes["datetime"] == "2026-01-12" })
    }
}

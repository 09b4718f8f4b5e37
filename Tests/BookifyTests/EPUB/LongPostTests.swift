@testable import BookifyCore
import Foundation
import Testing

/// ARCHITECTURE §5: no XHTML file over ~250 KB; a long post is split at headings, and links and the
/// table of contents follow the split.
@Suite struct LongPostTests {
    @Test func aLongPostIsSplitAtHeadingsWithLinksAndContentsFollowing() async throws {
        let paragraph = String(repeating: "A sentence of the long post, written to fill a chapter. ", count: 40)
        var markdown = "Intro with a note.[^n] Jump to [the last section](#section-20).\n\n"
        for section in 1...20 {
            markdown += "## Section \(section)\n\n" + Array(repeating: paragraph, count: 12).joined(separator: "\n\n") + "\n\n"
        }
        markdown += "[^n]: The note, at the very end.\n"
        let items: [[String: Any]] = [
            ["id": "1", "url": "https://long.example/posts/long/", "title": "The long post", "content_text": markdown,
             "date_published": "2026-01-01T00:00:00Z"],
            ["id": "2", "url": "https://long.example/posts/short/", "title": "A short post", "date_published": "2026-01-02T00:00:00Z",
             "content_html": #"<p>See <a href="https://long.example/posts/long/#section-11">section 11</a>.</p>"#],
        ]
        let folder = TestPaths.temporaryFolder()
        let feed = folder.appendingPathComponent("feed.json")
        try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "title": "Long",
                                                    "home_page_url": "https://long.example/", "items": items]).write(to: feed)
        let output = folder.appendingPathComponent("long.epub")
        _ = try await BookBuilder.build(BuildRequest(inputs: [feed.path], outputs: [output.path]) { $0 = .withoutNetwork })
        try EPUBCheck.expectClean(output)
        let book = try BookInspector(output)
        ReadingSystemRules.check(book)  // every file under 250 KB, every internal link resolves

        let parts = book.spine.filter { $0.hasPrefix("text/p001") }
        #expect(parts.count >= 3, "\(parts)")
        #expect(parts.first == "text/p001.xhtml" && parts.dropFirst().allSatisfy { $0.hasPrefix("text/p001-") })
        let pages = try parts.map { try #require(book.page($0)?.first("body")) }
        #expect(pages[0].descendants("h1").map { "\($0.classes) \($0.text)" } == [#"["post-title"] The long post"#])
        for page in pages.dropFirst() {
            let opening = page.first("article")?.elements().prefix(2).map { "\($0.name) \($0.classes) \($0.text.prefix(25))" }
            #expect(opening?.first == #"p ["post-continued"] The long post (continued)"# && opening?.last?.hasPrefix("h2") == true,
                    "each part after the first says whose it is and starts at a heading: \(opening ?? [])")
            #expect(page.descendants("h1").isEmpty)
        }
        #expect(pages.last!.text.contains("Originally published at") && !pages[0].text.contains("Originally published at"))

        // Links and the table of contents name the part that holds their target.
        func hrefs(_ tree: XMLTree?) -> [String] { tree?.descendants("a").compactMap { $0.attributes["href"] } ?? [] }
        let last = parts.last!.replacingOccurrences(of: "text/", with: "")
        #expect(hrefs(pages[0]).contains("\(last)#p001-section-20"), "the in-post link follows its heading")
        #expect(hrefs(pages[0]).contains("\(last)#p001-fn-n"), "the note reference follows its note")
        let holder = try #require(parts.indices.first { index in
            pages[index].descendants("h2").contains { $0.attributes["id"] == "p001-section-11" }
        })
        let short = hrefs(book.page("text/p002.xhtml"))
        #expect(short.contains("\(parts[holder].replacingOccurrences(of: "text/", with: ""))#p001-section-11"))
        #expect(hrefs(book.page("nav.xhtml")).contains("\(parts.last!)#p001-section-20"))
    }
}

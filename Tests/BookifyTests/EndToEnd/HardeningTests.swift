@testable import BookifyCore
import Foundation
import Testing

/// Input strangers write, as issue 18's fuzzing found it: each case made a crash, a foreign
/// link, an invalid book with exit 0, a message blaming a template, or lost content.
@Suite struct HardeningTests {
    private func build(_ files: [String: String], input: String, _ extra: [String] = []) throws -> (URL, Shell.Result) {
        let folder = try TestPaths.temporaryFolder(holding: files)
        let result = Shell.bookify([input, "--offline", "-q", "-o", "book.epub"] + extra, in: folder)
        return (folder.appendingPathComponent("book.epub"), result)
    }

    @Test func numbersNoIntegerHoldsAreDroppedNotATrap() throws {
        let feed = #"{"title": "N", "items": [{"id": "1", "content_text": "x", "attachments": ["#
            + #"{"url": "https://e.example/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1e300, "duration_in_seconds": 1e999},"#
            + #"{"url": "https://e.example/b.mp3", "mime_type": "audio/mpeg", "size_in_bytes": -1e300, "duration_in_seconds": "nan"},"#
            + #"{"url": "https://e.example/c.mp3", "mime_type": "audio/mpeg", "size_in_bytes": "inf", "duration_in_seconds": 61}]}]}"#
        let blog = try JSONFeedReader().read(Array(feed.utf8), source: "feed.json")
        #expect(blog.posts[0].attachments.map(\.sizeInBytes) == [nil, nil, nil])
        #expect(blog.posts[0].attachments.map(\.durationInSeconds) == [nil, nil, 61])
        #expect(JSONValue.number(9.5e18).integerValue == nil && JSONValue.number(-42.7).integerValue == -42)
        let (book, result) = try build(["feed.json": feed], input: "feed.json")
        #expect(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(book)
    }

    @Test func addressesNoBookMayHoldAreNeverLinks() throws {
        let feed = #"{"title": "Hostile", "home_page_url": "javascript:alert(1)", "feed_url": "vbscript:x", "icon": "file:///etc/passwd","#
            + #""authors": [{"name": "A", "url": "javascript:alert(2)"}], "items": [{"id": "1", "url": "javascript:alert(3)","#
            + #""external_url": "data:text/html,hi", "title": "One", "image": "file:///etc/hosts", "date_published": "2026-01-01T00:00:00Z","#
            + #""content_html": "<p><a href=\"http://exa mple.com/\">space</a> <a href=\"mailto:\">empty mail</a> <a href=\"http://example.com:99999/\">port</a>"#
            + #" <a href=\"file:///etc/passwd\">file</a> <a href=\"http://\#(String(repeating: "a", count: 300)).example/\">long host</a>"#
            + #" <a href=\"nan\">nan</a> <a href=\"https://fine.example/\">fine</a></p>"}]}"#
        let (book, result) = try build(["feed.json": feed], input: "feed.json")
        try #require(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(book)
        let pages = try BookInspector(book).archive.entries.map(\.text).joined()
        for foreign in ["javascript:", "vbscript:", "data:text", "file:", "99999", "mailto:\"", "exa mple"] {
            #expect(!pages.contains(foreign), "\(foreign) is in the book")
        }
        let links = try BookInspector(book).elements("a").map { "\($0.attributes["href"] ?? "none") \($0.text)" }
        #expect(links.contains("https://fine.example/ fine"), "\(links)")
        #expect(LinkURL.isLinkable(URL(string: "mailto:a@b.example")!) && !LinkURL.isLinkable(URL(string: "mailto:a@b.example")!, mail: false))
    }

    @Test func aPostLinkedFromOutsideTheSiteIsNoPostOfIt() throws {
        let folder = TestPaths.temporaryFolder()
        let posts = folder.appendingPathComponent("site/content/posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try "---\ntitle: Real\n---\nHello.\n".write(to: posts.appendingPathComponent("real.md"), atomically: true, encoding: .utf8)
        try "secret notes\n".write(to: folder.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: posts.appendingPathComponent("notes.md"), withDestinationURL: folder.appendingPathComponent("outside.md"))
        try FileManager.default.createSymbolicLink(at: posts.appendingPathComponent("passwd.md"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try FileManager.default.createSymbolicLink(at: posts.appendingPathComponent("inside.md"), withDestinationURL: posts.appendingPathComponent("real.md"))
        let result = Shell.bookify(["site", "--offline", "-q", "-o", "book.epub"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let pages = try BookInspector(folder.appendingPathComponent("book.epub")).archive.xhtmlEntries.map(\.text).joined()
        #expect(!pages.contains("secret notes") && !pages.contains("root:"))
        #expect(pages.components(separatedBy: "Hello.").count == 3, "the real post, and the link to it inside the site")
    }

    @Test func blankLinesBeforeTheXMLDeclarationAreTakenAndLinesStillCount() throws {
        let rss = "\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Blank</title><link>https://b.example/</link>"
            + "<item><title>One</title><link>https://b.example/1</link><description>Hello</description></item></channel></rss>\n"
        let (book, result) = try build(["feed.xml": rss], input: "feed.xml")
        #expect(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(book)
        let (_, broken) = try build(["bad.xml": "\n\n<?xml version=\"1.0\"?>\n<rss><channel>\n<title>x</title>\n<broken></rss>"], input: "bad.xml")
        #expect(broken.status == 65 && broken.stderr.contains("bad.xml:6:"), "\(broken.stderr)")
    }

    @Test func bloggersTermsWithoutDescriptionsAndCodeThatOpensAPostStay() throws {
        let feed = #"{"title": "T", "items": [{"id": "1", "url": "https://d.example/1/", "title": "Terms", "date_published": "2026-01-01T00:00:00Z","#
            + #""content_html": "<p>Intro</p><dl><dt>Term only</dt></dl><dl><dt>A</dt><dt>B</dt><dd>both</dd><dt>C</dt></dl>"},"#
            + #"{"id": "2", "url": "https://d.example/2/", "title": "Code", "date_published": "2026-01-02T00:00:00Z","#
            + #""content_html": "    let x = 1\n    let y = 2\n\nThen *text*."}]}"#
        let (book, result) = try build(["feed.json": feed], input: "feed.json")
        try #require(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        #expect(inspector.page("text/p001.xhtml")?.first("body")?.text.contains("Term only") == true)
        let code = inspector.elements("pre", in: "OEBPS/text/p002.xhtml").map { $0.elements().map { "\($0.name) \($0.text)" } }
        #expect(code.count == 1 && code[0].first?.hasPrefix("code let x = 1") == true, "an indented block is code: \(code)")
    }

    @Test func charactersXMLForbidsInTitlesAreDroppedAndNoTemplateIsBlamed() throws {
        let feed = #"{"title": "\u0000", "items": [{"id": "1", "title": "\u0000\ufffe", "content_text": "A post about \u0001 nothing."},"#
            + #"{"id": "2", "title": "Fine \ufffftitle", "tags": ["\u0000"], "content_text": "x"}]}"#
        let (book, result) = try build(["feed.json": feed], input: "feed.json")
        #expect(result.status == 0 && !result.stderr.contains("mustache"), "\(result.stderr)")
        try EPUBCheck.expectClean(book)
        let titles = try BookInspector(book).navTitles
        #expect(titles.contains("A post about nothing.") || titles.contains { $0.hasPrefix("A post about") }, "\(titles)")
        #expect(titles.contains("Fine title"), "\(titles)")
    }
}

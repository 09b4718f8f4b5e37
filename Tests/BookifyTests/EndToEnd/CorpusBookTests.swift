import Foundation
import Testing

/// Every real feed in ../shared/corpus (JSON Feed, RSS, Atom) becomes a valid book.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is not beside the checkout"))
struct CorpusBookTests {
    static let feeds: [String] = ["jsonfeed", "rss", "atom"].flatMap { kind -> [String] in
        guard let folder = TestPaths.shared?.appendingPathComponent("corpus/\(kind)"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted().map { "\(kind)/\($0)" }
    }

    @Test(arguments: feeds)
    func feedBecomesAValidBook(name: String) throws {
        let input = try #require(TestPaths.shared).appendingPathComponent("corpus/\(name)")
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([input.path, "-o", "book.epub", "-q", "--offline"], in: folder)
        try #require(result.status == 0, "bookify failed on \(name): \(result.stderr)")
        let book = folder.appendingPathComponent("book.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        #expect(inspector.spine.filter { $0.hasPrefix("text/p") }.count == Self.uniqueItems(in: input),
                "every item is a document of the book")
    }

    /// The items of a feed, counted independently of bookify (repeated ids count once).
    private static func uniqueItems(in file: URL) -> Int {
        let data = (try? Data(contentsOf: file)) ?? Data()
        if file.pathExtension == "json" {
            let feed = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            return (feed?["items"] as? [Any])?.count ?? 0
        }
        let text = String(decoding: data, as: UTF8.self)
        let items = text.matches(of: /<(item|entry)[\s>](.*?)<\/(item|entry)>/.dotMatchesNewlines())
        let ids = items.map { match -> String in
            let body = String(match.output.2)
            return body.firstMatch(of: /<(guid|id)[^>]*>([^<]*)</)?.output.2.description ?? UUID().uuidString
        }
        return Set(ids).count
    }
}

/// The Markdown sites of ../shared/corpus become valid books, offline.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is not beside the checkout"))
struct CorpusSiteTests {
    private func build(_ site: String, _ extra: [String] = []) throws -> (URL, BookInspector, Shell.Result) {
        let input = try #require(TestPaths.shared).appendingPathComponent("corpus/markdown/\(site)")
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([input.path, "-o", "site.epub", "-q", "--offline"] + extra, in: folder)
        try #require(result.status == 0, "\(site): \(result.stderr)")
        let book = folder.appendingPathComponent("site.epub")
        return (book, try BookInspector(book), result)
    }

    @Test(arguments: ["npf-hugo-toml-series", "papermod-examplesite-hugo-yaml", "jekyllrb-news-posts"])
    func siteBecomesAValidBookWithoutShortcodes(site: String) throws {
        let (book, inspector, _) = try build(site)
        try EPUBCheck.expectClean(book)
        ReadingSystemRules.check(inspector)
        for entry in inspector.archive.xhtmlEntries {
            // Outside code, no shortcode or Liquid tag is left (code may show them on purpose).
            let prose = entry.text.replacing(/<code[^>]*>.*?<\/code>/.dotMatchesNewlines(), with: "")
            #expect(prose.firstMatch(of: /\{\{[<%]|\{%/) == nil, "\(entry.name) keeps a shortcode")
        }
    }

    @Test func theHugo101SeriesIsOneChapterOfItsThreePublishedPostsInDateOrder() throws {
        let (_, inspector, _) = try build("npf-hugo-toml-series")
        let titles = inspector.navTitles
        let start = try #require(titles.firstIndex(of: "Hugo 101"))
        #expect(Array(titles[(start + 1)...].prefix(3)) == ["Hugo Is Friggin' Awesome", "Hugo: Beyond the Defaults", "Making It a Series"])
        #expect(!titles.contains("hugo archetypes"), "the draft is left out")
    }

    @Test func theJekyllSiteKeepsAll102PostsWithDates() throws {
        let (book, inspector, _) = try build("jekyllrb-news-posts", ["--group-by", "none"])
        try EPUBCheck.expectClean(book)
        let posts = inspector.spine.filter { $0.hasPrefix("text/p") }
        #expect(posts.count == 102)
        let dated = posts.filter { inspector.archive["OEBPS/" + $0]?.text.contains("<time datetime=") == true }
        #expect(dated.count == 102)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Every feed of the corpus (JSON Feed, RSS, Atom) becomes a valid book.
@Suite struct CorpusBookTests {
    static let feeds: [String] = ["jsonfeed", "rss", "atom"].flatMap { kind -> [String] in
        let folder = TestPaths.corpus.appendingPathComponent(kind)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted().map { "\(kind)/\($0)" }
    }

    @Test(arguments: feeds)
    func feedBecomesAValidBook(name: String) throws {
        let input = TestPaths.corpus.appendingPathComponent(name)
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

/// The Markdown sites of the corpus become valid books, offline.
@Suite struct CorpusSiteTests {
    static let sites: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.appendingPathComponent("markdown").path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    /// A Hugo site's series: the site, the series, its published posts in order, and its draft.
    static let series = TestPaths.hasRealCorpus
        ? (site: "npf-hugo-toml-series", name: "Hugo 101", posts: ["Hugo Is Friggin' Awesome", "Hugo: Beyond the Defaults", "Making It a Series"],
           draft: "hugo archetypes")
        : (site: "hugo-toml-series", name: "Kiln 101", posts: ["Clay Comes First", "Centring on the Wheel", "The First Firing"],
           draft: "glaze recipes")

    /// The Jekyll site.
    static let jekyll = TestPaths.hasRealCorpus ? "jekyllrb-news-posts" : "jekyll-posts"

    private func build(_ site: String, _ extra: [String] = []) throws -> (URL, BookInspector, Shell.Result) {
        let input = TestPaths.corpus.appendingPathComponent("markdown/\(site)")
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([input.path, "-o", "site.epub", "-q", "--offline"] + extra, in: folder)
        try #require(result.status == 0, "\(site): \(result.stderr)")
        let book = folder.appendingPathComponent("site.epub")
        return (book, try BookInspector(book), result)
    }

    @Test(arguments: sites)
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

    @Test func aHugoSeriesIsOneChapterOfItsPublishedPostsInDateOrder() throws {
        let (_, inspector, _) = try build(Self.series.site)
        let titles = inspector.navTitles
        let start = try #require(titles.firstIndex(of: Self.series.name))
        // The posts follow the series' title (with their sections, in the contents, between them).
        #expect(titles[(start + 1)...].filter(Self.series.posts.contains) == Self.series.posts)
        #expect(titles[start + 1] == Self.series.posts[0])
        #expect(!titles.contains(Self.series.draft), "the draft is left out")
    }

    @Test func theJekyllSiteKeepsEveryPostWithItsDate() throws {
        let (book, inspector, _) = try build(Self.jekyll, ["--group-by", "none"])
        try EPUBCheck.expectClean(book)
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.appendingPathComponent("markdown/\(Self.jekyll)/_posts").path)
        let posts = inspector.spine.filter { $0.hasPrefix("text/p") }
        #expect(posts.count == files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }.count)
        let dated = posts.filter { !inspector.elements("time", in: "OEBPS/" + $0).filter { $0.attributes["datetime"] != nil }.isEmpty }
        #expect(dated.count == posts.count)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Books planned from the seed blog: chapters by rule, series, a curated config, a cover; and
/// the `inspect` and `init` commands.
@Suite
struct PlannedBookTests {
    private func bookify(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    /// Chapter titles and their post counts, read from the book's navigation.
    private func chapters(of book: BookInspector) -> [(title: String, posts: Int)] {
        book.spine.filter { $0.hasPrefix("text/c") }.compactMap { path in
            guard let text = book.archive["OEBPS/" + path]?.text,
                  let title = text.firstMatch(of: /<h1 class="chapter-title">([^<]+)</) else { return nil }
            let count = text.firstMatch(of: /<p class="chapter-count">(\d+) post/).flatMap { Int($0.output.1) } ?? 0
            return (BookInspector.unescape(String(title.output.1)), count)
        }
    }

    @Test func groupingByTagGivesACareerChapterOfEightAndTheCoverIsEmbedded() throws {
        let folder = TestPaths.temporaryFolder()
        let cover = TestPaths.examples.appendingPathComponent("images/pipeline.png").path
        let result = bookify([TestPaths.seedFeed!.path, "-o", "tags.epub", "--group-by", "tag", "--cover", cover], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("tags.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        let found = chapters(of: inspector)
        #expect(found.first { $0.title == "Career" }?.posts == 8)
        #expect(found.first { $0.title == "Posts" }?.posts == 49)
        #expect(found.reduce(0) { $0 + $1.posts } == 59)
        #expect(inspector.manifest.contains { $0.attributes["properties"] == "cover-image" } && inspector.legacyMeta("cover") == "cover-image")
        let navLinks = inspector.elements("a", in: "OEBPS/nav.xhtml")
        #expect(navLinks.filter { $0.epubType == "cover" }.map { $0.attributes["href"] } == ["text/cover.xhtml"],
                "the landmarks name the cover")
        #expect(inspector.spine.first == "text/cover.xhtml")
    }

    @Test func groupingBySectionGivesPostsAndRandom() throws {
        let folder = TestPaths.temporaryFolder()
        let result = bookify([TestPaths.seedFeed!.path, "-o", "sections.epub", "--group-by", "section", "--toc-depth", "1"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("sections.epub"))
        let inspector = try BookInspector(folder.appendingPathComponent("sections.epub"))
        #expect(chapters(of: inspector).map(\.title) == ["Posts", "Random"])
        #expect(chapters(of: inspector).map(\.posts) == [49, 10])
        #expect(inspector.navTitles.count == 59 + 2, "depth 1 lists chapters and posts only")
    }

    @Test func aFeedWithSeriesGetsAChapterPerSeriesInSeriesOrder() throws {
        let folder = TestPaths.temporaryFolder()
        var feed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.seedFeed!)) as? [String: Any])
        var items = try #require(feed["items"] as? [[String: Any]])
        // The three newest posts form a series whose order runs against their dates.
        for (offset, index) in [0, 1, 2].enumerated() {
            items[index]["_series"] = ["name": "Database internals", "order": offset + 1]
        }
        items[3]["_series"] = ["name": "Pagination"]
        feed["items"] = items
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("series.json"))
        let result = bookify(["series.json", "-o", "series.epub"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("series.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        let found = chapters(of: inspector)
        #expect(found.contains { $0.title == "Database internals" && $0.posts == 3 })
        #expect(found.contains { $0.title == "Pagination" && $0.posts == 1 })
        let titles = inspector.navTitles
        let seriesTitles = [items[0], items[1], items[2]].compactMap { $0["title"] as? String }
        #expect(titles.filter(seriesTitles.contains) == seriesTitles, "series order, not date order")
    }

    @Test func aConfigFilePicksOrdersAndNamesChapters() throws {
        let folder = TestPaths.temporaryFolder()
        try """
        input: \(TestPaths.seedFeed!.path)
        output: curated.epub
        title: Selected essays
        chapters:
          - title: On careers
            tags: [career]
          - title: Elasticsearch
            urls: ["*elasticsearch*", "*lucene*"]
          - rest: true
          - title: Kafka
            urls: ["*Kafka*"]
        group-by: none
        """.write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        let result = bookify([], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("curated.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        #expect(inspector.dublinCore("title").map(\.text) == ["Selected essays"])
        let found = chapters(of: inspector)
        #expect(found.map(\.title) == ["On careers", "Elasticsearch", "Kafka"])
        #expect(found.map(\.posts) == [8, 3, 3])
        let spine = inspector.spine
        let kafkaIndex = try #require(spine.firstIndex { path in
            inspector.elements("h1", in: "OEBPS/" + path).contains { $0.hasClass("chapter-title") && $0.text == "Kafka" }
        })
        #expect(spine[(kafkaIndex - 1)].hasPrefix("text/p"), "the rest stands between Elasticsearch and Kafka")
    }

    @Test func inspectListsEveryPostAndInitWritesAConfigThatBuilds() throws {
        let folder = TestPaths.temporaryFolder()
        let table = bookify(["inspect", TestPaths.seedFeed!.path], in: folder)
        #expect(table.status == 0)
        let data = try Data(contentsOf: TestPaths.seedFeed!)
        let items = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["items"] as? [[String: Any]])
        for title in items.compactMap({ $0["title"] as? String }) {
            #expect(table.stdout.contains(title), "inspect does not list «\(title)»")
        }
        #expect(table.stdout.contains("Warnings ("))

        let json = bookify(["inspect", TestPaths.seedFeed!.path, "--json", "--group-by", "tag"], in: folder)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let chapters = try #require(plan["chapters"] as? [[String: Any]])
        #expect(chapters.reduce(0) { $0 + (($1["posts"] as? [Any])?.count ?? 0) } == 59)
        #expect(plan["postCount"] as? Int == 59)

        #expect(bookify(["init", TestPaths.seedFeed!.path], in: folder).status == 0)
        #expect(bookify(["init", TestPaths.seedFeed!.path], in: folder).status == 73, "init never overwrites")
        let built = bookify(["-q"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent(TestPaths.Seed.bookFileName))
    }

    @Test func configErrorsNameTheFileLineAndColumn() throws {
        let folder = TestPaths.temporaryFolder()
        try "title: x\nchapters:\n  - title: Go\n    tagz: [go]\n".write(to: folder.appendingPathComponent("bookify.yml"),
                                                                         atomically: true, encoding: .utf8)
        let result = bookify([TestPaths.seedFeed!.path, "-o", "x.epub"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("bookify.yml:4:5: unknown chapter setting 'tagz'"), "\(result.stderr)")
    }
}

import Foundation
import Testing

/// The blog bookify was started for (../shared/seed): the skeleton's acceptance test.
@Suite
struct SeedBookTests {
    private static func build(in folder: URL, name: String = "blog.epub") throws -> URL {
        let seed = try #require(TestPaths.seedFeed)
        let result = Shell.bookify([seed.path, "-o", name, "-q", "--offline"], in: folder)
        #expect(result.status == 0, "bookify failed: \(result.stderr)")
        return folder.appendingPathComponent(name)
    }

    /// The post titles as the feed itself gives them, read independently of bookify.
    private static func feedTitles() throws -> [String] {
        let data = try Data(contentsOf: try #require(TestPaths.seedFeed))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        return items.compactMap { $0["title"] as? String }
    }

    @Test func buildsAValidBookWithEveryPostInTheNavigation() throws {
        let book = try Self.build(in: TestPaths.temporaryFolder())
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        let titles = try Self.feedTitles()
        #expect(titles.count == 59)
        let listed = Set(inspector.navTitles)
        #expect(titles.filter { !listed.contains($0) } == [])
        #expect(inspector.spine.filter { $0.hasPrefix("text/p") }.count == 59)
        #expect(inspector.ncx.components(separatedBy: "<navPoint ").count - 1 >= 59)
    }

    @Test func chaptersAreTheURLSectionsWithPostsInDateOrder() throws {
        let inspector = try BookInspector(try Self.build(in: TestPaths.temporaryFolder()))
        var chapters: [(title: String, dates: [String])] = []
        for path in inspector.spine {
            let text = inspector.archive["OEBPS/" + path]?.text ?? ""
            if path.hasPrefix("text/c"), let title = text.firstMatch(of: /<h1 class="chapter-title">([^<]+)</) {
                chapters.append((String(title.output.1), []))
            } else if let date = text.firstMatch(of: /<time datetime="([0-9-]+)">/), !chapters.isEmpty {
                chapters[chapters.count - 1].dates.append(String(date.output.1))
            }
        }
        #expect(chapters.map(\.title) == ["Posts", "Random"])
        #expect(chapters.map(\.dates.count) == [49, 10])
        for chapter in chapters { #expect(chapter.dates == chapter.dates.sorted(), "\(chapter.title) is in date order") }
        #expect(chapters[0].dates.first == "2017-10-06" && chapters[0].dates.last == "2026-04-05")
    }

    @Test func followsTheReadingSystemRulesAndPointsNowhereOutside() throws {
        let inspector = try BookInspector(try Self.build(in: TestPaths.temporaryFolder()))
        ReadingSystemRules.check(inspector)
        let documents = inspector.archive.xhtmlEntries.filter { !$0.name.hasSuffix("/cover.xhtml") }.map(\.text).joined()
        // Offline and without a cache no image can be had: each is a placeholder with a link,
        // but for the 26 pictures that open a post (their heroes), which leave nothing.
        #expect(documents.components(separatedBy: "<img").count == documents.components(separatedBy: "<img src=\"../images/diagram-").count,
                "the only images are the wide text diagrams, drawn by bookify")
        #expect(documents.components(separatedBy: "class=\"media-placeholder\"").count - 1 == 73 - 26)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = TestPaths.temporaryFolder()
        let first = try Data(contentsOf: Self.build(in: folder, name: "a.epub"))
        let second = try Data(contentsOf: Self.build(in: folder, name: "b.epub"))
        #expect(first == second)
    }
}

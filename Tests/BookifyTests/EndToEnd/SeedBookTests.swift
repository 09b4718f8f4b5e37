import Foundation
import Testing

/// The blog bookify was started for (../shared/seed): the skeleton's acceptance test.
@Suite(.enabled(if: TestPaths.seedFeed != nil, "../shared/seed is not beside the checkout"))
struct SeedBookTests {
    private static func build(in folder: URL, name: String = "blog.epub") throws -> URL {
        let seed = try #require(TestPaths.seedFeed)
        let result = Shell.run(TestPaths.bookifyBinary.path, [seed.path, "-o", name, "-q"], in: folder)
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
        #expect(inspector.spine.count == 59 + 3)
        #expect(inspector.ncx.components(separatedBy: "<navPoint ").count - 1 >= 59)
    }

    @Test func postsAreInDateOrder() throws {
        let inspector = try BookInspector(try Self.build(in: TestPaths.temporaryFolder()))
        let dates = inspector.spine.compactMap { path in
            inspector.archive["OEBPS/" + path]?.text.firstMatch(of: /<time datetime="([0-9-]+)">/).map { String($0.output.1) }
        }
        #expect(dates.count == 59)
        #expect(dates == dates.sorted())
        #expect(dates.first == "2017-10-06" && dates.last == "2026-04-05")
    }

    @Test func followsTheReadingSystemRulesAndPointsNowhereOutside() throws {
        let inspector = try BookInspector(try Self.build(in: TestPaths.temporaryFolder()))
        ReadingSystemRules.check(inspector)
        let documents = inspector.archive.xhtmlEntries.map(\.text).joined()
        #expect(!documents.contains("<img"), "images are placeholders until assets are embedded")
        #expect(documents.contains("class=\"media-placeholder\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = TestPaths.temporaryFolder()
        let first = try Data(contentsOf: Self.build(in: folder, name: "a.epub"))
        let second = try Data(contentsOf: Self.build(in: folder, name: "b.epub"))
        #expect(first == second)
    }
}

import Foundation
import Testing

/// Every real JSON Feed in ../shared/corpus becomes a valid book.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is not beside the checkout"))
struct CorpusBookTests {
    static let jsonFeeds: [String] = {
        guard let folder = TestPaths.shared?.appendingPathComponent("corpus/jsonfeed"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(arguments: jsonFeeds)
    func jsonFeedBecomesAValidBook(name: String) throws {
        let input = try #require(TestPaths.shared).appendingPathComponent("corpus/jsonfeed/\(name)")
        let folder = TestPaths.temporaryFolder()
        let result = Shell.run(TestPaths.bookifyBinary.path, [input.path, "-o", "book.epub", "-q"], in: folder)
        try #require(result.status == 0, "bookify failed on \(name): \(result.stderr)")
        let book = folder.appendingPathComponent("book.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        let data = try Data(contentsOf: input)
        let feed = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let items = (feed?["items"] as? [Any])?.count ?? 0
        #expect(inspector.spine.filter { $0.hasPrefix("text/p") }.count == items, "every item is a document of the book")
    }
}

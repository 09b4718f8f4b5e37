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
        let result = Shell.run(TestPaths.bookifyBinary.path, [input.path, "-o", "book.epub", "-q"], in: folder)
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

@testable import BookifyCore
import Foundation
import Testing

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("2026-04-05T00:00:00.000Z", "2026-04-05T00:00:00Z"),
        ("2020-01-02T10:00:00+02:00", "2020-01-02T08:00:00Z"),
        ("2020-01-02T10:00:00-0530", "2020-01-02T15:30:00Z"),
        ("2020-01-02 10:00:00 +0200", "2020-01-02T08:00:00Z"),
        ("2020-01-02T10:00", "2020-01-02T10:00:00Z"),
        ("2020-01-02", "2020-01-02T00:00:00Z"),
        ("  2019-12-31T23:59:60Z ", "2019-12-31T23:59:59Z"),
    ])
    func parsesTheISO8601ShapesFeedsUse(text: String, expected: String) throws {
        let date = try #require(FeedDate.parseISO8601(text))
        #expect(FeedDate.iso8601(date) == expected)
    }

    @Test(arguments: ["", "yesterday", "2020-13-01", "2020-01-02T25:00:00Z", "Tue, 10 Jun 2003 04:00:00 GMT", "2020-01-02Tfoo"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(FeedDate.parseISO8601(text) == nil)
    }

    @Test func readsDatesWrittenInURLPaths() throws {
        let hyphenated = try #require(FeedDate.fromURLPath(URL(string: "https://a.example/posts/2026-04-05_text-editors")!))
        #expect(FeedDate.day(hyphenated) == "2026-04-05")
        let slashed = try #require(FeedDate.fromURLPath(URL(string: "https://a.example/2019/08/11/sniffer/")!))
        #expect(FeedDate.day(slashed) == "2019-08-11")
        #expect(FeedDate.fromURLPath(URL(string: "https://a.example/posts/hello")!) == nil)
    }
}

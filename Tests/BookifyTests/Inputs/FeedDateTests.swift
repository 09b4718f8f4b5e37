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

    /// The calendar arithmetic agrees with Foundation's Gregorian calendar in UTC, field for
    /// field and back, from 1583 (before, Foundation's own calendar is asked) to 9999.
    @Test func calendarArithmeticAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -1, 86_399, 86_400, -86_401, 951_782_400, 4_107_542_399, -12_212_553_600, -12_212_553_601, -62_135_596_800]
        let random = (0..<5000).map { _ in Double(Int64.random(in: -15_000_000_000...253_402_300_799, using: &generator)) + 0.75 }
        for time in fixed + random {
            let date = Date(timeIntervalSince1970: time)
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let fields = UTCCalendar.fields(of: date)
            let ours: [Int] = [fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second]
            let theirs: [Int] = [expected.year!, expected.month!, expected.day!, expected.hour!, expected.minute!, expected.second!]
            #expect(ours == theirs, "\(time)")
            #expect(UTCCalendar.date(fields) == calendar.date(from: expected), "\(time)")
        }
        // A day past the month's end carries over, as Calendar's does.
        #expect(FeedDate.iso8601(UTCCalendar.date(.init(year: 2023, month: 2, day: 31))) == "2023-03-03T00:00:00Z")
        #expect(FeedDate.iso8601(FeedDate.parseISO8601("0001-01-01T00:00:00Z")!) == "0001-01-01T00:00:00Z")
    }
}

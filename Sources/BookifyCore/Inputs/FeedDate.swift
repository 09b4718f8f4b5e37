import Foundation

/// Date formats found in real feeds.
public enum FeedDate {
    /// Parses RFC 3339 and the ISO 8601 shapes feeds use in its place:
    /// `2020-01-02T10:00:00.123+02:00`, `2020-01-02 10:00:00Z`, `2020-01-02T10:00`, `2020-01-02`.
    /// A time without a zone is taken as UTC.
    public static func parseISO8601(_ text: String) -> Date? {
        var scanner = DigitScanner(text.trimmed)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2) else { return nil }
        var fields = UTCCalendar.Fields(year: year, month: month, day: day)
        var offsetSeconds = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"),
                  let minute = scanner.number(digits: 2) else { return nil }
            fields.hour = hour
            fields.minute = minute
            if scanner.skip(":") {
                guard let second = scanner.number(digits: 2) else { return nil }
                fields.second = min(second, 59)  // a leap second rounds down
                if scanner.skip(".") || scanner.skip(",") { scanner.skipDigits() }
            }
            scanner.skip(" ")
            if scanner.skip("Z") || scanner.skip("z") {
                offsetSeconds = 0
            } else if let sign = scanner.sign() {
                guard let hours = scanner.number(digits: 2) else { return nil }
                scanner.skip(":")
                let minutes = scanner.number(digits: 2) ?? 0
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(fields.hour), (0...59).contains(fields.minute) else { return nil }
        return UTCCalendar.date(fields).addingTimeInterval(TimeInterval(-offsetSeconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "bst": 1, "ist": 5,
    ]

    /// Parses RFC 822/1123 dates as RSS writes them, with their common deviations: no weekday,
    /// a day of one digit, two-digit years, full month names, no seconds, zone names or
    /// offsets, or no zone. Falls back to ISO 8601, which some RSS feeds use.
    static func parseRFC822(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, first.first?.isLetter == true, months.firstIndex(of: String(first.lowercased().prefix(3))) == nil {
            words.removeFirst()  // the weekday
        }
        guard words.count >= 4 else { return parseISO8601(text) }
        // "10 Jun 2003" or "Jun 10 2003"
        var (dayWord, monthWord) = (words[0], words[1])
        if dayWord.first?.isLetter == true { swap(&dayWord, &monthWord) }
        guard let day = Int(dayWord), let month = months.firstIndex(of: String(monthWord.lowercased().prefix(3))),
              var year = Int(words[2]) else { return parseISO8601(text) }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2 else { return nil }
        let fields = UTCCalendar.Fields(year: year, month: month + 1, day: day, hour: time[0], minute: time[1],
                                        second: time.count > 2 ? min(time[2], 59) : 0)
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst().filter(\.isNumber)) {
                let hours = value / 100, minutes = value % 100
                offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else if let hours = zones[zone.lowercased()] {
                offset = hours * 3600
            }
        }
        guard (1...31).contains(day), (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        return UTCCalendar.date(fields).addingTimeInterval(TimeInterval(-offset))
    }

    /// A date written in a post's URL path, as blogs do: `/2026-04-05_slug`, `/2019/08/11/slug`.
    static func fromURLPath(_ url: URL) -> Date? {
        let path = url.path
        let patterns = [#"/(\d{4})-(\d{2})-(\d{2})(?:[_\-/]|$)"#, #"/(\d{4})/(\d{2})/(\d{2})(?:/|$)"#]
        for pattern in patterns {
            guard let match = path.range(of: pattern, options: .regularExpression) else { continue }
            let digits = path[match].filter(\.isNumber)
            let text = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.dropFirst(6).prefix(2))"
            if let date = parseISO8601(text) { return date }
        }
        return nil
    }

    /// The book's form of a date: `2026-04-05T00:00:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let fields = UTCCalendar.fields(of: date)
        let pad = UTCCalendar.padded
        return "\(pad(fields.year, 4))-\(pad(fields.month, 2))-\(pad(fields.day, 2))T\(pad(fields.hour, 2)):\(pad(fields.minute, 2)):\(pad(fields.second, 2))Z"
    }

    /// The calendar day of a date in UTC: `2026-04-05`.
    public static func day(_ date: Date) -> String { String(iso8601(date).prefix(10)) }
}

/// Reads fixed-width numbers and punctuation from the front of a string.
private struct DigitScanner {
    private var characters: Substring

    init(_ text: String) { characters = Substring(text) }

    var isAtEnd: Bool { characters.isEmpty }

    mutating func number(digits: Int) -> Int? {
        let prefix = characters.prefix(digits)
        guard prefix.count == digits, prefix.allSatisfy(\.isASCII), prefix.allSatisfy(\.isNumber),
              let value = Int(prefix) else { return nil }
        characters = characters.dropFirst(digits)
        return value
    }

    @discardableResult
    mutating func skip(_ literal: Character) -> Bool {
        guard characters.first == literal else { return false }
        characters = characters.dropFirst()
        return true
    }

    mutating func skipDigits() {
        characters = characters.drop(while: { $0.isASCII && $0.isNumber })
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

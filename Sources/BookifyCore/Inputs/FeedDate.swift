import Foundation

/// Date formats found in real feeds.
public enum FeedDate {
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Parses RFC 3339 and the ISO 8601 shapes feeds use in its place:
    /// `2020-01-02T10:00:00.123+02:00`, `2020-01-02 10:00:00Z`, `2020-01-02T10:00`, `2020-01-02`.
    /// A time without a zone is taken as UTC.
    public static func parseISO8601(_ text: String) -> Date? {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2) else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var offsetSeconds = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"),
                  let minute = scanner.number(digits: 2) else { return nil }
            components.hour = hour
            components.minute = minute
            if scanner.skip(":") {
                guard let second = scanner.number(digits: 2) else { return nil }
                components.second = min(second, 59)  // a leap second rounds down
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
              (0...23).contains(components.hour!), (0...59).contains(components.minute!),
              let local = utcCalendar.date(from: components) else { return nil }
        return local.addingTimeInterval(TimeInterval(-offsetSeconds))
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
        let components = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", components.year!, components.month!,
                      components.day!, components.hour!, components.minute!, components.second!)
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

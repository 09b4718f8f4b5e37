/// The value a bare TOML token stands for: a boolean, an integer (decimal, `0x`, `0o`, `0b`,
/// with `_` between digits), a float (with `inf` and `nan`), or a date, time or date-time, which
/// stays text as written, with `T` between date and time, for `FeedDate` to read.
enum TOMLScalar {
    static func value(of token: String) -> JSONValue? {
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .number(.infinity)
        case "-inf": return .number(-.infinity)
        case "nan", "+nan", "-nan": return .number(.nan)
        default: break
        }
        if let integer = integer(token) { return .number(Double(integer)) }
        if token.wholeMatch(of: float) != nil, let number = Double(token.replacingOccurrences(of: "_", with: "")) {
            return .number(number)
        }
        return dateOrTime(token).map(JSONValue.string)
    }

    private static func integer(_ token: String) -> Int64? {
        let digits = token.replacingOccurrences(of: "_", with: "")
        if token.wholeMatch(of: decimal) != nil { return Int64(digits) }
        for (prefix, pattern, radix) in [("0x", hexadecimal, 16), ("0o", octal, 8), ("0b", binary, 2)]
            where token.hasPrefix(prefix) && token.wholeMatch(of: pattern) != nil {
            return Int64(digits.dropFirst(2), radix: radix)
        }
        return nil
    }

    /// A valid date, time or date-time, with `T` and `Z` in capitals and `T` for a space.
    private static func dateOrTime(_ token: String) -> String? {
        if let match = token.wholeMatch(of: localTime) {
            return isValidTime(match.output) ? token : nil
        }
        guard let match = token.wholeMatch(of: dateTime) else { return nil }
        let (_, date, time, offset) = match.output
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        guard let time else { return String(date) }
        guard isValidTime(time) else { return nil }
        return "\(date)T\(time)" + (offset?.uppercased() ?? "")
    }

    private static func isValidTime(_ time: Substring) -> Bool {
        let parts = time.prefix(8).split(separator: ":").compactMap { Int($0) }
        return parts[0] < 24 && parts[1] < 60 && (parts.count < 3 || parts[2] <= 60)
    }

    nonisolated(unsafe) private static let decimal = /[+-]?(0|[1-9](_?[0-9])*)/
    nonisolated(unsafe) private static let hexadecimal = /0x[0-9A-Fa-f](_?[0-9A-Fa-f])*/
    nonisolated(unsafe) private static let octal = /0o[0-7](_?[0-7])*/
    nonisolated(unsafe) private static let binary = /0b[01](_?[01])*/
    nonisolated(unsafe) private static let float = /[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)/
    nonisolated(unsafe) private static let localTime = /[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?/
    nonisolated(unsafe) private static let dateTime =
        /([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ]([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)([Zz]|[+-][0-9]{2}:[0-9]{2})?)?/
}

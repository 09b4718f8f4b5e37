extension StringProtocol {
    /// The text without white space and line breaks at either end, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims it, without Foundation's round
    /// trip through UTF-16, which took a tenth of a build's time on post bodies.
    var trimmed: String {
        trimmed { Self.isSpace($0) || Self.isLineBreak($0) }
    }

    /// The text without spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)`
    /// trims it: line breaks stay.
    var trimmedSpaces: String {
        trimmed(where: Self.isSpace)
    }

    /// Foundation's `whitespaces`: Unicode's space separators, the tab, and the zero width space.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Foundation's `newlines`: line feed to carriage return, next line, line and paragraph separators.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The text without the characters `isTrimmed` picks at either end.
    func trimmed(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        // Most values need no trimming: no copy then; else one copy of the kept bytes.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(self[first..<scalars.index(after: last)])
    }
}

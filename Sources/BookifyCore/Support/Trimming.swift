extension StringProtocol {
    /// The text without white space and line breaks at either end (Unicode's White_Space, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`), without Foundation's round trip
    /// through UTF-16, which took a tenth of a build's time on post bodies.
    var trimmed: String {
        trimmed { $0.properties.isWhitespace }
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

extension StringProtocol {
    /// The text without white space and line breaks at either end (Unicode's White_Space, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`), without Foundation's round trip
    /// through UTF-16, which took a tenth of a build's time on post bodies.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}

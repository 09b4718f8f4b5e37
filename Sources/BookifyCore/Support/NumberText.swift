/// Numbers written for markup without `String(format:)`, whose C varargs path (a conformance
/// lookup per argument type, a locale) showed on every build.
enum NumberText {
    /// `value` in at least `digits` characters, zeros after any sign, as `%0Nd` writes it:
    /// `zeroPadded(7, digits: 3)` is "007".
    static func zeroPadded(_ value: Int, digits: Int) -> String {
        let text = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, digits - text.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + text
    }
}

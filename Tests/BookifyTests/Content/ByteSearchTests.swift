@testable import BookifyCore
import Testing

/// The byte search the per-text checks of the content passes use instead of Foundation's.
@Suite struct ByteSearchTests {
    @Test func findsWhatFoundationFinds() {
        let texts = ["", "$", "a $$ b", "x \\( y", "ends with \\", "↩︎ back", "naïve", String(repeating: "ab", count: 1000) + "\\["]
        let needles = ["$$", "\\(", "\\[", "↩\u{FE0E}", "ï", "ab", "", "b$"]
        for text in texts {
            for needle in needles {
                #expect(text.containsBytes(needle) == (needle.isEmpty || text.contains(needle)), "«\(text.prefix(20))» «\(needle)»")
                #expect(text[...].containsBytes(needle) == text.containsBytes(needle))
            }
        }
        // Bytes, not characters: "↩" is found inside "↩︎" (which Swift's `contains` takes for
        // one other character), which is why the footnote check asks for both.
        #expect("↩\u{FE0E} back".containsBytes("↩") && !"↩\u{FE0E} back".contains("↩"))
    }
}

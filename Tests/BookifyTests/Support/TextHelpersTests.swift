@testable import BookifyCore
import Foundation
import Testing

/// The small text helpers that stand in for Foundation's slower calls write what Foundation would.
@Suite struct TextHelpersTests {
    static let samples = ["", " ", "\t a b \t", "\n x \n", "\u{00A0}nbsp\u{3000}", "\u{2028}ls\u{2029}", "\u{0085}nel\u{000B}",
                          "\u{200B}zero width\u{200B}", "é\u{0301} ", " 👍🏽 ", "\r\n line \r\n", "a\u{1680}", "\u{2000}\u{200A}b\u{202F}\u{205F}", "\u{200C}c\u{200D}", "\u{FEFF}d\u{180E}"]

    @Test func trimmingMatchesFoundationsWhiteSpaceSets() {
        for text in Self.samples {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func numbersAreWrittenAsPrintfWritesThem() {
        for (value, digits) in [(0, 2), (7, 3), (42, 2), (123, 2), (1000, 3), (-5, 3)] {
            #expect(NumberText.zeroPadded(value, digits: digits) == String(format: "%0\(digits)d", value))
        }
    }
}

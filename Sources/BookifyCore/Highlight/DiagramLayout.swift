/// Finds text diagrams among code blocks. Code may wrap, but a wrapped box drawing is
/// unreadable: a `pre` that draws (box-drawing characters, arrows, ASCII boxes) gets the
/// `diagram` role with its longest line, so that each writer can scale it to its page instead.
enum DiagramLayout {
    static func mark(_ pre: ContentElement) -> ContentElement {
        let text = pre.textContent
        guard isDiagram(text) else { return pre }
        var marked = pre
        marked.role = .diagram(longestLine: longestLine(text))
        return marked
    }

    /// The length of the longest line, in characters (grapheme clusters: what a column holds).
    static func longestLine(_ text: String) -> Int {
        // Counted in scalars while each is a cluster of its own (ASCII, Latin, box drawing,
        // arrows, symbols): grapheme breaking is slow. A text with any other scalar (a combining
        // mark, a joiner, CJK, a carriage return) is counted in characters.
        var longest = 0
        var line = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                longest = max(longest, line)
                line = 0
            } else if isOwnCluster(scalar) {
                line += 1
            } else {
                return text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
            }
        }
        return max(longest, line)
    }

    /// `text`'s words (what white space separates) with one space between them: a diagram's
    /// description. Read in scalars while each is a cluster of its own, as `longestLine` is.
    static func collapsingWhitespace(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy(isOwnCluster) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var words = String.UnicodeScalarView()
        var spaced = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                spaced = !words.isEmpty
            } else {
                if spaced { words.append(" ") }
                spaced = false
                words.append(scalar)
            }
        }
        return String(words)
    }

    /// A scalar that never joins those beside it into one character: none of these blocks has
    /// a combining mark, joiner or other extender (U+200C and U+200D do), and a carriage return
    /// joins the line feed after it.
    private static func isOwnCluster(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D, 0x200C, 0x200D: false
        case 0x00..<0x300, 0x2000..<0x20D0, 0x2100..<0x2C00: true
        default: false
        }
    }

    /// Box-drawing and block characters or arrows on several lines, or ASCII boxes (`+---+`).
    /// Read as UTF-8 bytes: every code block of a book passes here.
    static func isDiagram(_ text: String) -> Bool {
        var drawingLines = 0
        var lineDraws = false
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            if byte == 0x0A {
                if lineDraws { drawingLines += 1 }
                if drawingLines >= 2 { return true }
                lineDraws = false
                previous = (0, 0, 0)
                continue
            }
            let (a, b, c) = (previous.1, previous.2, byte)
            // U+2500–U+259F (E2 94 80 – E2 96 9F) and U+2190–U+21FF (E2 86 90 – E2 87 BF).
            if a == 0xE2, (0x94...0x96).contains(b) || (0x86...0x87).contains(b) { lineDraws = lineDraws || isDrawing(b, c) }
            let ascii = (a, b, c)
            if ascii == (0x2B, 0x2D, 0x2D) || ascii == (0x2D, 0x2D, 0x2B) || ascii == (0x2D, 0x2D, 0x3E) || ascii == (0x7C, 0x20, 0x20) {
                lineDraws = true
            }
            previous = (a, b, c)
        }
        return drawingLines + (lineDraws ? 1 : 0) >= 2
    }

    private static func isDrawing(_ second: UInt8, _ third: UInt8) -> Bool {
        switch second {
        case 0x94, 0x95: return true
        case 0x96: return third <= 0x9F
        case 0x86: return third >= 0x90
        default: return true  // 0x87: U+21C0–U+21FF
        }
    }
}

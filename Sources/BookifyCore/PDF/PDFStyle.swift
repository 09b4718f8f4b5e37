/// The look of the PDF book: page, margins, fonts, sizes and colours.
///
/// The page is 6 × 9 in (US trade paperback): a size print-on-demand services print, that
/// holds ~70 characters of 11 pt body text per line, and that a tablet shows whole at a
/// readable size. Sizes are points (Pango works at 72 units per inch here, see `Typesetter`). Margins mirror: wider inside, for the binding. The fonts are DejaVu (Debian's
/// fonts-dejavu-core and -extra): Serif for text, Sans for headings and page chrome, Sans Mono
/// for code — one family drawn to match, with Latin, Greek and Cyrillic and many symbols, so
/// that few blogs show a missing glyph.
enum PDFStyle {
    static let pageWidth = 432.0
    static let pageHeight = 648.0
    static let innerMargin = 58.0
    static let outerMargin = 42.0
    static let topMargin = 54.0
    static let bottomMargin = 62.0
    static var textWidth: Double { pageWidth - innerMargin - outerMargin }
    static var textHeight: Double { pageHeight - topMargin - bottomMargin }
    /// Where running heads sit (their baseline's top) and page numbers (from the bottom).
    static let runningHeadTop = 30.0
    static let folioBottom = 34.0

    /// The left edge of the text on a page (odd pages are right-hand pages).
    static func textLeft(pageNumber: Int) -> Double {
        pageNumber % 2 == 1 ? innerMargin : outerMargin
    }

    struct Font: Hashable {
        static let serifFamily = "DejaVu Serif"
        static let sansFamily = "DejaVu Sans"
        static let monospaceFamily = "DejaVu Sans Mono"

        var family: String
        var size: Double
        var bold = false
        var italic = false

        /// Pango's description string: "DejaVu Serif Bold Italic 10".
        var description: String {
            [family, bold ? "Bold" : nil, italic ? "Italic" : nil, String(size)].compactMap { $0 }.joined(separator: " ")
        }

        static let body = Font(family: serifFamily, size: 11)
        static let code = Font(family: monospaceFamily, size: 8.5)
        static let small = Font(family: sansFamily, size: 8.5)
        static let runningHead = Font(family: sansFamily, size: 8)
        static let postTitle = Font(family: sansFamily, size: 20, bold: true)
        static let chapterTitle = Font(family: sansFamily, size: 26, bold: true)
        static let bookTitle = Font(family: sansFamily, size: 30, bold: true)

        /// Headings of a post's sections: h2 largest.
        static func heading(level: Int) -> Font {
            Font(family: sansFamily, size: [14.5, 12.5, 11.5, 11, 11][min(max(level - 2, 0), 4)], bold: true)
        }
    }

    /// Inline code beside body text: monospace runs a little smaller to match its x-height.
    static let inlineCodeScale = 0.88
    static let bodyLineSpacing = 1.3
    static let paragraphGap = 5.0

    struct Color: Hashable {
        var red: Double
        var green: Double
        var blue: Double

        static let text = Color(red: 0.1, green: 0.1, blue: 0.1)
        static let muted = Color(red: 0.4, green: 0.4, blue: 0.4)
        static let rule = Color(red: 0.7, green: 0.7, blue: 0.7)
        static let link = Color(red: 0.1, green: 0.2, blue: 0.5)
        static let codeBackground = Color(red: 0.95, green: 0.95, blue: 0.95)
        static let placeholder = Color(red: 0.55, green: 0.55, blue: 0.55)
    }

    /// Code colours that stay apart in grayscale print: each kind differs in lightness too, and
    /// comments are also italic.
    static func color(of kind: TokenKind) -> Color {
        switch kind {
        case .keyword, .tag: return Color(red: 0.45, green: 0.1, blue: 0.45)
        case .type, .builtin: return Color(red: 0.05, green: 0.3, blue: 0.45)
        case .function, .attribute, .property: return Color(red: 0.15, green: 0.25, blue: 0.6)
        case .string, .inserted: return Color(red: 0.1, green: 0.4, blue: 0.1)
        case .number, .literal, .variable: return Color(red: 0.6, green: 0.3, blue: 0.0)
        case .comment, .meta: return Color(red: 0.45, green: 0.45, blue: 0.45)
        case .deleted: return Color(red: 0.65, green: 0.1, blue: 0.1)
        case .operator, .punctuation: return Color(red: 0.25, green: 0.25, blue: 0.25)
        }
    }
}

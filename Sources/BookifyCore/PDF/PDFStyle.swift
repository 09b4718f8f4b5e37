/// The look of the PDF book: page, margins, fonts, sizes and colours.
///
/// By default the page is 6 × 9 in (US trade paperback): a size print-on-demand services
/// print, that holds ~70 characters of 11 pt body text per line, and that a tablet shows whole
/// at a readable size. Sizes are points (Pango works at 72 units per inch here, see
/// `Typesetter`). Margins mirror: wider inside, for the binding; unless chosen, they are the
/// same share of any page, and the body size follows the measure (about 30 ems a line, 9 to
/// 12 pt), so an A4 page does not get 100-character lines. Every other size scales with the
/// body's.
///
/// The text face is TeX Gyre Pagella (Debian's fonts-texgyre), a Palatino: drawn for books,
/// sturdy at 11 pt on a small page, with true italics and bold, f-ligatures, old-style figures
/// (used in running text) and small capitals, and a companion math face. Headings and page chrome
/// are set in it too, as books set them. Code is JetBrains Mono (fonts-jetbrains-mono), whose
/// open forms and tall x-height sit well beside Pagella, with true italics for comments and its
/// coding ligatures turned off (code reads as written). Scripts these lack come from
/// fontconfig's fallback (DejaVu, Noto). `--font` picks another text family.
struct PDFStyle {
    let pageWidth: Double
    let pageHeight: Double
    let margins: PageMargins
    /// The body text's size; everything else is sized from it.
    let bodySize: Double
    /// The family of text, headings and page chrome.
    let family: String

    init(_ settings: PDFPageSettings = PDFPageSettings()) {
        family = settings.fontFamily ?? Font.bookFamily
        let page = settings.pageSize
        pageWidth = page.width
        pageHeight = page.height
        margins = settings.margins ?? PageMargins(top: page.height / 12, outer: page.width * 0.097,
                                                  bottom: page.height * 0.096, inner: page.width * 0.134)
        let measure = max(page.width - margins.inner - margins.outer, 72)
        bodySize = settings.fontSize ?? min(12, max(9, (measure / 30 * 2).rounded(.down) / 2))
    }

    var textWidth: Double { max(pageWidth - margins.inner - margins.outer, 72) }
    var textHeight: Double { max(pageHeight - margins.top - margins.bottom, 72) }
    var topMargin: Double { margins.top }
    /// Where running heads sit (their top) and page numbers (their top, from the page's foot).
    var runningHeadTop: Double { max(margins.top * 0.55, 6) }
    var folioBottom: Double { max(margins.bottom * 0.55, 6 + small.size) }

    /// The left edge of the text on a page (odd pages are right-hand pages).
    func textLeft(pageNumber: Int) -> Double {
        pageNumber % 2 == 1 ? margins.inner : margins.outer
    }

    private var scale: Double { bodySize / 11 }
    private func sized(_ size: Double) -> Double { (size * scale * 4).rounded() / 4 }

    /// Running text: old-style figures, which sit among lower-case letters as words do.
    var body: Font { Font(family: family, size: bodySize, features: "onum") }
    var code: Font { Font(family: Font.monospaceFamily, size: sized(8.5), features: Font.codeFeatures) }
    var small: Font { Font(family: family, size: sized(9)) }
    var table: Font { Font(family: family, size: sized(9.5)) }
    var runningHead: Font { Font(family: family, size: sized(9), italic: true) }
    var postTitle: Font { Font(family: family, size: sized(21), bold: true) }
    var chapterTitle: Font { Font(family: family, size: sized(27), bold: true) }
    var bookTitle: Font { Font(family: family, size: sized(31), bold: true) }

    /// Headings of a post's sections: h2 largest.
    func heading(level: Int) -> Font {
        Font(family: family, size: sized([15, 13, 12, 11, 11][min(max(level - 2, 0), 4)]), bold: true)
    }

    /// A length given for 11 pt body text, at this style's size (gaps, indents, rules).
    func space(_ points: Double) -> Double { points * scale }

    var paragraphGap: Double { space(5) }

    struct Font: Hashable {
        static let bookFamily = "TeX Gyre Pagella"
        static let monospaceFamily = "JetBrains Mono"
        /// The continuation mark of wrapped code (↪), which JetBrains Mono does not have.
        static let markFamily = "DejaVu Sans Mono"
        /// JetBrains Mono's coding ligatures (`->` as an arrow) off: code shows what was typed.
        static let codeFeatures = "calt 0, liga 0"

        var family: String
        var size: Double
        var bold = false
        var italic = false
        /// OpenType features for all the text set in this font ("onum"), Pango's syntax.
        var features: String?

        /// Pango's description string: "DejaVu Serif Bold Italic 10".
        var description: String {
            [family, bold ? "Bold" : nil, italic ? "Italic" : nil, String(size)].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// Inline code beside body text: monospace runs a little smaller to match its x-height.
    static let inlineCodeScale = 0.88
    static let bodyLineSpacing = 1.3

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

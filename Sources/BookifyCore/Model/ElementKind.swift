/// What a `ContentElement` is: one of the XHTML5 elements the sanitizer keeps, and only those.
///
/// The raw value is the element's XHTML name, which only the EPUB writer and `ContentDump`
/// print; everything else switches on the case, so a misspelt kind does not compile. The
/// groups below (block, phrasing-only, heading level) are the HTML content models the
/// content stage repairs to and the writers lay out by.
public enum ElementKind: String, CaseIterable, Sendable, Hashable {
    // Sections and grouping
    case address, article, aside, blockquote, details, div, figcaption, figure, footer, header, hr, main, p, pre,
         section, summary
    case h1, h2, h3, h4, h5, h6
    // Lists
    case dd, dl, dt, li, ol, ul
    // Tables
    case caption, col, colgroup, table, tbody, td, tfoot, th, thead, tr
    // Text
    case a, abbr, b, bdi, bdo, br, cite, code, del, dfn, em, i, ins, kbd, mark, q, rp, rt, ruby, s, samp, small,
         span, strong, sub, sup, time, u, `var`, wbr

    /// The kind named `name` in XHTML (lower case), if the book keeps such elements.
    public init?(tagName name: String) {
        self.init(rawValue: name)
    }

    /// The element's tag name in XHTML (`p`, `h2`, `table`).
    public var tagName: String { rawValue }

    /// The heading of `level` (clamped to 1…6).
    public static func heading(level: Int) -> ElementKind {
        [.h1, .h2, .h3, .h4, .h5, .h6][min(6, max(1, level)) - 1]
    }

    /// 1 for `h1` … 6 for `h6`; `nil` for every other kind.
    public var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Flow content that is not phrasing content: what ends a paragraph and starts a block
    /// in a writer.
    public var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .details, .div, .dl, .dt, .dd, .figcaption, .figure, .footer,
             .h1, .h2, .h3, .h4, .h5, .h6, .header, .hr, .li, .main, .ol, .p, .pre, .section, .table, .caption,
             .colgroup, .col, .thead, .tbody, .tfoot, .tr, .td, .th, .ul:
            true
        case .summary, .a, .abbr, .b, .bdi, .bdo, .br, .cite, .code, .del, .dfn, .em, .i, .ins, .kbd, .mark, .q, .rp,
             .rt, .ruby, .s, .samp, .small, .span, .strong, .sub, .sup, .time, .u, .var, .wbr:
            false
        }
    }

    /// Whether the element's content must be phrasing content (text and inline elements).
    public var holdsPhrasingOnly: Bool {
        switch self {
        case .p, .span, .em, .strong, .b, .i, .u, .s, .small, .mark, .code, .kbd, .samp, .var, .sub, .sup, .abbr,
             .cite, .dfn, .q, .time, .bdi, .bdo, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .rt, .rp, .summary:
            true
        case .address, .article, .aside, .blockquote, .details, .div, .figcaption, .figure, .footer, .header, .hr,
             .main, .section, .dd, .dl, .dt, .li, .ol, .ul, .caption, .col, .colgroup, .table, .tbody, .td, .tfoot,
             .th, .thead, .tr, .a, .br, .del, .ins, .ruby, .wbr:
            false
        }
    }

    /// Whether the element never has content (`<br/>`).
    public var isVoid: Bool {
        switch self {
        case .br, .hr, .col, .wbr: true
        default: false
        }
    }

    /// Whether the element is a table cell.
    public var isTableCell: Bool { self == .td || self == .th }
}

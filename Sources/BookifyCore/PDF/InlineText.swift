/// Turns the inline content of a block (text, emphasis, code, links, note references…) into
/// `StyledText`, with every link pointing at a destination of the PDF or a web address.
struct InlineText {
    /// The ids inline elements define (`<a id>`): their destination is the block's start.
    private(set) var destinations: [String] = []
    /// Notes met inside the block; the writer places them.
    private(set) var notes: [Note] = []

    static func destination(of target: LinkTarget) -> PDFLinkTarget {
        switch target {
        case .external(let address): return .uri(address)
        case .post(let post, let anchor): return .destination(anchor ?? post)
        }
    }

    mutating func append(_ nodes: [ContentNode], style: StyledText.Style, to text: inout StyledText) {
        nodes.forEachInPlace { append($0, style: style, to: &text) }
    }

    private mutating func append(_ node: ContentNode, style: StyledText.Style, to text: inout StyledText) {
        switch node {
        case .text(let string):
            text.append(string, style: style)
        case .element(let element):
            append(element, style: style, to: &text)
        case .token(let token):
            var colored = style
            if let kind = token.kind {
                colored.color = PDFStyle.color(of: kind)
                colored.italic = kind == .comment
            }
            text.append(token.text, style: colored)
        case .checkbox(let checked):
            text.append(checked ? "☑ " : "☐ ", style: style)
        case .image(let image):
            if !image.alt.isEmpty { text.append("[\(image.alt)]", style: muted(style)) }
        case .placeholder(let placeholder):
            let start = text.bytes.count
            text.append(placeholder.description, style: muted(style))
            if let original = placeholder.original { text.addLink(start..<text.bytes.count, to: .uri(original.absoluteString)) }
        case .media(let reference):
            text.append(reference.description, style: muted(style))
        case .note(let note):
            notes.append(note)
        case .math(let formula):
            // A formula wholly unreadable (too long, too deep) is its source, as text that wraps.
            if MathFont.isInstalled, !Self.isError(formula.root) {
                text.append(formula, style: style)
            } else {
                InlineMath.append(formula.root, style: style, to: &text)
            }
        }
    }

    private mutating func append(_ element: ContentElement, style: StyledText.Style, to text: inout StyledText) {
        if let id = element.id { destinations.append(id) }
        var inner = style
        switch element.kind {
        case .em, .i, .cite, .dfn, .var: inner.italic.toggle()
        case .strong, .b, .th, .dt: inner.bold = true
        case .code, .kbd, .samp: inner.monospace = true
        case .s, .del: inner.strikethrough = true
        case .u, .ins: inner.underline = true
        case .sup:
            inner.rise += 3.5
            inner.scale *= 0.7
        case .sub:
            inner.rise -= 2
            inner.scale *= 0.7
        case .br:
            text.append("\u{2028}", style: style)
            return
        case .q:
            text.append("“", style: style)
            append(element.children, style: inner, to: &text)
            text.append("”", style: style)
            return
        // Kinds that change nothing in the text's look (blocks met inline are spaced below).
        case .a, .abbr, .bdi, .bdo, .mark, .rp, .rt, .ruby, .small, .span, .time, .wbr, .address, .article, .aside,
             .blockquote, .details, .div, .figcaption, .figure, .footer, .header, .hr, .main, .p, .pre, .section,
             .summary, .h1, .h2, .h3, .h4, .h5, .h6, .dd, .dl, .li, .ol, .ul, .caption, .col, .colgroup, .table,
             .tbody, .td, .tfoot, .thead, .tr:
            break
        }
        if element.role == .noteReference {
            inner.rise = 3.5
            inner.scale = 0.7
        }
        let start = text.bytes.count
        // A block met inside inline content (a table cell's paragraphs) is kept apart by a space.
        if element.kind.isBlock, start > 0 { text.append(" ", style: style) }
        if element.kind == .a, element.link != nil, element.role != .noteReference { inner.color = PDFStyle.Color.link }
        append(element.children, style: inner, to: &text)
        if let link = element.link { text.addLink(start..<text.bytes.count, to: Self.destination(of: link)) }
    }

    private static func isError(_ node: MathNode) -> Bool {
        switch node {
        case .error: true
        case .row(let nodes): nodes.count == 1 && isError(nodes[0])
        default: false
        }
    }

    private func muted(_ style: StyledText.Style) -> StyledText.Style {
        var muted = style
        muted.italic = true
        muted.color = PDFStyle.Color.muted
        return muted
    }
}

import Foundation

/// Lays out the blocks of a post's body (the book model) as slices for the paginator:
/// paragraphs and headings by line, lists with their markers, quotes with a rule, code on a
/// tinted ground, tables by row, images scaled to the page; a note goes with the line that
/// first refers to it (to the foot of its page), and notes never referred to gather at the end.
final class BlockSlicer {
    let style: PDFStyle
    let typesetter: Typesetter
    let images: [String: EmbeddedImage]
    /// Breaks the words of justified paragraphs; `nil`: the language has no patterns.
    var hyphenator: Hyphenator?
    /// The post is in a right-to-left language: its paragraphs start from the right whatever
    /// their first letter (a right-to-left mark leads them).
    var rightToLeft = false
    private(set) var slices: [Slice] = []
    /// The post's notes by id, for the lines that refer to them.
    var footnotes: [String: Note] = [:]
    /// Notes already given to a line.
    private var placedNotes: Set<String> = []
    /// The notes no line referred to, in the order met.
    private(set) var notes: [Note] = []
    /// Ids to mark at the next slice made.
    private var pendingDestinations: [String] = []

    init(style: PDFStyle, typesetter: Typesetter, images: [String: EmbeddedImage]) {
        self.style = style
        self.typesetter = typesetter
        self.images = images
    }

    /// Marks `id` as a destination at the next slice.
    func mark(_ id: String) { pendingDestinations.append(id) }

    func add(_ slice: Slice) {
        var slice = slice
        slice.destinations += pendingDestinations
        pendingDestinations = []
        slices.append(slice)
    }

    /// Lays out `nodes` (blocks and inline content mixed, as a container holds them) at
    /// `indent` from the text's left edge.
    func addBlocks(_ nodes: [ContentNode], indent: Double = 0) {
        var inline: [ContentNode] = []
        let flush = {
            if !inline.allSatisfy(\.isBlank) { self.addParagraph(inline, indent: indent) }
            inline = []
        }
        for node in nodes {
            switch node {
            case .element(let element) where element.kind.isBlock:
                flush()
                addBlock(element, indent: indent)
            case .note(let note):
                flush()
                if note.id.map(placedNotes.contains) != true { notes.append(note) }
            case .image(let image):
                flush()
                addImage(image, indent: indent)
            case .placeholder(let placeholder) where placeholder.layout == .figure:
                flush()
                addFrame([.text(placeholder.label)], link: placeholder.original, indent: indent)
            default:
                inline.append(node)
            }
        }
        flush()
    }

    private func addBlock(_ element: ContentElement, indent: Double) {
        if let id = element.id { mark(id) }
        switch element.kind {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            let level = element.kind.headingLevel ?? 2
            addParagraph(element.children, indent: indent, font: style.heading(level: level), spaceBefore: style.space(level == 2 ? 14 : 10),
                         keepWithNext: true, justify: false)
        case .p, .dt, .summary, .figcaption:
            let caption = element.kind == .figcaption || element.role == .strayCaption
            addParagraph(element.children, indent: indent, font: caption ? style.small : style.body,
                         style: element.kind == .dt ? StyledText.Style(bold: true) : StyledText.Style(italic: caption))
        case .pre:
            CodeBlockSlicer(style: style, typesetter: typesetter).add(element, indent: indent, to: self)
        case .ul, .ol:
            addList(element, indent: indent)
        case .blockquote:
            addIndented(element.children, indent: indent + style.space(14), rule: true)
        case .table:
            TableSlicer(style: style, typesetter: typesetter).add(element, indent: indent, to: self)
        case .hr:
            let middle = indent + (style.textWidth - indent) / 2
            add(Slice(height: 8, spaceBefore: 8, boxes: [
                .rule(from: LayoutPoint(x: middle - 40, y: 4), to: LayoutPoint(x: middle + 40, y: 4), color: .rule, width: 0.5),
            ]))
        case .dd:
            addIndented(element.children, indent: indent + style.space(14), rule: false)
        // Containers whose content is laid out as it stands; table parts outside a table and
        // phrasing content are never blocks here (the content stage repaired them away).
        case .address, .article, .aside, .details, .div, .dl, .figure, .footer, .header, .li, .main, .section,
             .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr,
             .a, .abbr, .b, .bdi, .bdo, .br, .cite, .code, .del, .dfn, .em, .i, .ins, .kbd, .mark, .q, .rp, .rt, .ruby,
             .s, .samp, .small, .span, .strong, .sub, .sup, .time, .u, .var, .wbr:
            addBlocks(element.children, indent: indent)
        }
    }

    /// A paragraph of inline content, one slice per line.
    func addParagraph(_ nodes: [ContentNode], indent: Double, font: PDFStyle.Font? = nil,
                      style: StyledText.Style = StyledText.Style(), spaceBefore: Double? = nil,
                      keepWithNext: Bool = false, justify: Bool = true, marker: String? = nil) {
        var inline = InlineText()
        var text = StyledText()
        inline.append(nodes, style: style, to: &text)
        text.collapseWhiteSpace()
        inline.destinations.forEach(mark)
        notes += inline.notes
        guard !text.isEmpty else { return }
        if rightToLeft { text = StyledText.plain("\u{200F}", style: style) + text }
        if justify, let hyphenator { text.hyphenate(with: hyphenator) }
        let font = font ?? self.style.body
        // A formula on a line of its own is centred.
        let displayed = nodes.filter { !$0.isBlank }.count == 1 && nodes.contains { if case .math(let formula) = $0 { formula.display } else { false } }
        let options = TextLayout.Options(font: font, width: self.style.textWidth - indent, justify: justify && !displayed,
                                         center: displayed, lineSpacing: font == self.style.body ? PDFStyle.bodyLineSpacing : 1.1)
        addLines(of: TextLayout(text, options: options, typesetter: typesetter), indent: indent,
                 spaceBefore: spaceBefore ?? self.style.paragraphGap,
                 keepWithNext: keepWithNext, marker: marker, markerFont: font)
    }

    /// A laid-out text as one slice per line; the first `keepWithNext` lines (and two lines at
    /// each end of a paragraph) stay together.
    func addLines(of layout: TextLayout, indent: Double, spaceBefore: Double, keepWithNext: Bool = false,
                  marker: String? = nil, markerFont: PDFStyle.Font? = nil) {
        let markerLayout = marker.map { TextLayout(StyledText.plain($0), options: .init(font: markerFont ?? style.body, width: 40), typesetter: typesetter) }
        for index in layout.lines.indices {
            let line = layout.lines[index]
            let isLast = index == layout.lines.count - 1
            let keep = keepWithNext || (index == 0 && layout.lines.count > 2) || index == layout.lines.count - 2
            let links = layout.links(onLine: index)
            var boxes: [LayoutBox] = [.textLine(layout, index: index, x: indent, y: -line.top)]
            boxes += links.map { .link($0.target, LayoutRect(x: indent + $0.x, y: 0, width: $0.width, height: line.height)) }
            if index == 0, let markerLayout, let markerLine = markerLayout.lines.first {
                let width = markerLayout.width(ofLine: 0)
                boxes.append(.textLine(markerLayout, index: 0, x: indent - width - 5, y: line.ascent - markerLine.baseline))
            }
            add(Slice(height: line.height, spaceBefore: index == 0 ? spaceBefore : 0, keepWithNext: keep && !(isLast && !keepWithNext),
                      footnotes: footnoteSlices(referredToBy: links.map(\.target)), boxes: boxes))
        }
    }

    /// The notes first referred to by `targets` (a line's links), laid out for the page's foot.
    func footnoteSlices(referredToBy targets: [PDFLinkTarget]) -> [Slice] {
        targets.flatMap { target -> [Slice] in
            guard case .destination(let id) = target, let note = footnotes[id], placedNotes.insert(id).inserted else { return [] }
            return noteSlices(note)
        }
    }

    /// A note in small type, its number hanging in the margin of its first paragraph.
    func noteSlices(_ note: Note) -> [Slice] {
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        if let id = note.id { slicer.mark(id) }
        let children = note.children.filter { !$0.isBlank }
        let firstParagraph = children.first?.element(.p)
        slicer.addParagraph(firstParagraph?.children ?? [], indent: style.space(14), font: style.small, spaceBefore: 2,
                            justify: false, marker: "\(note.number).")
        slicer.addBlocks(Array(children.dropFirst(firstParagraph == nil ? 0 : 1)), indent: style.space(14))
        return slicer.slices
    }

    private func addList(_ list: ContentElement, indent: Double) {
        let ordered = list.kind == .ol
        let items = list.children.compactMap { $0.element(.li) }
        let reversed = list[.reversed] != nil
        var number = Int(list[.start] ?? "") ?? (reversed ? items.count : 1)
        for item in items {
            if let value = item[.value].flatMap({ Int($0) }) { number = value }
            let marker = item.role == .taskItem ? "" : ordered ? "\(number)." : (indent > 0 ? "◦" : "•")
            if let id = item.id { mark(id) }
            let before = slices.count
            addItem(item.children, indent: indent + 22, marker: marker)
            if slices.count > before { slices[before].spaceBefore = min(slices[before].spaceBefore, 3) }
            number += reversed ? -1 : 1
        }
    }

    /// A list item: its first paragraph carries the marker.
    private func addItem(_ nodes: [ContentNode], indent: Double, marker: String) {
        let firstBlock = nodes.firstIndex { node in
            node.element()?.kind.isBlock ?? false
        } ?? nodes.count
        let leading = Array(nodes[..<firstBlock])
        if !leading.allSatisfy(\.isBlank) {
            addParagraph(leading, indent: indent, spaceBefore: 3, justify: false, marker: marker)
            addBlocks(Array(nodes[firstBlock...]), indent: indent)
        } else if let first = nodes[firstBlock...].first?.element(), first.kind == .p {
            addParagraph(first.children, indent: indent, spaceBefore: 3, justify: false, marker: marker)
            addBlocks(Array(nodes[(firstBlock + 1)...]), indent: indent)
        } else {
            addBlocks(nodes, indent: indent)
        }
    }

    /// Blocks set in by `indent`, with a rule along their left side for a quotation.
    private func addIndented(_ nodes: [ContentNode], indent: Double, rule: Bool) {
        let before = slices.count
        addBlocks(nodes, indent: indent)
        guard rule else { return }
        for index in before..<slices.count {
            let height = slices[index].height
            slices[index].boxes.append(.rule(from: LayoutPoint(x: indent - 9, y: -1), to: LayoutPoint(x: indent - 9, y: height + 1),
                                             color: .rule, width: 1.5))
        }
    }

    /// An embedded image, scaled to the text width and at most 85% of the page height, never
    /// beyond its size at 96 pixels per inch (an icon stays small), its aspect kept; SVG is
    /// drawn as vectors. A format that cannot be drawn here becomes a framed placeholder.
    func addImage(_ use: ImageUse, indent: Double) {
        guard let image = images[use.imageID], PDFCanvas.canDraw(image.type) else {
            addFrame([.text(use.alt.isEmpty ? "An image" : use.alt)], note: "(a \(images[use.imageID]?.type.rawValue.uppercased() ?? "") image, not shown in print)",
                     link: nil, indent: indent)
            return
        }
        let available = style.textWidth - indent
        let natural = (width: Double(max(use.width, 1)) * 0.75, height: Double(max(use.height, 1)) * 0.75)
        let scale = min(1, available / natural.width, style.textHeight * 0.85 / natural.height)
        let height = natural.height * scale
        // At the foot of a page an image may be set smaller, down to 60%; smaller still, it
        // reads better on the next page.
        let slice = { (height: Double) -> Slice in
            let width = natural.width * height / natural.height
            return Slice(height: height, spaceBefore: self.style.space(8),
                         boxes: [.image(image, LayoutRect(x: indent + (available - width) / 2, y: 0, width: width, height: height))])
        }
        var full = slice(height)
        full.shrunk = (height * 0.6, slice)
        add(full)
    }

    /// What stands in for an image or a video that is not in the book: its description, why
    /// not, and the address it was at (a link), in a thin frame.
    func addFrame(_ description: [ContentNode], note: String? = nil, link: URL?, indent: Double) {
        var inline = InlineText()
        var text = StyledText()
        inline.append(description, style: StyledText.Style(italic: true), to: &text)
        text.collapseWhiteSpace()
        if let note { text.append(" " + note, style: StyledText.Style(color: .muted)) }
        if let link {
            text.append("\u{2028}", style: StyledText.Style())
            let start = text.bytes.count
            text.append(link.absoluteString, style: StyledText.Style(color: .link))
            text.addLink(start..<text.bytes.count, to: .uri(link.absoluteString))
        }
        let padding = style.space(6)
        let width = style.textWidth - indent
        let layout = TextLayout(text, options: .init(font: style.small, width: width - 2 * padding, center: true, lineSpacing: 1.2),
                                typesetter: typesetter)
        let height = layout.height + 2 * padding
        var boxes: [LayoutBox] = [.frame(LayoutRect(x: indent, y: 0, width: width, height: height), color: .placeholder)]
        for line in layout.lines.indices {
            boxes.append(.textLine(layout, index: line, x: indent + padding, y: padding))
            boxes += layout.links(onLine: line).map { link in
                .link(link.target, LayoutRect(x: indent + padding + link.x, y: padding + layout.lines[line].top,
                                              width: link.width, height: layout.lines[line].height))
            }
        }
        add(Slice(height: height, spaceBefore: style.space(8), boxes: boxes))
    }
}

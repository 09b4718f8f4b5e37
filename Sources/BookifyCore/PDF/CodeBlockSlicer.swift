/// A code block: monospace on a tinted ground, coloured by token kind, never hyphenated. A
/// line longer than the measure wraps (at a space or after punctuation where Unicode allows,
/// inside a token only when it alone is too long), hanging at its own indentation, with a mark
/// (↪) before its continuation; a text diagram is set smaller (down to 70%) so that it does not wrap.
struct CodeBlockSlicer {
    let style: PDFStyle
    let typesetter: Typesetter
    static let padding = 5.0
    /// JetBrains Mono's advance width, in ems.
    static let advance = 0.6

    func add(_ pre: ContentElement, indent: Double, to slicer: BlockSlicer) {
        var inline = InlineText()
        var text = StyledText()
        inline.append(pre.children, style: StyledText.Style(), to: &text)
        inline.destinations.forEach(slicer.mark)
        text.trimTrailingNewlines()
        guard !text.isEmpty else { return }
        let width = style.textWidth - indent - 2 * Self.padding
        var font = style.code
        if case .diagram(let longest) = pre.role, longest > 0 {
            let fitting = width / (Double(longest) * Self.advance)
            font.size = max(font.size * 0.7, min(font.size, fitting))
        }
        // A layout per line of code: Pango's cost grows with the square of a layout's length.
        // A line that wraps hangs at its own indentation plus two columns.
        let column = font.size * Self.advance
        let rows = text.lines().flatMap { line -> [(layout: TextLayout, index: Int)] in
            let indentation = line.bytes.prefix { $0 == 0x20 || $0 == 0x09 }.reduce(0) { $0 + ($1 == 0x09 ? 4 : 1) }
            let options = TextLayout.Options(font: font, width: width, code: true, lineSpacing: 1.15,
                                             firstLineIndent: -min(Double(indentation + 2) * column, width / 2))
            let layout = TextLayout(line.isEmpty ? StyledText.plain(" ") : line, options: options, typesetter: typesetter)
            return layout.lines.indices.map { (layout, $0) }
        }
        let mark = TextLayout(StyledText.plain("↪", style: StyledText.Style(color: .muted)),
                              options: .init(font: PDFStyle.Font(family: PDFStyle.Font.markFamily, size: font.size * 0.8), width: 20),
                              typesetter: typesetter)
        for (position, row) in rows.enumerated() {
            let line = row.layout.lines[row.index]
            let top = position == 0 ? Self.padding : 0
            let bottom = position == rows.count - 1 ? Self.padding : 0
            let height = line.height + top + bottom
            var boxes: [LayoutBox] = [
                .fill(LayoutRect(x: indent, y: 0, width: width + 2 * Self.padding, height: height), color: .codeBackground),
                .textLine(row.layout, index: row.index, x: indent + Self.padding, y: top - line.top),
            ]
            if line.continues {
                boxes.append(.textLine(mark, index: 0, x: indent + Self.padding + line.x - mark.width(ofLine: 0) - 1,
                                       y: top + line.ascent - mark.lines[0].baseline))
            }
            slicer.add(Slice(height: height, spaceBefore: position == 0 ? 7 : 0, keepWithNext: position == 0 || position == rows.count - 2,
                             boxes: boxes))
        }
    }
}

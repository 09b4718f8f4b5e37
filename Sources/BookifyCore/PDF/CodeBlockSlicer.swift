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
        let rows = codeRows(text.lines(), font: font, width: width)
        // The continuation mark, laid out only for a block that has a wrapped line.
        let mark = rows.contains { $0.layout.lines[$0.index].continues } ? TextLayout(
            StyledText.plain("↪", style: StyledText.Style(color: .muted)),
            options: .init(font: PDFStyle.Font(family: PDFStyle.Font.markFamily, size: font.size * 0.8), width: 20),
            typesetter: typesetter) : nil
        for (position, row) in rows.enumerated() {
            let line = row.layout.lines[row.index]
            let top = position == 0 ? Self.padding : 0
            let bottom = position == rows.count - 1 ? Self.padding : 0
            let height = line.height + top + bottom
            var boxes: [LayoutBox] = [
                .fill(LayoutRect(x: indent, y: 0, width: width + 2 * Self.padding, height: height), color: .codeBackground),
                .textLine(row.layout, index: row.index, x: indent + Self.padding, y: top - line.top),
            ]
            if line.continues, let mark {
                boxes.append(.textLine(mark, index: 0, x: indent + Self.padding + line.x - mark.width(ofLine: 0) - 1,
                                       y: top + line.ascent - mark.lines[0].baseline))
            }
            slicer.add(Slice(height: height, spaceBefore: position == 0 ? 7 : 0, keepWithNext: position == 0 || position == rows.count - 2,
                             boxes: boxes))
        }
    }

    /// Each line of code as laid out: `(layout, line index)`. A line that may wrap gets a layout
    /// of its own, hanging at its own indentation plus two columns; runs of lines that surely
    /// fit (ASCII, no tabs, fewer columns than the measure holds) share one, since most of
    /// Pango's cost is per layout. Layouts stay short: Pango's cost grows with the square of a
    /// paragraph's length, not with the number of lines.
    private func codeRows(_ lines: [StyledText], font: PDFStyle.Font, width: Double) -> [(layout: TextLayout, index: Int)] {
        let column = font.size * Self.advance
        let fittingColumns = Int(width / column) - 1
        var rows: [(layout: TextLayout, index: Int)] = []
        var batch: [StyledText] = []
        func lay(_ text: StyledText, indentation: Int) {
            let options = TextLayout.Options(font: font, width: width, code: true, lineSpacing: 1.15,
                                             firstLineIndent: -min(Double(indentation + 2) * column, width / 2))
            let layout = TextLayout(text, options: options, typesetter: typesetter)
            rows += layout.lines.indices.map { (layout, $0) }
        }
        func flush() {
            guard let first = batch.first else { return }
            lay(batch.dropFirst().reduce(first) { $0 + StyledText.plain("\n") + $1 }, indentation: 0)
            batch = []
        }
        for line in lines {
            if line.bytes.count <= fittingColumns, line.bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                if batch.count == Self.linesPerLayout { flush() }
                batch.append(line.isEmpty ? StyledText.plain(" ") : line)
            } else {
                flush()
                let indentation = line.bytes.prefix { $0 == 0x20 || $0 == 0x09 }.reduce(0) { $0 + ($1 == 0x09 ? 4 : 1) }
                lay(line, indentation: indentation)
            }
        }
        flush()
        return rows
    }

    /// Lines of code that share a layout, at most.
    static let linesPerLayout = 40
}

/// A table, row by row: columns share the width by the length of their text, cells wrap, a
/// header row is bold, and every row is a slice, so that a long table continues on the next
/// page. (Issue 13 makes tables hold up fully: widths from content, spans, repeated headers.)
struct TableSlicer {
    let style: PDFStyle
    let typesetter: Typesetter
    static let padding = 3.0

    func add(_ table: ContentElement, indent: Double, to slicer: BlockSlicer) {
        let rows = Self.rows(of: table)
        let columnCount = rows.map(\.cells.count).max() ?? 0
        guard columnCount > 0 else { return }
        let width = style.textWidth - indent
        let widths = Self.columnWidths(rows, columns: columnCount, width: width)
        for (rowIndex, row) in rows.enumerated() {
            var x = 0.0
            var cells: [(layout: TextLayout, x: Double, width: Double, right: Bool)] = []
            for (index, cell) in row.cells.enumerated() {
                var inline = InlineText()
                var text = StyledText()
                inline.append(cell.children, style: StyledText.Style(bold: row.isHeader || cell.name == "th"), to: &text)
                text.collapseWhiteSpace()
                inline.destinations.forEach(slicer.mark)
                let cellWidth = widths[index..<min(index + (cell.span?.columns ?? 1), columnCount)].reduce(0, +)
                let options = TextLayout.Options(font: style.table,
                                                 width: max(cellWidth - 2 * Self.padding, 10),
                                                 center: cell.alignment == .center, lineSpacing: 1.1)
                cells.append((TextLayout(text, options: options, typesetter: typesetter), x, cellWidth, cell.alignment == .right))
                x += widths[index]
            }
            let height = (cells.map(\.layout.height).max() ?? 0) + 2 * Self.padding
            let isLast = rowIndex == rows.count - 1
            slicer.add(Slice(height: height, spaceBefore: rowIndex == 0 ? 8 : 0, keepWithNext: row.isHeader) { canvas, left, y in
                if row.isHeader { canvas.fillRectangle(x: left + indent, y: y, width: width, height: height, color: .codeBackground) }
                for cell in cells {
                    for index in cell.layout.lines.indices {
                        let offset = cell.right ? cell.width - 2 * Self.padding - cell.layout.width(ofLine: index) : 0
                        cell.layout.drawLine(index, x: left + indent + cell.x + Self.padding + offset, y: y + Self.padding, canvas: canvas)
                    }
                }
                canvas.line(from: (left + indent, y + height), to: (left + indent + width, y + height),
                            color: .rule, width: isLast || row.isHeader ? 0.8 : 0.3)
            })
        }
    }

    struct Row {
        var cells: [ContentElement]
        var isHeader: Bool
    }

    /// The rows in order, those of `thead` marked as header rows.
    static func rows(of table: ContentElement) -> [Row] {
        table.children.compactMap { $0.element() }.flatMap { child -> [Row] in
            switch child.name {
            case "tr": return [Row(cells: cells(of: child), isHeader: false)]
            case "thead", "tbody", "tfoot":
                return child.children.compactMap { $0.element(named: "tr") }.map { Row(cells: cells(of: $0), isHeader: child.name == "thead") }
            default: return []
            }
        }
    }

    private static func cells(of row: ContentElement) -> [ContentElement] {
        row.children.compactMap { $0.element() }.filter { $0.name == "td" || $0.name == "th" }
    }

    /// Each column's share of the width: by the square root of its longest text, so that a long
    /// column gets more room without starving a short one.
    static func columnWidths(_ rows: [Row], columns: Int, width: Double) -> [Double] {
        var longest = [Double](repeating: 1, count: columns)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where index < columns {
                longest[index] = max(longest[index], Double(cell.textContent.count))
            }
        }
        let weights = longest.map { $0.squareRoot() }
        let total = weights.reduce(0, +)
        return weights.map { width * $0 / total }
    }
}

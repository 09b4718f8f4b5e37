/// A table, row by row: column widths from the cells' content (see `TableColumns`), cell text
/// wrapping and aligned as the source says, spans across columns and rows, the header rows
/// repeated on every page the table continues on, and a caption above. A row taller than a
/// third of the page is cut between lines into bands that may go on the next page. A table too
/// wide for the measure is set in smaller type (down to 70%) with its cells wrapped; one that is
/// still too wide is turned a quarter onto pages of its own (`TurnedTable`), where the page's
/// height is its measure, at the largest size that fits there, its words broken only if none does.
struct TableSlicer {
    let style: PDFStyle
    let typesetter: Typesetter

    /// Sizes tried, as shares of the table font's, before the table is turned or its words broken.
    static let shrinkSteps = [1.0, 0.9, 0.8, 0.7]

    private struct LaidOutCell {
        var grid: TableGrid.Cell
        var layout: TextLayout
        var x: Double
        var width: Double
    }

    /// The measure a table is set to and the height of the frames it is cut into.
    private struct Frame {
        var width: Double
        var height: Double
        var indent: Double
    }

    func add(_ table: ContentElement, indent: Double, to slicer: BlockSlicer) {
        let grid = TableGrid(table)
        guard grid.columnCount > 0, grid.rowCount > 0 else { return }
        let padding = style.space(3)
        let texts = grid.cells.map { cell -> (StyledText, [String]) in
            var inline = InlineText()
            var text = StyledText()
            inline.append(cell.element.children, style: StyledText.Style(bold: cell.isHeader), to: &text)
            text.collapseWhiteSpace()
            return (text, inline.destinations)
        }
        texts.flatMap(\.1).forEach(slicer.mark)
        let upright = Frame(width: style.textWidth - indent, height: style.textHeight, indent: indent)
        if let fit = fittingColumns(grid, texts: texts.map(\.0), available: upright.width, padding: padding) {
            if let caption = grid.caption {
                slicer.addParagraph(caption.children, indent: indent, font: style.small, style: StyledText.Style(italic: true),
                                    spaceBefore: style.space(8), keepWithNext: true, justify: false)
            }
            rowSlices(grid, texts: texts.map(\.0), font: fit.font, widths: fit.widths, frame: upright, padding: padding,
                      slicer: slicer).forEach(slicer.add)
            return
        }
        let turned = Frame(width: style.textHeight, height: style.textWidth, indent: 0)
        let fit = fittingColumns(grid, texts: texts.map(\.0), available: turned.width, padding: padding)
            ?? squeezedColumns(grid, texts: texts.map(\.0), available: turned.width, padding: padding)
        var slices = rowSlices(grid, texts: texts.map(\.0), font: fit.font, widths: fit.widths, frame: turned, padding: padding,
                               slicer: slicer)
        if let caption = grid.caption { slices.insert(captionSlice(caption, width: turned.width), at: 0) }
        for page in TurnedTable.pages(slices, length: turned.width, depth: turned.height) { slicer.add(page) }
    }

    /// The table's rows as slices (a tall row as bands), each keeping what it must with the next.
    private func rowSlices(_ grid: TableGrid, texts: [StyledText], font: PDFStyle.Font, widths: [Double], frame: Frame,
                           padding: Double, slicer: BlockSlicer) -> [Slice] {
        let edges = widths.reduce(into: [0.0]) { $0.append($0.last! + $1) }
        let cells = zip(grid.cells, texts).map { cell, text in
            let width = edges[min(cell.column + cell.columns, grid.columnCount)] - edges[cell.column]
            let alignment = cell.element.alignment
            let options = TextLayout.Options(font: font, width: max(width - 2 * padding, 1), center: alignment == .center,
                                             right: alignment == .right, lineSpacing: 1.1)
            return LaidOutCell(grid: cell, layout: TextLayout(text, options: options, typesetter: typesetter),
                               x: edges[cell.column], width: width)
        }
        let heights = rowHeights(cells, rows: grid.rowCount, padding: padding)
        let indent = frame.indent
        let rowSlices = (0..<grid.rowCount).map { row in
            Slice(height: heights[row], boxes: rowBoxes(row, of: grid, cells: cells, edges: edges, height: heights[row],
                                                        indent: indent, padding: padding))
        }
        let header = Array(rowSlices.prefix(grid.headerRows))
        var slices: [Slice] = []
        for (row, var slice) in rowSlices.enumerated() {
            slice.spaceBefore = row == 0 && grid.caption == nil ? style.space(8) : 0
            // Header rows stay with the first body row; rows a cell spans stay together.
            let spanned = cells.contains { $0.grid.row <= row && $0.grid.row + $0.grid.rows - 1 > row }
            slice.keepWithNext = row < grid.headerRows || spanned
            if row >= grid.headerRows { slice.continuationHeader = header }
            slice.footnotes = slicer.footnoteSlices(referredToBy: cells.filter { $0.grid.row == row }.flatMap { cell in
                cell.layout.lines.indices.flatMap(cell.layout.links(onLine:)).map(\.target)
            })
            let rowCells = cells.filter { $0.grid.row == row }
            let tall = heights[row] > frame.height / 3 && row >= grid.headerRows && !spanned && rowCells.allSatisfy { $0.grid.rows == 1 }
            guard tall else { slices.append(slice); continue }
            slices += bands(of: slice, row: row, grid: grid, cells: rowCells, edges: edges, height: frame.height / 4,
                            indent: indent, padding: padding)
        }
        return slices
    }

    /// A turned table's caption, in the frame above its first row.
    private func captionSlice(_ caption: ContentElement, width: Double) -> Slice {
        var inline = InlineText()
        var text = StyledText()
        inline.append(caption.children, style: StyledText.Style(italic: true), to: &text)
        text.collapseWhiteSpace()
        let layout = TextLayout(text, options: .init(font: style.small, width: width, lineSpacing: 1.1), typesetter: typesetter)
        let gap = style.space(4)
        return Slice(height: layout.height + gap, keepWithNext: true,
                     boxes: layout.lines.indices.map { .textLine(layout, index: $0, x: 0, y: 0) })
    }

    /// A tall row as bands of a quarter page, cut between lines: the first with the row's top
    /// padding, space and notes, the last with its bottom padding and rule.
    private func bands(of slice: Slice, row: Int, grid: TableGrid, cells: [LaidOutCell], edges: [Double], height: Double,
                       indent: Double, padding: Double) -> [Slice] {
        // A line reaches down to the next line of its cell (their spacing overlaps), the last to its own foot.
        let lines = cells.map { cell in
            cell.layout.lines.indices.map { index in
                let line = cell.layout.lines[index]
                return (top: line.top, bottom: index + 1 < cell.layout.lines.count ? cell.layout.lines[index + 1].top : line.top + line.height)
            }
        }
        let ranges = TableRowBands.bands(lines, height: height)
        return ranges.enumerated().map { index, range in
            let (first, last) = (index == 0, index == ranges.count - 1)
            let top = first ? padding : 0
            var band = Slice(height: top + range.upperBound - range.lowerBound + (last ? padding : 0))
            band.spaceBefore = first ? slice.spaceBefore : 0
            band.continuationHeader = slice.continuationHeader
            band.footnotes = first ? slice.footnotes : []
            for cell in cells {
                for line in cell.layout.lines.indices where range.contains(cell.layout.lines[line].top) {
                    let y = top - range.lowerBound
                    band.boxes.append(.textLine(cell.layout, index: line, x: indent + cell.x + padding, y: y))
                    band.boxes += cell.layout.links(onLine: line).map { link in
                        .link(link.target, LayoutRect(x: indent + cell.x + padding + link.x, y: y + cell.layout.lines[line].top,
                                                      width: link.width, height: cell.layout.lines[line].height))
                    }
                }
            }
            if last { band.boxes += rules(under: row, of: grid, cells: cells, edges: edges, at: band.height, indent: indent) }
            return band
        }
    }

    /// The table font at the largest size whose columns' minimum widths (their widest words)
    /// fit `available`, and the column widths; `nil` when none does.
    private func fittingColumns(_ grid: TableGrid, texts: [StyledText], available: Double,
                                padding: Double) -> (font: PDFStyle.Font, widths: [Double])? {
        for step in Self.shrinkSteps {
            let font = tableFont(scaledBy: step)
            let demands = columnDemands(grid, texts: texts, font: font, padding: padding)
            if let widths = TableColumns.widths(demands, columns: grid.columnCount, available: available) { return (font, widths) }
        }
        return nil
    }

    /// The smallest table font, with the measure shared by the columns' minimum widths: their
    /// words then break.
    private func squeezedColumns(_ grid: TableGrid, texts: [StyledText], available: Double,
                                 padding: Double) -> (font: PDFStyle.Font, widths: [Double]) {
        let font = tableFont(scaledBy: Self.shrinkSteps.last!)
        let squeezed = columnDemands(grid, texts: texts, font: font, padding: padding).map {
            TableColumns.Demand(column: $0.column, columns: $0.columns, minimum: 0, preferred: $0.minimum)
        }
        let widths = TableColumns.widths(squeezed, columns: grid.columnCount, available: .infinity) ?? []
        let total = widths.reduce(0, +)
        return (font, widths.map { total > 0 ? available * $0 / total : available / Double(grid.columnCount) })
    }

    private func tableFont(scaledBy share: Double) -> PDFStyle.Font {
        var font = style.table
        font.size = style.table.size * share
        return font
    }

    /// What each cell asks of its columns: its widest word (minimum) and its unwrapped width.
    private func columnDemands(_ grid: TableGrid, texts: [StyledText], font: PDFStyle.Font, padding: Double) -> [TableColumns.Demand] {
        zip(grid.cells, texts).map { cell, text in
            let words = TextLayout(text, options: .init(font: font, width: 1, wordsOnly: true), typesetter: typesetter)
            let line = TextLayout(text, options: .init(font: font, width: 0), typesetter: typesetter)
            return TableColumns.Demand(column: cell.column, columns: cell.columns, minimum: words.widestLine + 2 * padding,
                                       preferred: line.widestLine + 2 * padding)
        }
    }

    /// What row `row` shows: the header's shading, its cells' lines and links, and the rule
    /// under it (heavier under the header and the last row; none through a cell that spans on).
    private func rowBoxes(_ row: Int, of grid: TableGrid, cells: [LaidOutCell], edges: [Double], height: Double,
                          indent: Double, padding: Double) -> [LayoutBox] {
        var boxes: [LayoutBox] = []
        if row < grid.headerRows {
            boxes.append(.fill(LayoutRect(x: indent, y: 0, width: edges.last!, height: height), color: .codeBackground))
        }
        for cell in cells where cell.grid.row == row {
            for line in cell.layout.lines.indices {
                boxes.append(.textLine(cell.layout, index: line, x: indent + cell.x + padding, y: padding))
            }
            boxes += cell.layout.lines.indices.flatMap(cell.layout.links(onLine:)).map { link in
                .link(link.target, LayoutRect(x: indent + cell.x + padding + link.x, y: 0, width: link.width, height: height))
            }
        }
        return boxes + rules(under: row, of: grid, cells: cells, edges: edges, at: height, indent: indent)
    }

    /// The rule under row `row`, `y` down the slice: heavier under the header and the last row,
    /// none through a cell that spans on.
    private func rules(under row: Int, of grid: TableGrid, cells: [LaidOutCell], edges: [Double], at y: Double,
                       indent: Double) -> [LayoutBox] {
        let heavy = row == grid.headerRows - 1 || row == grid.rowCount - 1
        let spanning = cells.filter { $0.grid.row <= row && $0.grid.row + $0.grid.rows - 1 > row }
        return (0..<grid.columnCount).filter { column in
            !spanning.contains { (($0.grid.column)..<($0.grid.column + $0.grid.columns)).contains(column) }
        }.map { column in
            .rule(from: LayoutPoint(x: indent + edges[column], y: y), to: LayoutPoint(x: indent + edges[column + 1], y: y),
                  color: .rule, width: heavy ? 0.8 : 0.3)
        }
    }

    /// Each row's height: its tallest cell; a cell spanning rows that needs more grows the last.
    private func rowHeights(_ cells: [LaidOutCell], rows: Int, padding: Double) -> [Double] {
        var heights = [Double](repeating: 2 * padding, count: rows)
        for cell in cells where cell.grid.rows == 1 {
            heights[cell.grid.row] = max(heights[cell.grid.row], cell.layout.height + 2 * padding)
        }
        for cell in cells where cell.grid.rows > 1 {
            let last = cell.grid.row + cell.grid.rows - 1
            let spanned = heights[cell.grid.row...last].reduce(0, +)
            heights[last] += max(0, cell.layout.height + 2 * padding - spanned)
        }
        return heights
    }
}

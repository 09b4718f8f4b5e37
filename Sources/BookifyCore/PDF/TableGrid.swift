/// A table's cells placed on a grid as HTML places them: each cell at the first free column of
/// its row, spans reserving the columns and rows below, and the leading header rows (`thead`, or
/// a first row of `th` cells) known, since they repeat on every page the table continues on.
struct TableGrid {
    struct Cell {
        var element: ContentElement
        var row: Int
        var column: Int
        var columns: Int
        var rows: Int
        var isHeader: Bool
    }

    private(set) var cells: [Cell] = []
    private(set) var rowCount = 0
    private(set) var columnCount = 0
    /// How many rows at the top are header rows.
    private(set) var headerRows = 0
    private(set) var caption: ContentElement?

    init(_ table: ContentElement) {
        var rows: [(cells: [ContentElement], inHead: Bool)] = []
        for child in table.children.compactMap({ $0.element() }) {
            switch child.kind {
            case .caption: caption = child
            case .tr: rows.append((Self.cells(of: child), false))
            case .thead, .tbody, .tfoot:
                rows += child.children.compactMap { $0.element(.tr) }.map { (Self.cells(of: $0), child.kind == .thead) }
            default: break
            }
        }
        rowCount = rows.count
        var taken = Set<[Int]>()  // [row, column] pairs a span reserved
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for element in row.cells {
                while taken.contains([rowIndex, column]) { column += 1 }
                // Spans as browsers clamp them: at least 1, at most 1000 columns, rows to the table's end.
                let columns = min(max(element.span?.columns ?? 1, 1), 1000)
                let spannedRows = min(max(element.span?.rows ?? 1, 1), rows.count - rowIndex)
                for r in rowIndex..<(rowIndex + spannedRows) {
                    for c in column..<(column + columns) { taken.insert([r, c]) }
                }
                cells.append(Cell(element: element, row: rowIndex, column: column, columns: columns, rows: spannedRows,
                                  isHeader: row.inHead || element.kind == .th))
                column += columns
                columnCount = max(columnCount, column)
            }
        }
        headerRows = rows.prefix { row in row.inHead }.count
        if headerRows == 0, let first = rows.first, !first.cells.isEmpty, rows.count > 1,
           first.cells.allSatisfy({ $0.kind == .th }) {
            headerRows = 1
        }
        // A row span running out of the header would tie it to the body: the header ends there.
        while headerRows > 0, cells.contains(where: { $0.row < headerRows && $0.row + $0.rows > headerRows }) { headerRows -= 1 }
    }

    private static func cells(of row: ContentElement) -> [ContentElement] {
        row.children.compactMap { $0.element() }.filter(\.kind.isTableCell)
    }
}

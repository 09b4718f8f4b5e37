@testable import BookifyCore
import Testing

@Suite struct TableLayoutTests {
    private func cell(_ kind: ElementKind = .td, columns: Int? = nil, rows: Int? = nil) -> ContentNode {
        var element = ContentElement(kind, children: [.text("x")])
        if columns != nil || rows != nil { element.span = CellSpan(columns: columns, rows: rows) }
        return .element(element)
    }

    private func row(_ cells: ContentNode...) -> ContentNode { .element(ContentElement(.tr, children: cells)) }

    @Test func spansReserveTheirColumnsAndRows() {
        let table = ContentElement(.table, children: [
            .element(ContentElement(.thead, children: [row(cell(.th), cell(.th, columns: 2))])),
            .element(ContentElement(.tbody, children: [row(cell(rows: 2), cell(), cell()), row(cell(), cell())])),
        ])
        let grid = TableGrid(table)
        #expect(grid.columnCount == 3 && grid.rowCount == 3 && grid.headerRows == 1)
        #expect(grid.cells.map { [$0.row, $0.column] } == [[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [2, 1], [2, 2]])
    }

    @Test func aFirstRowOfHeaderCellsIsTheHeaderWithoutThead() {
        #expect(TableGrid(ContentElement(.table, children: [row(cell(.th), cell(.th)), row(cell(), cell())])).headerRows == 1)
        #expect(TableGrid(ContentElement(.table, children: [row(cell(.th), cell()), row(cell(), cell())])).headerRows == 0)
    }

    @Test func columnsGetTheirPreferredWidthWhenAllFit() {
        let demands = [TableColumns.Demand(column: 0, columns: 1, minimum: 20, preferred: 50),
                       TableColumns.Demand(column: 1, columns: 1, minimum: 30, preferred: 100)]
        #expect(TableColumns.widths(demands, columns: 2, available: 300) == [50, 100])
        // 100 more than the minimums' 50, shared by how much more each would like (30 and 70).
        #expect(TableColumns.widths(demands, columns: 2, available: 150) == [20 + 30, 30 + 70])
        #expect(TableColumns.widths(demands, columns: 2, available: 100) == [20 + 15, 30 + 35])
        #expect(TableColumns.widths(demands, columns: 2, available: 40) == nil)
    }

    @Test func aSpanningCellWidensTheColumnsItSpans() {
        let demands = [TableColumns.Demand(column: 0, columns: 1, minimum: 10, preferred: 10),
                       TableColumns.Demand(column: 1, columns: 1, minimum: 10, preferred: 10),
                       TableColumns.Demand(column: 0, columns: 2, minimum: 60, preferred: 60)]
        #expect(TableColumns.widths(demands, columns: 2, available: 500) == [30, 30])
    }
}

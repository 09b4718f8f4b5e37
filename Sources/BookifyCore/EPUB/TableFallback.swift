/// Tables on a 6-inch screen (ARCHITECTURE §5: no page wider than 600 px). Reading systems cannot
/// scroll a table sideways and many clip it, so a table whose narrowest layout (each column as
/// wide as its longest word) would not fit is set in smaller type, and one that would not fit
/// even then becomes one record per block: each row a list of "header: value" pairs.
enum TableFallback {
    enum Layout: Equatable {
        case table
        /// The table in smaller type (`table-compact`).
        case compact
        /// One block per row (`table-records`).
        case records
    }

    /// The text width of a 600 px screen: the body's margins are 0.5em a side.
    static let screenPixels = 600.0 - 16
    /// Table type (0.85em), compact table type (0.7em), in pixels of a 16 px body.
    static let tablePixels = 13.6
    static let compactPixels = 11.2
    /// A word longer than this breaks anywhere (`overflow-wrap: anywhere`): a URL, a hash.
    static let longestUnbrokenWord = 24

    /// How `table` is best written for a 600 px screen.
    static func layout(of table: ContentElement) -> Layout {
        let ems = minimumWidth(of: rows(of: table))
        if ems * tablePixels <= screenPixels { return .table }
        if ems * compactPixels <= screenPixels { return .compact }
        return .records
    }

    /// The width in ems of the table when each column is as narrow as its longest word (at
    /// 0.6em a character, a monospace advance: wide enough for any of bookify's fonts) plus
    /// its cell's padding and border.
    static func minimumWidth(of rows: [[ContentElement]]) -> Double {
        var columns: [Int] = []
        for row in rows {
            var column = 0
            for cell in row {
                let span = cell.span?.columns ?? 1
                let longest = cell.textContent.split(whereSeparator: \.isWhitespace).map { min($0.count, longestUnbrokenWord) }.max() ?? 0
                // A spanning cell spreads its width over its columns.
                let share = Int((Double(longest) / Double(span)).rounded(.up))
                while columns.count < column + span { columns.append(0) }
                for index in column..<column + span { columns[index] = max(columns[index], share) }
                column += span
            }
        }
        return columns.reduce(0) { $0 + Double($1) * 0.6 + 0.9 }
    }

    /// The table's rows (in its head, bodies and foot, in order), each as its cells.
    static func rows(of table: ContentElement) -> [[ContentElement]] {
        var rows: [[ContentElement]] = []
        func collect(_ nodes: [ContentNode]) {
            for case .element(let element) in nodes {
                switch element.kind {
                case .tr: rows.append(element.children.compactMap { node in
                    if case .element(let cell) = node, cell.kind == .td || cell.kind == .th { return cell } else { return nil }
                })
                case .thead, .tbody, .tfoot: collect(element.children)
                default: continue
                }
            }
        }
        collect(table.children)
        return rows
    }

    /// The table as one block per row: the caption, then for each body row a list of its
    /// cells, each under its column's header (the first row, when it is all headers).
    static func records(of table: ContentElement) -> ContentElement {
        var rows = Self.rows(of: table)
        let headers: [[ContentNode]]?
        if let first = rows.first, first.allSatisfy({ $0.kind == .th }), rows.count > 1 {
            headers = first.flatMap { cell in Array(repeating: cell.children, count: cell.span?.columns ?? 1) }
            rows.removeFirst()
        } else {
            headers = nil
        }
        var blocks: [ContentNode] = []
        for case .element(let caption) in table.children where caption.kind == .caption {
            blocks.append(.element(ContentElement(.p, classes: ["table-caption"], children: caption.children)))
        }
        for (index, row) in rows.enumerated() {
            // Ids stay with the first record's headers: an id appears once in a page.
            let headers = index == 0 ? headers : headers?.map(withoutIDs)
            var pairs: [ContentNode] = []
            var column = 0
            for cell in row {
                if let headers, column < headers.count, !headers[column].allSatisfy(\.isBlank) {
                    pairs.append(.element(ContentElement(.dt, children: headers[column])))
                } else {
                    pairs.append(.element(ContentElement(.dt, classes: ["table-column"], children: [.text("\(column + 1)")])))
                }
                pairs.append(.element(ContentElement(.dd, children: cell.children)))
                column += cell.span?.columns ?? 1
            }
            if !pairs.isEmpty { blocks.append(.element(ContentElement(.dl, classes: ["table-record"], children: pairs))) }
        }
        var records = ContentElement(.div, id: table.id, classes: ["table-records"], children: blocks)
        records.attributes = table.attributes.filter { $0.name == .lang || $0.name == .dir }
        return records
    }

    private static func withoutIDs(_ nodes: [ContentNode]) -> [ContentNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            element.id = nil
            element.children = withoutIDs(element.children)
            return .element(element)
        }
    }
}

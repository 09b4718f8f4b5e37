/// Column widths from the cells' minimum widths (their longest word) and preferred widths
/// (their text on one line), as browsers size an automatic table: every column its preferred
/// width when all fit; else each its minimum plus a share of the room left, by how much more
/// it would like; `nil` when even the minimums do not fit.
enum TableColumns {
    struct Demand {
        var column: Int
        var columns: Int
        var minimum: Double
        var preferred: Double
    }

    static func widths(_ demands: [Demand], columns: Int, available: Double) -> [Double]? {
        var minimum = [Double](repeating: 0, count: columns)
        var preferred = [Double](repeating: 0, count: columns)
        for demand in demands where demand.columns == 1 {
            minimum[demand.column] = max(minimum[demand.column], demand.minimum)
            preferred[demand.column] = max(preferred[demand.column], demand.preferred)
        }
        // A spanning cell that needs more than its columns give grows them evenly.
        for demand in demands.sorted(by: { $0.columns < $1.columns }) where demand.columns > 1 {
            let range = demand.column..<min(demand.column + demand.columns, columns)
            grow(&minimum, range, to: demand.minimum)
            grow(&preferred, range, to: demand.preferred)
        }
        preferred = zip(preferred, minimum).map { max($0, $1) }
        let (totalMinimum, totalPreferred) = (minimum.reduce(0, +), preferred.reduce(0, +))
        if totalPreferred <= available { return preferred }
        guard totalMinimum <= available else { return nil }
        let share = (available - totalMinimum) / (totalPreferred - totalMinimum)
        return zip(minimum, preferred).map { $0 + ($1 - $0) * share }
    }

    private static func grow(_ widths: inout [Double], _ range: Range<Int>, to total: Double) {
        let current = range.reduce(0) { $0 + widths[$1] }
        guard total > current, !range.isEmpty else { return }
        let extra = (total - current) / Double(range.count)
        for column in range { widths[column] += extra }
    }
}

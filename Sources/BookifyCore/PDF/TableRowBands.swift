/// A table row taller than a page can hold, cut into bands at its cells' line boundaries, so
/// that it continues on the next page (below the repeated header) instead of losing its text.
enum TableRowBands {
    /// The bands of a row whose cells hold lines at the given (top, bottom) offsets from the
    /// row's content top: each about `height` tall and never cutting a line (every line lies in
    /// the band that holds its top). One band when the row is no taller than `height`.
    static func bands(_ cells: [[(top: Double, bottom: Double)]], height: Double) -> [Range<Double>] {
        let lines = cells.flatMap { $0 }
        let end = lines.map(\.bottom).max() ?? 0
        guard end > height, height > 0 else { return [min(0, lines.map(\.top).min() ?? 0)..<end] }
        var bands: [Range<Double>] = []
        var start = min(0, lines.map(\.top).min() ?? 0)  // a first line's spacing may reach above the row
        while start < end {
            var stop = start + height
            // Grow the band until no line that starts in it runs past its end.
            while let overrun = lines.filter({ $0.top >= start && $0.top < stop && $0.bottom > stop }).map(\.bottom).max() {
                stop = overrun
            }
            stop = min(stop, end)
            bands.append(start..<stop)
            start = stop
        }
        return bands
    }
}

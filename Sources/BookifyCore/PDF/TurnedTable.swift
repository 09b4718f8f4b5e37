/// A table too wide for the page, turned a quarter (as books set them): its rows are packed into
/// landscape frames `length` wide (the text block's height) and `depth` deep (its width), each
/// frame one slice that fills a page, its boxes turned so that the table's top faces the page's
/// left edge. A frame after the first starts with the header rows again.
enum TurnedTable {
    static func pages(_ rows: [Slice], length: Double, depth: Double) -> [Slice] {
        frames(rows, depth: depth).map { frame in
            var page = Slice(height: length)
            page.destinations = frame.flatMap(\.slice.destinations)
            page.footnotes = frame.flatMap(\.slice.footnotes)
            let boxes = frame.flatMap { placed in placed.slice.boxes.map { $0.offset(dx: 0, dy: placed.y) } }
            page.boxes = [.turned(boxes, length: length, x: 0, y: 0)]
            return page
        }
    }

    /// The rows in frames no deeper than `depth`, each row at its y in its frame: space before a
    /// row is dropped at a frame's top, rows that keep with the next move on with it (unless
    /// that would leave a frame empty), and a frame that continues the table repeats its header.
    static func frames(_ rows: [Slice], depth: Double) -> [[(slice: Slice, y: Double)]] {
        var frames: [[(slice: Slice, y: Double)]] = [[]]
        var y = 0.0
        func place(_ slice: Slice) {
            let top = frames[frames.count - 1].isEmpty ? y : y + slice.spaceBefore
            frames[frames.count - 1].append((slice, top))
            y = top + slice.height
        }
        for row in rows {
            let space = frames[frames.count - 1].isEmpty ? 0 : row.spaceBefore
            if y + space + row.height > depth, !frames[frames.count - 1].isEmpty {
                var carried: [Slice] = []
                while let last = frames[frames.count - 1].last, last.slice.keepWithNext, frames[frames.count - 1].count > 1 {
                    carried.insert(frames[frames.count - 1].removeLast().slice, at: 0)
                }
                frames.append([])
                y = 0
                (carried.first ?? row).continuationHeader.forEach(place)
                carried.forEach(place)
            }
            place(row)
        }
        return frames.filter { !$0.isEmpty }
    }
}

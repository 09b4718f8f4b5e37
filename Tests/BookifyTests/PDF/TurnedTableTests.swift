@testable import BookifyCore
import Testing

/// A table too wide for the page, turned: its rows packed into landscape frames as values.
@Suite struct TurnedTableTests {
    private let header = Slice(height: 10, keepWithNext: true, destinations: ["header"])

    private func rows(_ count: Int, keeping kept: Set<Int> = []) -> [Slice] {
        (0..<count).map { Slice(height: 10, keepWithNext: kept.contains($0), destinations: ["row\($0)"], continuationHeader: [header]) }
    }

    private func names(_ frame: [(slice: Slice, y: Double)]) -> [String] { frame.flatMap(\.slice.destinations) }

    @Test func rowsFillFramesThatEachStartWithTheHeader() {
        let frames = TurnedTable.frames([header] + rows(12), depth: 55)
        #expect(frames.map(names) == [
            ["header", "row0", "row1", "row2", "row3"],
            ["header", "row4", "row5", "row6", "row7"],
            ["header", "row8", "row9", "row10", "row11"],
        ])
        #expect(frames.allSatisfy { frame in frame.map(\.y) == [0, 10, 20, 30, 40] })
    }

    @Test func aRowThatKeepsWithTheNextMovesOnWithIt() {
        let frames = TurnedTable.frames([header] + rows(6, keeping: [3]), depth: 55)
        #expect(frames.map(names) == [["header", "row0", "row1", "row2"], ["header", "row3", "row4", "row5"]])
    }

    @Test func eachFrameIsAPageTallSliceTurnedAQuarter() {
        var first = rows(1)[0]
        first.boxes = [.link(.uri("https://example.com/"), LayoutRect(x: 20, y: 2, width: 30, height: 6))]
        let pages = TurnedTable.pages([header, first] + rows(7), length: 400, depth: 55)
        #expect(pages.count == 2 && pages.allSatisfy { $0.height == 400 && $0.boxes.count == 1 })
        guard case .turned(let boxes, let length, 0, 0) = pages[0].boxes[0], case .link(_, let rect) = boxes.first else {
            Issue.record("the first page is not one turned box with the link")
            return
        }
        // The link, on the second row (y 10) of the frame, 20 along it: after the turn it is 12
        // from the left edge and runs up from 400 - 20 = 380.
        #expect(length == 400 && rect == LayoutRect(x: 20, y: 12, width: 30, height: 6))
        #expect(rect.turned(length: 400) == LayoutRect(x: 12, y: 350, width: 6, height: 30))
    }
}

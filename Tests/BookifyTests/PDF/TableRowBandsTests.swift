@testable import BookifyCore
import Testing

/// A tall table row cut into bands between its cells' lines.
@Suite struct TableRowBandsTests {
    /// `count` lines of `height` from the top.
    private func cell(_ count: Int, _ height: Double) -> [(top: Double, bottom: Double)] {
        (0..<count).map { (top: Double($0) * height, bottom: Double($0 + 1) * height) }
    }

    @Test func aShortRowIsOneBand() {
        #expect(TableRowBands.bands([cell(3, 10)], height: 100) == [0..<30])
    }

    @Test func aTallRowIsCutBetweenLinesIntoBandsThatCoverIt() {
        let lines = [cell(1, 12), cell(100, 10)]
        let bands = TableRowBands.bands(lines, height: 95)
        #expect(bands.first?.lowerBound == 0 && bands.last?.upperBound == 1000)
        #expect(zip(bands, bands.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "bands follow each other")
        #expect(bands.allSatisfy { $0.upperBound - $0.lowerBound <= 100 }, "\(bands)")
        for line in lines.flatMap({ $0 }) {
            let holder = bands.first { $0.contains(line.top) }
            #expect(holder.map { line.bottom <= $0.upperBound } == true, "a line is cut: \(line)")
        }
    }

    @Test func linesOfCellsThatDoNotAlignAreNotCut() {
        // One cell's lines are 10 tall, the other's 14: a band ends where no line runs across.
        let bands = TableRowBands.bands([cell(40, 10), cell(30, 14)], height: 50)
        for line in cell(40, 10) + cell(30, 14) {
            let holder = bands.first { $0.contains(line.top) }
            #expect(holder.map { line.bottom <= $0.upperBound } == true, "a line is cut: \(line) by \(bands)")
        }
    }
}

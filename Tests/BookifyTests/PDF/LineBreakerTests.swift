@testable import BookifyCore
import Testing

/// Total-fit line breaking on items as values: words as boxes, spaces as glue.
@Suite struct LineBreakerTests {
    /// Words of the given widths with spaces of 4 (stretching by 2, shrinking by 4/3) between
    /// them, a hyphenation point inside each word marked by `hyphens`, and the paragraph's end.
    private func paragraph(_ words: [Double], hyphens: Set<Int> = []) -> [LineBreaker.Item] {
        var items: [LineBreaker.Item] = []
        for (index, width) in words.enumerated() {
            if index > 0 { items.append(.glue(width: 4, stretch: 2, shrink: 4.0 / 3)) }
            if hyphens.contains(index) {
                items += [.box(width: width / 2), .penalty(width: 3, cost: 50, flagged: true), .box(width: width / 2)]
            } else {
                items.append(.box(width: width))
            }
        }
        return items + [.glue(width: 0, stretch: 100_000, shrink: 0), .penalty(width: 0, cost: LineBreaker.forced, flagged: false)]
    }

    /// The words on each line of `lines`.
    private func wordsPerLine(_ items: [LineBreaker.Item], _ lines: [LineBreaker.Line]) -> [Int] {
        var start = 0
        return lines.map { line in
            defer { start = line.end + 1 }
            return items[start..<line.end].filter { if case .box = $0 { true } else { false } }.count
        }
    }

    /// First fit, as Pango breaks: as many words as fit at natural width; the ratio of each
    /// line but the last.
    private func firstFitRatios(_ words: [Double], width: Double) -> [Double] {
        var lines: [[Double]] = [[]]
        for word in words {
            let current = lines[lines.count - 1]
            if !current.isEmpty, current.reduce(0, +) + 4 * Double(current.count) + word > width { lines.append([]) }
            lines[lines.count - 1].append(word)
        }
        return lines.dropLast().map { line in (width - line.reduce(0, +) - 4 * Double(line.count - 1)) / (2 * Double(line.count - 1)) }
    }

    @Test func theWholeParagraphIsSetMoreEvenlyThanFirstFitSetsIt() throws {
        let words: [Double] = (0..<80).map { Double(10 + ($0 * 17) % 41) }
        let items = paragraph(words)
        let lines = try #require(LineBreaker(tolerance: .infinity).lines(items) { _ in 150 })
        let ratios = lines.dropLast().map(\.ratio)
        let firstFit = firstFitRatios(words, width: 150)
        let (worst, firstFitWorst) = (ratios.map(abs).max() ?? 0, firstFit.max() ?? 0)
        #expect(worst < firstFitWorst, "total fit's loosest line \(worst), first fit's \(firstFitWorst)")
        let spread = { (ratios: [Double]) in ratios.map { $0 * $0 }.reduce(0, +) / Double(ratios.count) }
        #expect(spread(ratios) < spread(firstFit) / 2, "mean squared ratio \(spread(ratios)) against \(spread(firstFit))")
    }

    @Test func everyLineStaysWithinTheToleranceAndShrinksNoMoreThanItsGlueCan() throws {
        let words: [Double] = (0..<60).map { Double(12 + ($0 * 7) % 23) }
        let items = paragraph(words)
        let lines = try #require(LineBreaker(tolerance: 1.2).lines(items) { _ in 160 })
        #expect(lines.last?.end == items.count - 1)
        for line in lines { #expect(line.ratio >= -1 && line.ratio <= 1.2, "\(line)") }
    }

    @Test func noParagraphWithinAToleranceGivesNilAndAnyToleranceGivesAResult() throws {
        let items = paragraph([70, 70, 70])  // two never fit on a line of 100; one alone is very loose
        #expect(LineBreaker(tolerance: 1.2).lines(items) { _ in 100 } == nil)
        let loose = try #require(LineBreaker(tolerance: .infinity).lines(items) { _ in 100 })
        #expect(wordsPerLine(items, loose) == [1, 1, 1])
    }

    @Test func aBoxWiderThanItsLineHasNoBreaks() {
        #expect(LineBreaker(tolerance: .infinity).lines(paragraph([20, 150, 20])) { _ in 100 } == nil)
    }

    @Test func neverThreeHyphensInARowAndTheFirstLineMayBeNarrower() throws {
        // Every word hyphenated and each about a line long: breaking inside words is tempting.
        let words = [Double](repeating: 44, count: 30)
        let items = paragraph(words, hyphens: Set(words.indices))
        let breaker = LineBreaker(tolerance: .infinity)
        let lines = try #require(breaker.lines(items) { $0 == 0 ? 80 : 100 })
        var run = 0
        for line in lines.dropLast() {
            guard case .penalty(_, _, let flagged) = items[line.end] else { run = 0; continue }
            run = flagged ? run + 1 : 0
            #expect(run <= 2, "three hyphenated lines in a row")
        }
        let firstWidth = items[0..<lines[0].end].reduce(0.0) { total, item in
            if case .box(let width) = item { total + width } else if case .glue(let width, _, _) = item { total + width } else { total }
        }
        #expect(firstWidth <= 80 + 4, "the first line keeps to its narrower measure: \(firstWidth)")
    }

    @Test func theLastLineIsNotStretched() throws {
        let items = paragraph([30, 30, 30, 30, 10])
        let lines = try #require(LineBreaker(tolerance: 1.2).lines(items) { _ in 100 })
        #expect(try #require(lines.last).ratio < 0.01, "the final glue takes the slack")
    }
}

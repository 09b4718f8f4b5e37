/// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into Lines", 1981), as TeX
/// and Typst break a paragraph: every way of breaking the whole paragraph is weighed at once,
/// so that one loose line is not bought by the lines around it being set first.
///
/// A paragraph is a list of items: boxes (text that does not break), glue (a space that
/// stretches and shrinks) and penalties (a place to break that costs something: a hyphen, a
/// break inside a long token). The breaker is pure: it knows widths, not fonts.
struct LineBreaker {
    enum Item: Equatable {
        case box(width: Double)
        case glue(width: Double, stretch: Double, shrink: Double)
        /// A break here costs `cost` (``forced`` or less: must break; ``never`` or more: may
        /// not) and, when taken, adds `width` (a hyphen) to the line it ends. `flagged`: a
        /// hyphen, which should not end two lines in a row.
        case penalty(width: Double, cost: Double, flagged: Bool)
    }

    /// A line of the result: it ends at the item `end` (the break), and its glue is set at
    /// `ratio` (0: natural width; 1: stretched by all its stretch; -1: shrunk by all its shrink).
    struct Line: Equatable {
        var end: Int
        var ratio: Double
    }

    static let forced = -10_000.0
    static let never = 10_000.0

    /// The loosest line allowed (its adjustment ratio); `.infinity` accepts any, for a last try.
    var tolerance: Double
    var linePenalty = 10.0
    /// Added for a hyphen ending a line after a line that ends in one.
    var consecutiveHyphenDemerits = 3_000.0
    /// Added when a line is much tighter or looser than the one before it (fitness classes
    /// more than one apart).
    var fitnessDemerits = 3_000.0
    /// Added for a hyphen on the paragraph's last but one line.
    var finalHyphenDemerits = 5_000.0
    /// At most this many lines in a row end in a hyphen.
    var maximumConsecutiveHyphens = 2
    /// Whether ways that end a line differently tight are kept apart (for `fitnessDemerits`);
    /// without, one way a break is kept, which is much faster for a last, tolerant pass.
    var weighsFitness = true
    /// Lines looser than this ratio cost as much as one this loose (and no more): for a pass
    /// whose too-loose lines are set ragged, where a ragged line is better than a word cut.
    var looseRatioCap = Double.infinity

    /// The breaks of the best way to set `items` on lines of `lineWidth(index)` points, the
    /// last item being a forced break; `nil` when no way keeps every line within the tolerance
    /// (or one box is wider than its line).
    func lines(_ items: [Item], lineWidth: (Int) -> Double) -> [Line]? {
        guard case .penalty(_, let last, _)? = items.last, last <= Self.forced else { return nil }
        let sums = Sums(items)
        var nodes = [Node(position: 0, line: 0, fitness: 1, hyphens: 0, demerits: 0, ratio: 0, previous: nil)]
        var active = [0]
        for index in items.indices {
            guard let breakCost = Self.breakCost(items, at: index) else { continue }
            let (width, flagged) = Self.breakWidth(items[index])
            // The best new node of each fitness class and hyphen count (a fixed table, not a
            // dictionary: this loop is most of the breaker's time).
            var best = [Node?](repeating: nil, count: 4 * (maximumConsecutiveHyphens + 1))
            var kept: [Int] = []
            kept.reserveCapacity(active.count)
            for nodeIndex in active {
                let node = nodes[nodeIndex]
                let ratio = sums.ratio(from: node.position, to: index, extra: width, lineWidth: lineWidth(node.line))
                // A line that cannot shrink enough ends this node's chances; so does a forced break.
                if ratio >= -1 && breakCost > Self.forced { kept.append(nodeIndex) }
                guard ratio >= -1, ratio <= tolerance else { continue }
                let hyphens = flagged ? node.hyphens + 1 : 0
                guard hyphens <= maximumConsecutiveHyphens else { continue }
                let fitness = Self.fitness(ratio)
                var demerits = lineDemerits(ratio: ratio, cost: breakCost)
                if flagged && node.hyphens > 0 { demerits += consecutiveHyphenDemerits }
                if weighsFitness && abs(fitness - node.fitness) > 1 { demerits += fitnessDemerits }
                if breakCost <= Self.forced && node.hyphens > 0 { demerits += finalHyphenDemerits }
                let key = (weighsFitness ? fitness : 0) * (maximumConsecutiveHyphens + 1) + hyphens
                let candidate = Node(position: sums.startOfLine(after: index, in: items), line: node.line + 1, fitness: fitness,
                                     hyphens: hyphens, demerits: node.demerits + demerits, ratio: ratio, previous: nodeIndex,
                                     end: index)
                if best[key].map({ candidate.demerits < $0.demerits }) ?? true { best[key] = candidate }
            }
            active = kept
            for case let node? in best {
                nodes.append(node)
                active.append(nodes.count - 1)
            }
            if active.isEmpty { return nil }
        }
        let finals = active.filter { nodes[$0].end == items.count - 1 }
        guard let best = finals.min(by: { nodes[$0].demerits < nodes[$1].demerits }) else { return nil }
        var lines: [Line] = []
        var current: Int? = best
        while let index = current, let end = nodes[index].end {
            lines.append(Line(end: end, ratio: nodes[index].ratio))
            current = nodes[index].previous
        }
        return lines.reversed()
    }

    /// TeX's demerits: the line's badness and the break's cost, squared. Badness is not capped
    /// at TeX's 10,000: past the tolerance, a line twice as loose must still cost more.
    private func lineDemerits(ratio: Double, cost: Double) -> Double {
        let weighed = min(abs(ratio), looseRatioCap)
        let badness = 100 * weighed * weighed * weighed
        var demerits = (linePenalty + badness) * (linePenalty + badness)
        if cost > 0 { demerits += cost * cost } else if cost > Self.forced { demerits -= cost * cost }
        return demerits
    }

    /// Tight, decent, loose, very loose.
    private static func fitness(_ ratio: Double) -> Int {
        ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
    }

    /// The cost of breaking at `index`, `nil` where no break may be: glue after a box, or a
    /// penalty that is not ``never``.
    private static func breakCost(_ items: [Item], at index: Int) -> Double? {
        switch items[index] {
        case .box: return nil
        case .glue:
            guard index > 0, case .box = items[index - 1] else { return nil }
            return 0
        case .penalty(_, let cost, _): return cost < never ? cost : nil
        }
    }

    private static func breakWidth(_ item: Item) -> (width: Double, flagged: Bool) {
        if case .penalty(let width, _, let flagged) = item { return (width, flagged) }
        return (0, false)
    }

    /// A feasible break: where the next line starts, what line that is, and the best way there.
    private struct Node {
        var position: Int
        var line: Int
        var fitness: Int
        var hyphens: Int
        var demerits: Double
        var ratio: Double
        var previous: Int?
        var end: Int?
    }

    /// Running totals of widths, stretch and shrink, so that a line's are two subtractions.
    private struct Sums {
        private var width: [Double] = [0]
        private var stretch: [Double] = [0]
        private var shrink: [Double] = [0]

        init(_ items: [Item]) {
            for item in items {
                var (w, y, z) = (width.last!, stretch.last!, shrink.last!)
                switch item {
                case .box(let boxWidth): w += boxWidth
                case .glue(let glueWidth, let glueStretch, let glueShrink): (w, y, z) = (w + glueWidth, y + glueStretch, z + glueShrink)
                case .penalty: break
                }
                width.append(w)
                stretch.append(y)
                shrink.append(z)
            }
        }

        /// The adjustment ratio of the line from item `start` up to the break at `end`.
        func ratio(from start: Int, to end: Int, extra: Double, lineWidth: Double) -> Double {
            let natural = width[end] - width[start] + extra
            if natural < lineWidth {
                let available = stretch[end] - stretch[start]
                return available > 0 ? (lineWidth - natural) / available : (lineWidth - natural < 0.01 ? 0 : .infinity)
            }
            let available = shrink[end] - shrink[start]
            return natural == lineWidth ? 0 : available > 0 ? (lineWidth - natural) / available : -.infinity
        }

        /// Where the line after a break at `index` starts: glue and penalties after a break are
        /// dropped up to the next box (or forced break).
        func startOfLine(after index: Int, in items: [Item]) -> Int {
            var start = index + 1
            while start < items.count {
                switch items[start] {
                case .box: return start
                case .penalty(_, let cost, _) where cost <= LineBreaker.forced: return start
                default: start += 1
                }
            }
            return start
        }
    }
}

import CPangoCairo

/// A justified paragraph broken by ``LineBreaker`` instead of Pango's first fit: shaped once
/// with no width (one line per `br` segment), measured cluster by cluster, broken as a whole,
/// then given a line separator (U+2028) at each break so that Pango sets exactly those lines.
struct TotalFitParagraph {
    /// How a chosen line is set: stretched or shrunk to `width` by its spaces, or, when even
    /// the best break leaves it too loose, ragged (its spaces as they are).
    struct Line {
        var width: Double
        var justified: Bool
    }

    /// The text with its breaks, and its lines in order (a `br` segment's last line is ragged).
    let text: StyledText
    let lines: [Line]
    /// Where each line starts in the text as given (byte offsets): when Pango's lines start at
    /// the same places, its layout stands as it is.
    let lineStarts: [Int]

    /// A gap stretched past this many times its natural width is set ragged instead:
    /// 1 + ratio / 2 with glue stretching by half a space.
    static let raggedRatio = 1.5

    /// Breaks the paragraph that `layout` holds (its text `text`, shaped unwrapped: one line per
    /// `br` segment); `nil` when Pango's breaking should be used instead (right-to-left or CJK
    /// text, one line, nothing to break at).
    init?(_ text: StyledText, measuredIn layout: OpaquePointer, lineWidth: (Int) -> Double, hyphenWidth: Double) {
        guard let measure = ParagraphMeasure(layout, bytes: text.bytes), !measure.isRightToLeft, !measure.isIdeographic else { return nil }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var lines: [Line] = []
        var starts: [Int] = []
        for segment in measure.segments {
            starts.append(segment.lowerBound)
            guard let chosen = Self.breaks(of: segment, measure: measure, lineWidth: { lineWidth(lines.count + $0) },
                                           hyphenWidth: hyphenWidth) else { return nil }
            for (index, line) in chosen.lines.enumerated() {
                let isLast = index == chosen.lines.count - 1
                // A tight line is set tight, even a last one; a loose last line keeps its spaces.
                lines.append(Line(width: lineWidth(lines.count), justified: line.ratio < 0 || !isLast && line.ratio <= Self.raggedRatio))
                guard !isLast else { continue }
                let (byte, kind) = chosen.places[line.end]
                switch kind {
                case .space: edits.append((byte..<(byte + 1), Self.lineSeparator)); starts.append(byte + 1)
                case .hyphen: edits.append(((byte + 2)..<(byte + 2), Self.lineSeparator)); starts.append(byte + 2)
                case .before: edits.append((byte..<byte, Self.lineSeparator)); starts.append(byte)
                }
            }
        }
        // One line at its natural width: nothing to do that Pango does not.
        guard lines.count > 1 || lines.contains(where: \.justified) else { return nil }
        self.text = text.replacing(edits)
        self.lines = lines
        lineStarts = starts
    }

    static let lineSeparator: [UInt8] = [0xE2, 0x80, 0xA8]

    /// What a break item stands for in the text: a space (replaced by the break), a soft hyphen
    /// (shown as a hyphen), or a place before a character.
    enum Place { case space, hyphen, before }

    /// The first pass allows only lines whose spaces stay under 1.6 times their width; the
    /// second, under 2.5 times (the looser lines are set ragged). Only a paragraph that cannot
    /// be set even so (a token longer than the line) breaks inside tokens, in a last pass that
    /// takes whatever is least bad and no longer tells tight from loose lines (much faster).
    private static func breaks(of segment: Range<Int>, measure: ParagraphMeasure, lineWidth: (Int) -> Double,
                               hyphenWidth: Double) -> (lines: [LineBreaker.Line], places: [(Int, Place)])? {
        let normal = measure.items(in: segment, hyphenWidth: hyphenWidth, emergency: false)
        for tolerance in [1.2, 3] {
            if let lines = LineBreaker(tolerance: tolerance).lines(normal.items, lineWidth: lineWidth) { return (lines, normal.places) }
        }
        let emergency = measure.items(in: segment, hyphenWidth: hyphenWidth, emergency: true)
        var lastResort = LineBreaker(tolerance: .infinity)
        lastResort.weighsFitness = false
        lastResort.looseRatioCap = 3  // set ragged anyway: a ragged line rather than a cut token
        return lastResort.lines(emergency.items, lineWidth: lineWidth).map { ($0, emergency.places) }
    }
}

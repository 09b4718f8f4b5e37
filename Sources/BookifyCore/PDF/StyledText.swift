/// A run of text with its inline styles, as UTF-8 with byte ranges (what Pango works in): the
/// text of a paragraph, heading, list item or code block, ready to be laid out.
struct StyledText {
    struct Style: Hashable {
        var bold = false
        var italic = false
        var monospace = false
        var strikethrough = false
        var underline = false
        /// Raised (superscript, positive) or lowered (subscript, negative), in points.
        var rise: Double = 0
        /// A factor of the surrounding size (superscripts are smaller).
        var scale: Double = 1
        var color: PDFStyle.Color?
        /// A formula (or a piece of one), set as math where the run's object character (U+FFFC) stands.
        var formula: FormulaPiece?
    }

    struct Run {
        var range: Range<Int>
        var style: Style
    }

    private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []
    /// Byte ranges that are links, and where they lead.
    private(set) var links: [(range: Range<Int>, target: PDFLinkTarget)] = []

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String, style: Style) {
        guard !text.isEmpty else { return }
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        if let last = runs.last, last.style == style, last.range.upperBound == start {
            runs[runs.count - 1].range = last.range.lowerBound..<bytes.count
        } else {
            runs.append(Run(range: start..<bytes.count, style: style))
        }
    }

    /// A formula, in the text as object characters that `TextLayout` sets as math: one for
    /// each piece a line may break between (`MathLayout.breakPoints`), with a space between
    /// pieces, which stands for the space after a relation or operator. Each piece is a run of
    /// its own, even beside an equal one.
    mutating func append(_ formula: MathFormula, style: Style) {
        let pieces = MathLayout.breakPoints(of: formula).count + 1
        for piece in 0..<pieces {
            if piece > 0 { append(" ", style: style) }
            var object = style
            object.formula = StyledText.FormulaPiece(formula: formula, index: piece)
            let start = bytes.count
            bytes.append(contentsOf: Self.objectReplacement)
            runs.append(Run(range: start..<bytes.count, style: object))
        }
    }

    /// Piece `index` of a formula a line may break inside.
    struct FormulaPiece: Hashable {
        var formula: MathFormula
        var index: Int
    }

    /// U+FFFC, which stands for an object set in the line (a formula).
    static let objectReplacement: [UInt8] = [0xEF, 0xBF, 0xBC]

    /// `first` followed by `second`, each keeping its styles and links.
    static func + (first: StyledText, second: StyledText) -> StyledText {
        var joined = first
        let offset = first.bytes.count
        joined.bytes += second.bytes
        joined.runs += second.runs.map { Run(range: ($0.range.lowerBound + offset)..<($0.range.upperBound + offset), style: $0.style) }
        joined.links += second.links.map { (($0.range.lowerBound + offset)..<($0.range.upperBound + offset), $0.target) }
        return joined
    }

    /// `string` in one style.
    static func plain(_ string: String, style: Style = Style()) -> StyledText {
        var text = StyledText()
        text.append(string, style: style)
        return text
    }

    mutating func addLink(_ range: Range<Int>, to target: PDFLinkTarget) {
        guard !range.isEmpty else { return }
        links.append((range, target))
    }

    /// White space collapsed as HTML renders it: runs of spaces, tabs and line breaks become
    /// one space; leading and trailing space go. Line breaks that `br` made (U+2028) stay.
    mutating func collapseWhiteSpace() {
        var kept: [UInt8] = []
        var map = [Int](repeating: 0, count: bytes.count + 1)  // old byte index → new
        var lastWasSpace = true
        for (index, byte) in bytes.enumerated() {
            map[index] = kept.count
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace {
                if !lastWasSpace { kept.append(0x20) }
                lastWasSpace = true
            } else {
                kept.append(byte)
                // U+2028 (E2 80 A8) ends a line: a space after it is dropped too.
                lastWasSpace = byte == 0xA8 && index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2
            }
        }
        map[bytes.count] = kept.count
        while kept.last == 0x20 { kept.removeLast() }
        let end = kept.count
        let remap = { (range: Range<Int>) in min(map[range.lowerBound], end)..<min(map[range.upperBound], end) }
        runs = runs.map { Run(range: remap($0.range), style: $0.style) }.filter { !$0.range.isEmpty }
        links = links.map { (remap($0.range), $0.target) }.filter { !$0.range.isEmpty }
        bytes = kept
    }

    /// Soft hyphens (U+00AD) where `hyphenator` lets a word break, outside code: Pango may
    /// break a line there and then shows a hyphen. Only plain words are touched, not tokens
    /// with digits, slashes, dots inside, @ or _ (addresses, names in code).
    mutating func hyphenate(with hyphenator: Hyphenator) {
        var insertions: [Int] = []
        for run in runs where !run.style.monospace {
            var tokenStart = run.range.lowerBound
            for index in run.range.lowerBound...run.range.upperBound
            where index == run.range.upperBound || bytes[index] == 0x20 || bytes[index] == 0x0A {
                insertions += Self.breaks(inToken: tokenStart..<index, of: bytes, hyphenator: hyphenator)
                tokenStart = index + 1
            }
        }
        self = replacing(insertions.map { (range: $0..<$0, bytes: Self.softHyphen) })
    }

    static let softHyphen: [UInt8] = [0xC2, 0xAD]

    /// The text with each byte range of `edits` (ascending, apart) replaced by its bytes; styles
    /// and links move with the text, and what is inserted at a bound goes to what follows it.
    func replacing(_ edits: [(range: Range<Int>, bytes: [UInt8])]) -> StyledText {
        guard !edits.isEmpty else { return self }
        var result = StyledText()
        result.bytes.reserveCapacity(bytes.count + edits.count * 4)
        var previous = 0
        for edit in edits {
            result.bytes += bytes[previous..<edit.range.lowerBound]
            result.bytes += edit.bytes
            previous = edit.range.upperBound
        }
        result.bytes += bytes[previous...]
        let moved = { (bound: Int) -> Int in
            var shift = 0
            for edit in edits {
                if bound >= edit.range.upperBound, bound > edit.range.lowerBound {
                    shift += edit.bytes.count - edit.range.count
                } else if bound > edit.range.lowerBound {
                    return edit.range.lowerBound + shift + edit.bytes.count  // inside a replaced range
                } else {
                    break
                }
            }
            return bound + shift
        }
        result.runs = runs.map { Run(range: moved($0.range.lowerBound)..<moved($0.range.upperBound), style: $0.style) }
        result.links = links.map { (moved($0.range.lowerBound)..<moved($0.range.upperBound), $0.target) }
        return result
    }

    /// Byte offsets inside the word of `token` where a soft hyphen may go.
    private static func breaks(inToken range: Range<Int>, of bytes: [UInt8], hyphenator: Hyphenator) -> [Int] {
        guard range.count >= 6 else { return [] }
        let token = String(decoding: bytes[range], as: UTF8.self)
        let scalars = Array(token.unicodeScalars)
        // The word is the token without the punctuation around it ("(word),").
        guard let first = scalars.firstIndex(where: \.properties.isAlphabetic),
              let last = scalars.lastIndex(where: \.properties.isAlphabetic), last - first >= 5 else { return [] }
        let word = Array(scalars[first...last])
        let around = scalars[..<first] + scalars[(last + 1)...]
        guard word.allSatisfy(\.properties.isAlphabetic),
              !around.contains(where: { "/@_\\".unicodeScalars.contains($0) || $0.properties.numericType != nil }) else { return [] }
        let offsets = scalars.reduce(into: [range.lowerBound]) { $0.append($0.last! + $1.utf8.count) }
        return hyphenator.breaks(in: word).map { offsets[first + $0 + 1] }
    }

    /// Drops line breaks at the end (a code block's last newline draws an empty line).
    mutating func trimTrailingNewlines() {
        while bytes.last == 0x0A || bytes.last == 0x0D { bytes.removeLast() }
        let end = bytes.count
        runs = runs.compactMap { run in
            run.range.lowerBound < end ? Run(range: run.range.lowerBound..<min(run.range.upperBound, end), style: run.style) : nil
        }
        links = links.compactMap { $0.range.lowerBound < end ? ($0.range.lowerBound..<min($0.range.upperBound, end), $0.target) : nil }
    }

    /// The text cut at each line break, styles and links kept: one piece per line.
    func lines() -> [StyledText] {
        var pieces: [StyledText] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            var piece = StyledText()
            piece.bytes = Array(bytes[start..<index])
            let within = { (range: Range<Int>) -> Range<Int>? in
                let (lower, upper) = (max(range.lowerBound, start), min(range.upperBound, index))
                return lower < upper ? (lower - start)..<(upper - start) : nil
            }
            piece.runs = runs.compactMap { run in within(run.range).map { Run(range: $0, style: run.style) } }
            piece.links = links.compactMap { link in within(link.range).map { ($0, link.target) } }
            pieces.append(piece)
            start = index + 1
        }
        return pieces
    }
}

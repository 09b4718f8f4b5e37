import CPangoCairo

/// A paragraph as Pango shaped it (the advances do not depend on where its lines broke): the
/// advance of every cluster and where Unicode's line-breaking rules (UAX #14) allow a break,
/// turned into ``LineBreaker`` items.
struct ParagraphMeasure {
    private let bytes: [UInt8]
    /// Per byte: the advance of the cluster that starts there (0 inside a character).
    private var advance: [Double]
    /// Per byte that starts a character: a line may break before it / a cursor may stand there.
    private var breakBefore: [Bool]
    private var characterBoundary: [Bool]
    /// The text between `br` line separators.
    private(set) var segments: [Range<Int>] = []
    /// Pango found right-to-left text (its bidi levels), which the breaker does not set.
    private(set) var isRightToLeft = false
    /// The text has Chinese, Japanese or Korean, which breaks between characters and is not
    /// justified by its spaces: Pango's first fit fills such lines as they should be.
    private(set) var isIdeographic = false

    init?(_ layout: OpaquePointer, bytes: [UInt8]) {
        self.bytes = bytes
        advance = [Double](repeating: 0, count: bytes.count + 1)
        breakBefore = [Bool](repeating: false, count: bytes.count + 1)
        characterBoundary = breakBefore
        guard let iterator = graphics.pango_layout_get_iter(layout) else { return nil }
        defer { graphics.pango_layout_iter_free(iterator) }
        repeat {
            guard let run = graphics.pango_layout_iter_get_run_readonly(iterator) else { continue }
            let item = run.pointee.item.pointee
            if item.analysis.level % 2 == 1 { isRightToLeft = true }
            if [PANGO_SCRIPT_HAN, PANGO_SCRIPT_HIRAGANA, PANGO_SCRIPT_KATAKANA, PANGO_SCRIPT_HANGUL, PANGO_SCRIPT_BOPOMOFO]
                .contains(PangoScript(rawValue: PangoScript.RawValue(item.analysis.script))) { isIdeographic = true }
            let glyphs = run.pointee.glyphs.pointee
            for glyph in 0..<Int(glyphs.num_glyphs) {
                let byte = Int(item.offset) + Int(glyphs.log_clusters[glyph])
                // A soft hyphen is empty but where Pango broke a line at it (and showed a hyphen).
                let isSoftHyphen = byte + 1 < bytes.count && bytes[byte] == 0xC2 && bytes[byte + 1] == 0xAD
                if byte < bytes.count, !isSoftHyphen { advance[byte] += Double(glyphs.glyphs[glyph].geometry.width) / Double(PANGO_SCALE) }
            }
        } while graphics.pango_layout_iter_next_run(iterator) != 0
        // Pango empties the space where it ended a line: it gets the width of the paragraph's others.
        let spaces = bytes.indices.filter { bytes[$0] == 0x20 && advance[$0] > 0 }.map { advance[$0] }.sorted()
        if !spaces.isEmpty {
            let typical = spaces[spaces.count / 2]
            for byte in bytes.indices where bytes[byte] == 0x20 && advance[byte] == 0 { advance[byte] = typical }
        }
        var count: Int32 = 0
        guard let attributes = graphics.pango_layout_get_log_attrs_readonly(layout, &count) else { return nil }
        var character = 0
        for byte in 0...bytes.count where byte == bytes.count || bytes[byte] & 0xC0 != 0x80 {
            guard character < Int(count) else { break }
            breakBefore[byte] = attributes[character].is_line_break != 0
            characterBoundary[byte] = attributes[character].is_cursor_position != 0
            character += 1
        }
        var start = 0
        for byte in bytes.indices where byte + 2 < bytes.count && bytes[byte...(byte + 2)].elementsEqual(TotalFitParagraph.lineSeparator) {
            segments.append(start..<byte)
            start = byte + 3
        }
        segments.append(start..<bytes.count)
    }

    /// The segment as boxes, glue and penalties, and for each item the byte and kind of break it
    /// stands for. `emergency` adds costly breaks anywhere inside long tokens.
    func items(in segment: Range<Int>, hyphenWidth: Double, emergency: Bool)
        -> (items: [LineBreaker.Item], places: [(Int, TotalFitParagraph.Place)]) {
        var items: [LineBreaker.Item] = []
        var places: [(Int, TotalFitParagraph.Place)] = []
        var box = 0.0
        func add(_ item: LineBreaker.Item, at byte: Int, _ place: TotalFitParagraph.Place) {
            if box > 0 { items.append(.box(width: box)); places.append((byte, .before)) }
            box = 0
            items.append(item)
            places.append((byte, place))
        }
        let tokens = Self.longTokens(in: segment, of: bytes)
        var nextToken = 0  // the bytes go forward, and so do the tokens they are in
        var previous: UInt8 = 0x20
        for byte in segment where bytes[byte] & 0xC0 != 0x80 {
            let value = bytes[byte]
            if value == 0x20 {
                // A space at a segment's end stays in its line; it never starts one.
                if byte + 1 < segment.upperBound {
                    let width = advance[byte]
                    add(.glue(width: width, stretch: width / 2, shrink: width / 3), at: byte, .space)
                }
            } else if value == 0xC2, byte + 1 < bytes.count, bytes[byte + 1] == 0xAD {
                add(.penalty(width: hyphenWidth, cost: 50, flagged: true), at: byte, .hyphen)
            } else if byte > segment.lowerBound, previous != 0x20, previous != 0xAD {
                if breakBefore[byte] {
                    let afterHyphen = previous == 0x2D
                    add(.penalty(width: 0, cost: afterHyphen ? 50 : 0, flagged: afterHyphen), at: byte, .before)
                } else if characterBoundary[byte], let token = Self.token(holding: byte, in: tokens, from: &nextToken) {
                    if Self.isTokenBreak(after: previous, before: value) {
                        add(.penalty(width: 0, cost: 150, flagged: false), at: byte, .before)
                    } else if emergency && token.count >= 8 {
                        add(.penalty(width: 0, cost: 5_000, flagged: false), at: byte, .before)
                    }
                }
            }
            if value != 0x20 {
                var end = byte + 1
                while end < segment.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
                box += advance[byte..<end].reduce(0, +)
            }
            previous = value == 0xC2 && byte + 1 < bytes.count ? bytes[byte + 1] : value
        }
        if box > 0 { items.append(.box(width: box)); places.append((segment.upperBound, .before)) }
        items += [.glue(width: 0, stretch: 100_000, shrink: 0), .penalty(width: 0, cost: LineBreaker.forced, flagged: false)]
        places += [(segment.upperBound, .before), (segment.upperBound, .before)]
        return (items, places)
    }

    /// Tokens (runs without a space) long enough to need breaks of their own: addresses, paths,
    /// names in code.
    private static func longTokens(in segment: Range<Int>, of bytes: [UInt8]) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var start = segment.lowerBound
        for byte in segment.lowerBound...segment.upperBound where byte == segment.upperBound || bytes[byte] == 0x20 {
            if byte - start >= 8 { tokens.append(start..<byte) }
            start = byte + 1
        }
        return tokens
    }

    private static func token(holding byte: Int, in tokens: [Range<Int>], from next: inout Int) -> Range<Int>? {
        while next < tokens.count, tokens[next].upperBound <= byte { next += 1 }
        return next < tokens.count && tokens[next].contains(byte) ? tokens[next] : nil
    }

    /// After the punctuation that joins the parts of an address or a name in code (`/`, `.`,
    /// `::`, `_`, `?`, `&`, `=`, `#`), before a letter or digit.
    private static func isTokenBreak(after previous: UInt8, before next: UInt8) -> Bool {
        let joiners: Set<UInt8> = [0x2F, 0x2E, 0x3A, 0x5F, 0x3F, 0x26, 0x3D, 0x23]
        let isAlphanumeric = (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
        return joiners.contains(previous) && isAlphanumeric
    }
}

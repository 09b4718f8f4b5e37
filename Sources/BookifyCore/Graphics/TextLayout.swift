import CPangoCairo
import Foundation

/// A block of text shaped and broken into lines by Pango, measured before it is placed, and
/// drawn a line at a time (a paragraph may continue on the next page).
final class TextLayout {
    struct Options {
        var font: PDFStyle.Font
        /// The measure; 0 or less: one line per paragraph, however long.
        var width: Double
        var justify = false
        var center = false
        var right = false
        /// Code: never a hyphen shown at a break, and no paragraph-wide breaking. (All text
        /// breaks between words first, inside one only when it alone is longer than the line.)
        var code = false
        /// Break between words only, a long word running past the measure (to measure words).
        var wordsOnly = false
        var lineSpacing = 1.0
        /// Indent of the first line (negative: hanging), in points.
        var firstLineIndent: Double = 0
        /// One line, ending in "…" when the text is longer (running heads).
        var singleLine = false
    }

    /// A line's place in the block: its top and height, its baseline, where its text starts.
    struct Line {
        var top: Double
        var height: Double
        var baseline: Double
        var x: Double
        /// A line a long line wrapped onto (code shows a continuation mark there).
        var continues: Bool
        /// The baseline's distance from the line's own top.
        var ascent: Double { baseline - top }
        var pointer: UnsafeMutablePointer<PangoLayoutLine>
    }

    private let layout: OpaquePointer
    /// The text as set: with a line separator at each break when the paragraph was broken as
    /// a whole (``TotalFitParagraph``).
    private(set) var text: StyledText
    private(set) var lines: [Line] = []
    var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    /// The formulas of the text, typeset: each by the byte offset of its object character.
    var formulas: [Int: MathBox] = [:]
    /// The text's face, and the math face that goes with it (when the text has formulas).
    let family: String
    var mathFont: MathFont?

    /// Keeps the context the layout was made in (and its font map) alive.
    let typesetter: Typesetter
    /// Whether the lines draw with the drawing typesetter's fonts yet (see `Typesetter`).
    private var drawsWithCanvasFonts: Bool

    init(_ text: StyledText, options: Options, typesetter: Typesetter) {
        self.text = text
        self.typesetter = typesetter
        family = options.font.family
        drawsWithCanvasFonts = false
        layout = graphics.pango_layout_new(typesetter.context)!
        let font = graphics.pango_font_description_from_string(options.font.description)
        graphics.pango_layout_set_font_description(layout, font)
        graphics.pango_font_description_free(font)
        // A paragraph broken as a whole is shaped unwrapped first: Pango shapes the rest of a
        // paragraph again at every line it wraps, a cost that grows with the square of its length.
        let breaksAsWhole = options.justify && options.width > 0 && !options.code && !options.singleLine
        graphics.pango_layout_set_width(layout, options.width > 0 && !breaksAsWhole ? Int32(options.width * Double(PANGO_SCALE)) : -1)
        graphics.pango_layout_set_wrap(layout, options.wordsOnly ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR)
        if options.center { graphics.pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        if options.right { graphics.pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT) }
        graphics.pango_layout_set_line_spacing(layout, Float(options.lineSpacing))
        graphics.pango_layout_set_indent(layout, Int32(options.firstLineIndent * Double(PANGO_SCALE)))
        if options.singleLine { graphics.pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        set(text, options: options)
        lines = Self.lines(of: layout, spacing: options.lineSpacing)
        defer { trimGlyphStrings() }
        if breaksAsWhole {
            if setTotalFit(options) || fitsOneLine(options) { return }
            // Pango's own breaking after all (right-to-left or CJK text).
            graphics.pango_layout_set_width(layout, Int32(options.width * Double(PANGO_SCALE)))
            lines = Self.lines(of: layout, spacing: options.lineSpacing)
        }
        if options.justify { justify(width: options.width, firstLineIndent: options.firstLineIndent) }
    }

    /// The text is one line, not longer than the measure: set as Pango would wrap it.
    private func fitsOneLine(_ options: Options) -> Bool {
        lines.count == 1 && width(ofLine: 0) <= options.width - abs(options.firstLineIndent)
    }

    /// Glyph slots the runs hold beyond their glyphs: 0 once laid out (see `trimGlyphStrings`).
    var spareGlyphSlots: Int {
        lines.reduce(0) { total, line in
            var spare = 0
            var node = line.pointer.pointee.runs
            while let run = node {
                let glyphs = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee.glyphs.pointee
                spare += Int(glyphs.space - glyphs.num_glyphs)
                node = run.pointee.next
            }
            return total + spare
        }
    }

    /// Gives each run's glyphs back the room Pango reserved for more. Breaking a paragraph into
    /// lines splits its glyph strings, and each part keeps up to twice the glyphs it holds (the
    /// last part: the whole paragraph's); a PDF holds every laid-out paragraph until its contents
    /// pages are set, and this room was a third of a large book's memory. Called once the glyphs
    /// are final (justified, hyphens shown): only their storage shrinks, never what they say.
    private func trimGlyphStrings() {
        for line in lines {
            var node = line.pointer.pointee.runs
            while let run = node {
                let glyphs = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee.glyphs!
                let count = Int(glyphs.pointee.num_glyphs)
                if count > 0, glyphs.pointee.space > glyphs.pointee.num_glyphs {
                    // g_realloc, as Pango allocates them; smaller, so it moves nothing it need not.
                    glyphs.pointee.glyphs = graphics.g_realloc(glyphs.pointee.glyphs, gsize(count * MemoryLayout<PangoGlyphInfo>.stride))!
                        .assumingMemoryBound(to: PangoGlyphInfo.self)
                    glyphs.pointee.log_clusters = graphics.g_realloc(glyphs.pointee.log_clusters, gsize(count * MemoryLayout<Int32>.stride))!
                        .assumingMemoryBound(to: Int32.self)
                    glyphs.pointee.space = glyphs.pointee.num_glyphs
                }
                node = run.pointee.next
            }
        }
    }

    /// Breaks the paragraph as a whole (``TotalFitParagraph``), measured from its unwrapped
    /// lines, and justifies each line to its width (or leaves it ragged when too loose). Unless
    /// it is one line per `br` segment, the text is set again with a line separator at each
    /// break; false (nothing changed) when Pango's own breaking should be used instead.
    private func setTotalFit(_ options: Options) -> Bool {
        let indent = options.firstLineIndent
        let lineWidth = { (line: Int) in options.width - (line == 0 ? max(indent, 0) : max(-indent, 0)) }
        guard let paragraph = TotalFitParagraph(text, measuredIn: layout, lineWidth: lineWidth,
                                                hyphenWidth: typesetter.hyphenWidth(in: options.font)) else { return false }
        if lines.map({ Int($0.pointer.pointee.start_index) }) != paragraph.lineStarts {
            graphics.pango_layout_set_width(layout, -1)
            set(paragraph.text, options: options)
            lines = Self.lines(of: layout, spacing: options.lineSpacing)
            guard lines.count == paragraph.lines.count else {
                // Pango set other lines than were chosen (it should not): its own breaking instead.
                graphics.pango_layout_set_width(layout, Int32(options.width * Double(PANGO_SCALE)))
                set(paragraph.text, options: options)
                lines = Self.lines(of: layout, spacing: options.lineSpacing)
                justify(width: options.width, firstLineIndent: indent)
                return true
            }
            showHyphens()
        }
        for (index, line) in paragraph.lines.enumerated() where line.justified {
            justify(line: index, to: line.width, indent: index == 0 ? max(indent, 0) : max(-indent, 0))
        }
        return true
    }

    /// Shows the soft hyphen that ends a line as a hyphen, as Pango does at a break of its own:
    /// the (empty) glyph of the soft hyphen becomes the font's hyphen, so that the text still
    /// reads U+00AD where the word was cut (copied text joins it again).
    private func showHyphens() {
        for line in lines {
            let start = Int(line.pointer.pointee.start_index)
            var end = start + Int(line.pointer.pointee.length)
            if end >= 3, text.bytes[(end - 3)..<end].elementsEqual(TotalFitParagraph.lineSeparator) { end -= 3 }
            guard end >= 2, text.bytes[end - 2] == 0xC2, text.bytes[end - 1] == 0xAD else { continue }
            var node = line.pointer.pointee.runs
            while let run = node {
                let item = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee
                let glyphs = item.glyphs.pointee
                for index in 0..<Int(glyphs.num_glyphs) where Int(item.item.pointee.offset) + Int(glyphs.log_clusters[index]) == end - 2 {
                    guard let font = item.item.pointee.analysis.font, let hyphen = Self.hyphenGlyph(in: font) else { continue }
                    glyphs.glyphs[index].glyph = hyphen.glyph
                    glyphs.glyphs[index].geometry.width = hyphen.width
                }
                node = run.pointee.next
            }
        }
    }

    /// The font's hyphen (U+2010, else the hyphen-minus) and its advance, in Pango units.
    private static func hyphenGlyph(in font: UnsafeMutablePointer<PangoFont>) -> (glyph: PangoGlyph, width: Int32)? {
        guard let harfbuzz = graphics.pango_font_get_hb_font(font) else { return nil }
        var glyph: hb_codepoint_t = 0
        guard graphics.hb_font_get_nominal_glyph(harfbuzz, 0x2010, &glyph) != 0 || graphics.hb_font_get_nominal_glyph(harfbuzz, 0x2D, &glyph) != 0 else {
            return nil
        }
        var logical = PangoRectangle()
        graphics.pango_font_get_glyph_extents(font, glyph, nil, &logical)
        return (glyph, logical.width)
    }

    private func set(_ text: StyledText, options: Options) {
        self.text = text
        typesetFormulas(options: options)
        text.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                graphics.pango_layout_set_text(layout, $0, Int32(buffer.count))
            }
        }
        let attributes = Self.attributes(of: text, options: options, formulas: formulas)
        graphics.pango_layout_set_attributes(layout, attributes)
        graphics.pango_attr_list_unref(attributes)
    }

    deinit {
        graphics.g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Draws line `index` with the block's top-left corner at (x, y): the line's own top is at
    /// `y + lines[index].top`.
    func drawLine(_ index: Int, x: Double, y: Double, canvas: PDFCanvas) {
        if !drawsWithCanvasFonts {
            if typesetter !== canvas.typesetter { lines.forEach { canvas.typesetter.adopt($0.pointer) } }
            drawsWithCanvasFonts = true
        }
        let line = lines[index]
        let colored = ColorGlyphs.takeOut(of: line.pointer)
        canvas.setColor(.text)  // styled runs carry their own colour
        graphics.cairo_move_to(canvas.context, x + line.x, y + line.baseline)
        graphics.pango_cairo_show_layout_line(canvas.context, line.pointer)
        for glyph in colored { canvas.paint(glyph, x: x + line.x + glyph.x, baseline: y + line.baseline) }
        drawFormulas(onLine: index, x: x, y: y, canvas: canvas)
    }

    /// The widest line's width.
    var widestLine: Double { lines.indices.map(width(ofLine:)).max() ?? 0 }

    /// The width of line `index`'s text.
    func width(ofLine index: Int) -> Double {
        var logical = PangoRectangle()
        graphics.pango_layout_line_get_extents(lines[index].pointer, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// The links on line `index`: where each lies across the line, from the block's left edge.
    func links(onLine index: Int) -> [(target: PDFLinkTarget, x: Double, width: Double)] {
        let line = lines[index]
        let start = Int(line.pointer.pointee.start_index)
        let end = start + Int(line.pointer.pointee.length)
        return text.links.flatMap { link -> [(target: PDFLinkTarget, x: Double, width: Double)] in
            let from = max(link.range.lowerBound, start)
            let to = min(link.range.upperBound, end)
            guard from < to else { return [] }
            var ranges: UnsafeMutablePointer<Int32>?
            var count: Int32 = 0
            graphics.pango_layout_line_get_x_ranges(line.pointer, Int32(from), Int32(to), &ranges, &count)
            defer { graphics.g_free(ranges) }
            guard let ranges else { return [] }
            return (0..<Int(count)).map { pair in
                let left = Double(ranges[pair * 2]) / Double(PANGO_SCALE)
                let right = Double(ranges[pair * 2 + 1]) / Double(PANGO_SCALE)
                return (link.target, left, right - left)
            }
        }
    }

    /// Stretches the spaces of every line to the full width, but for a paragraph's last line and
    /// a line a `br` ends. (Pango's own justification forgets the hyphen a line ends with, and
    /// such lines overran the measure by its width.)
    private func justify(width: Double, firstLineIndent: Double) {
        for index in lines.indices.dropLast() where lines[index + 1].pointer.pointee.is_paragraph_start == 0 {
            let line = lines[index].pointer
            let end = Int(line.pointee.start_index + line.pointee.length)
            let separator = TotalFitParagraph.lineSeparator  // U+2028, what `br` becomes
            if end >= 3, Array(text.bytes[(end - 3)..<end]) == separator { continue }
            if end + 3 <= text.bytes.count, Array(text.bytes[end..<(end + 3)]) == separator { continue }
            // Pango's indent sets in the first line (positive) or the others (negative).
            let indent = line.pointee.is_paragraph_start != 0 ? max(firstLineIndent, 0) : max(-firstLineIndent, 0)
            justify(line: index, to: width - indent, indent: indent, stretchOnly: true)
        }
    }

    /// Sets line `index` to `width` by giving its spaces the difference (stretched, or shrunk
    /// when the line was chosen tight), `indent` from the block's left edge.
    private func justify(line index: Int, to width: Double, indent: Double, stretchOnly: Bool = false) {
            let line = lines[index].pointer
            var natural: Int32 = 0
            var spaces: [UnsafeMutablePointer<PangoGlyphInfo>] = []
            var node = line.pointee.runs
            while let run = node {
                let item = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee
                let glyphs = item.glyphs.pointee
                for glyph in 0..<Int(glyphs.num_glyphs) {
                    let info = glyphs.glyphs + glyph
                    natural += info.pointee.geometry.width
                    let byte = Int(item.item.pointee.offset) + Int(glyphs.log_clusters[glyph])
                    // A space Pango emptied at the line's end stays empty.
                    if byte < text.bytes.count, text.bytes[byte] == 0x20, info.pointee.geometry.width > 0 { spaces.append(info) }
                }
                node = run.pointee.next
            }
            let extra = Int32((width * Double(PANGO_SCALE)).rounded(.down)) - natural
            guard extra > 0 || !stretchOnly, extra != 0, !spaces.isEmpty else { return }
            let share = extra / Int32(spaces.count)
            for (position, space) in spaces.enumerated() {
                space.pointee.geometry.width += share + (position < Int(extra % Int32(spaces.count)) ? 1 : 0)
            }
            lines[index].x = indent
    }

    /// The lines as Pango placed them, each given its share of the line spacing (Pango spaces the
    /// baselines but leaves the gap out of a line's height): half above, half below.
    private static func lines(of layout: OpaquePointer, spacing: Double) -> [Line] {
        guard let iterator = graphics.pango_layout_get_iter(layout) else { return [] }
        defer { graphics.pango_layout_iter_free(iterator) }
        var lines: [Line] = []
        repeat {
            var top: Int32 = 0
            var bottom: Int32 = 0
            graphics.pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            var logical = PangoRectangle()
            graphics.pango_layout_iter_get_line_extents(iterator, nil, &logical)
            guard let line = graphics.pango_layout_iter_get_line_readonly(iterator) else { continue }
            let scale = Double(PANGO_SCALE)
            let height = Double(bottom - top) / scale
            let gap = height * (max(spacing, 1) - 1)
            lines.append(Line(top: Double(top) / scale - gap / 2, height: height + gap,
                              baseline: Double(graphics.pango_layout_iter_get_baseline(iterator)) / scale,
                              x: Double(logical.x) / scale, continues: line.pointee.is_paragraph_start == 0,
                              pointer: line))
        } while graphics.pango_layout_iter_next_line(iterator) != 0
        return lines
    }

    /// The byte ranges of the runs of Hangul (syllables and jamo) in `bytes`.
    private static func hangulWords(in bytes: [UInt8]) -> [Range<Int>] {
        // Hangul's UTF-8 lead bytes: most text has none, and is not decoded.
        guard bytes.contains(where: { [0xE1, 0xE3, 0xEA, 0xEB, 0xEC, 0xED].contains($0) }) else { return [] }
        var words: [Range<Int>] = []
        var start: Int?
        var index = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let isHangul = (0xAC00...0xD7A3).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value)
                || (0x3130...0x318F).contains(scalar.value)
            if isHangul, start == nil { start = index }
            if !isHangul, let first = start { words.append(first..<index); start = nil }
            index += scalar.utf8.count
        }
        if let first = start { words.append(first..<index) }
        return words
    }

    private static func attributes(of text: StyledText, options: TextLayout.Options, formulas: [Int: MathBox]) -> OpaquePointer {
        let list = graphics.pango_attr_list_new()!
        let insert = { (attribute: UnsafeMutablePointer<PangoAttribute>?, range: Range<Int>) in
            guard let attribute else { return }
            attribute.pointee.start_index = guint(range.lowerBound)
            attribute.pointee.end_index = guint(range.upperBound)
            graphics.pango_attr_list_insert(list, attribute)
        }
        let whole = 0..<text.bytes.count
        if options.code { insert(graphics.pango_attr_insert_hyphens_new(0), whole) }
        if let features = options.font.features { insert(graphics.pango_attr_font_features_new(features), whole) }
        // Korean breaks between words, at its spaces (Unicode's default breaks between any two syllables).
        for word in Self.hangulWords(in: text.bytes) { insert(graphics.pango_attr_allow_breaks_new(0), word) }
        for run in text.runs {
            let style = run.style
            if style.bold { insert(graphics.pango_attr_weight_new(PANGO_WEIGHT_BOLD), run.range) }
            if style.italic { insert(graphics.pango_attr_style_new(PANGO_STYLE_ITALIC), run.range) }
            if style.monospace {
                insert(graphics.pango_attr_family_new(PDFStyle.Font.monospaceFamily), run.range)
                insert(graphics.pango_attr_font_features_new(PDFStyle.Font.codeFeatures), run.range)
                insert(graphics.pango_attr_scale_new(PDFStyle.inlineCodeScale), run.range)
                insert(graphics.pango_attr_insert_hyphens_new(0), run.range)
            }
            if style.strikethrough { insert(graphics.pango_attr_strikethrough_new(1), run.range) }
            if style.underline { insert(graphics.pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), run.range) }
            if style.rise != 0 { insert(graphics.pango_attr_rise_new(Int32(style.rise * Double(PANGO_SCALE))), run.range) }
            if style.scale != 1 { insert(graphics.pango_attr_scale_new(style.scale), run.range) }
            if let color = style.color, style.formula == nil {
                insert(graphics.pango_attr_foreground_new(UInt16(color.red * 65535), UInt16(color.green * 65535),
                                                 UInt16(color.blue * 65535)), run.range)
            }
        }
        // A formula's object character takes the formula's room in the line.
        for (offset, box) in formulas {
            let scale = Double(PANGO_SCALE)
            var rectangle = PangoRectangle(x: 0, y: Int32((-box.ascent * scale).rounded()), width: Int32((box.width * scale).rounded()),
                                           height: Int32((box.height * scale).rounded()))
            insert(graphics.pango_attr_shape_new(&rectangle, &rectangle), offset..<(offset + StyledText.objectReplacement.count))
        }
        return list
    }
}

import CPangoCairo

extension PDFCanvas {
    /// Paints a typeset formula with its origin at `x` on the `baseline`: the math font's
    /// glyphs (in `mathFamily`), its rules, and text the math font lacked in `textFamily`.
    func drawMath(_ box: MathBox, x: Double, baseline: Double, mathFamily: String, textFamily: String) {
        setColor(.text)
        for item in box.items {
            switch item {
            case .glyph(let glyph):
                guard let font = typesetter.scaledFont(family: mathFamily, size: glyph.size) else { continue }
                graphics.cairo_set_scaled_font(context, font)
                var placed = cairo_glyph_t(index: UInt(glyph.id), x: x + glyph.x, y: baseline + glyph.y)
                if let text = glyph.text {
                    // A variant or a part: the PDF's text gets the character it stands for.
                    var cluster = cairo_text_cluster_t(num_bytes: Int32(text.utf8.count), num_glyphs: 1)
                    graphics.cairo_show_text_glyphs(context, text, Int32(text.utf8.count), &placed, 1, &cluster, 1, cairo_text_cluster_flags_t(0))
                } else {
                    graphics.cairo_show_glyphs(context, &placed, 1)
                }
            case .rule(let left, let top, let width, let height):
                fillRectangle(x: x + left, y: baseline + top, width: width, height: height, color: .text)
            case .text(let string, let size, let left, let y, let muted):
                let style = StyledText.Style(color: muted ? PDFStyle.Color.muted : nil)
                let layout = TextLayout(StyledText.plain(string, style: style),
                                        options: .init(font: PDFStyle.Font(family: textFamily, size: size), width: 0),
                                        typesetter: typesetter)
                guard let line = layout.lines.first else { continue }
                layout.drawLine(0, x: x + left - line.x, y: baseline + y - line.baseline, canvas: self)
                setColor(.text)
            }
        }
    }
}

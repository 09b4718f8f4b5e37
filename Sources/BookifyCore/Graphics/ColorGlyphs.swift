import CPangoCairo
import Foundation

/// Colour emoji painted as pictures of themselves. Cairo 1.16 draws a colour bitmap glyph
/// (Noto Color Emoji's PNG strikes) at the bitmap's own size, many times larger than the text
/// around it. So before a line is shown its colour glyphs are emptied (their advances stay),
/// and each is then painted at its place from the font's own PNG, in the box HarfBuzz gives it.
enum ColorGlyphs {
    /// A colour glyph of a line: where it starts from the line's left, and what to draw.
    struct Placed {
        var x: Double
        /// The advance Pango gave it (points): what its picture is scaled to.
        var advance: Double
        var glyph: PangoGlyph
        var font: UnsafeMutablePointer<PangoFont>
    }

    /// The colour glyphs of `line`, each emptied in the line; their fonts stay alive with the line.
    static func takeOut(of line: UnsafeMutablePointer<PangoLayoutLine>) -> [Placed] {
        var placed: [Placed] = []
        var x: Int32 = 0
        var node = line.pointee.runs
        while let run = node {
            let item = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee
            let glyphs = item.glyphs.pointee
            let font = item.item.pointee.analysis.font
            let colored = font.map(isColored) ?? false
            for index in 0..<Int(glyphs.num_glyphs) {
                let info = glyphs.glyphs[index]
                if colored, let font, info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, info.glyph != PANGO_GLYPH_EMPTY {
                    placed.append(Placed(x: Double(x + info.geometry.x_offset) / Double(PANGO_SCALE),
                                         advance: Double(info.geometry.width) / Double(PANGO_SCALE), glyph: info.glyph, font: font))
                    glyphs.glyphs[index].glyph = PANGO_GLYPH_EMPTY
                }
                x += info.geometry.width
            }
            node = run.pointee.next
        }
        return placed
    }

    /// The glyph's own picture (the PNG of the font's best strike) and the box it fills, from
    /// the glyph's origin on the baseline (points, y downwards). HarfBuzz measures the glyph in
    /// the strike's pixels here; its advance against the advance Pango set gives the scale.
    static func picture(of glyph: ColorGlyphs.Placed) -> (png: [UInt8], left: Double, top: Double, width: Double, height: Double)? {
        guard let harfbuzz = graphics.pango_font_get_hb_font(glyph.font), let blob = graphics.hb_ot_color_glyph_reference_png(harfbuzz, glyph.glyph) else {
            return nil
        }
        defer { graphics.hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = graphics.hb_blob_get_data(blob, &length), length > 0 else { return nil }
        var extents = hb_glyph_extents_t()
        let advance = graphics.hb_font_get_glyph_h_advance(harfbuzz, glyph.glyph)
        guard graphics.hb_font_get_glyph_extents(harfbuzz, glyph.glyph, &extents) != 0, extents.width > 0, extents.height < 0, advance > 0 else {
            return nil
        }
        let scale = Double(advance) / glyph.advance
        let png = Array(UnsafeRawBufferPointer(start: data, count: Int(length)).bindMemory(to: UInt8.self))
        return (png, Double(extents.x_bearing) / scale, -Double(extents.y_bearing) / scale,
                Double(extents.width) / scale, -Double(extents.height) / scale)
    }

    /// Whether `font` draws its glyphs as colour pictures (bitmap strikes, as emoji fonts do).
    private static func isColored(_ font: UnsafeMutablePointer<PangoFont>) -> Bool {
        guard let harfbuzz = graphics.pango_font_get_hb_font(font) else { return false }
        return graphics.hb_ot_color_has_png(graphics.hb_font_get_face(harfbuzz)) != 0
    }
}

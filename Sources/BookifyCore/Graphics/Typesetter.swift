import CPangoCairo
import Foundation

/// Where Pango lays text out: a context at 72 units per inch (one unit is one PDF point) with
/// the metrics of the PDF (no hinting, no rounding of glyph positions).
///
/// Posts are laid out on every core (`layOutConcurrently`), each worker with a typesetter and
/// font map of its own, since Pango objects must stay on one thread (and font measuring behind
/// `FontLock`). The PDF's bytes must not depend on which worker laid out what: Cairo
/// gives each font object its own font resource, so before a worker's line is drawn its runs
/// are switched to the drawing typesetter's fonts (`adopt`), which the one drawing thread
/// creates in page order.
final class Typesetter {
    let context: OpaquePointer
    /// Fonts of this typesetter by the absolute description of a worker's font (see `adopt`).
    private var ownFonts: [String: UnsafeMutablePointer<PangoFont>] = [:]

    /// A typesetter on the thread's default font map, for the thread that draws.
    convenience init() {
        self.init(fontMap: graphics.pango_cairo_font_map_get_default()!)
    }

    private init(fontMap: UnsafeMutablePointer<PangoFontMap>) {
        context = graphics.pango_font_map_create_context(fontMap)!
        graphics.pango_cairo_context_set_resolution(context, 72)
        let options = graphics.cairo_font_options_create()
        graphics.cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        graphics.cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        graphics.pango_cairo_context_set_font_options(context, options)
        graphics.cairo_font_options_destroy(options)
        // Glyph advances as the font has them, not rounded to whole points.
        graphics.pango_context_set_round_glyph_positions(context, 0)
    }

    /// A typesetter with a font map of its own, for one worker thread at a time.
    private static func worker() -> Typesetter {
        let fontMap = graphics.pango_cairo_font_map_new()!
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(fontMap)) }  // the context keeps it
        return Typesetter(fontMap: fontMap)
    }

    deinit {
        for font in ownFonts.values { graphics.g_object_unref(UnsafeMutableRawPointer(font)) }
        for font in adopted.keys { graphics.g_object_unref(UnsafeMutableRawPointer(font)) }
        graphics.g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// `layOut` applied to every element, on `Parallelism.jobs` threads, in the array's order.
    /// Each worker has its own typesetter; what it lays out is handed back only when all are done.
    static func layOutConcurrently<Element, Result>(_ elements: [Element],
                                                   _ layOut: (Element, Typesetter) -> Result) -> [Result] {
        FontLock.install(on: Typesetter())
        let results = UnsafeResults<Result>(count: elements.count)
        elements.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            Parallelism.forEachIndex(below: elements.count, worker: Typesetter.worker) { index, typesetter in
                results.set(index, layOut(elements[index], typesetter))
            }
        }
        return results.values
    }

    private var hyphenWidths: [String: Double] = [:]

    /// The width of a hyphen in `font` (what a line broken inside a word gains), measured once.
    func hyphenWidth(in font: PDFStyle.Font) -> Double {
        if let known = hyphenWidths[font.description] { return known }
        let layout = graphics.pango_layout_new(context)!
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(layout)) }
        let description = graphics.pango_font_description_from_string(font.description)
        graphics.pango_layout_set_font_description(layout, description)
        graphics.pango_font_description_free(description)
        graphics.pango_layout_set_text(layout, "-", 1)
        var logical = PangoRectangle()
        graphics.pango_layout_get_extents(layout, nil, &logical)
        let width = Double(logical.width) / Double(PANGO_SCALE)
        hyphenWidths[font.description] = width
        return width
    }

    private var scaledFonts: [String: OpaquePointer] = [:]

    /// A font of `family` at `size` points as Cairo draws glyphs with it by their ids (math,
    /// whose glyphs are chosen from the font's tables rather than shaped from text).
    func scaledFont(family: String, size: Double) -> OpaquePointer? {
        let key = "\(family) \(size)"
        if let known = scaledFonts[key] { return known }
        let description = graphics.pango_font_description_new()!
        defer { graphics.pango_font_description_free(description) }
        graphics.pango_font_description_set_family(description, family)
        graphics.pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        guard let font = graphics.pango_font_map_load_font(graphics.pango_context_get_font_map(context), context, description) else { return nil }
        ownFonts["scaled " + key] = font  // keeps the font (and so its scaled font) alive
        let scaled = graphics.pango_cairo_font_get_scaled_font(OpaquePointer(font))
        scaledFonts[key] = scaled
        return scaled
    }

    /// Makes `line`, laid out by another typesetter, draw with this typesetter's fonts: the same
    /// font files at the same sizes, so the glyphs and their positions stay as laid out.
    func adopt(_ line: UnsafeMutablePointer<PangoLayoutLine>) {
        var node = line.pointee.runs
        while let run = node {
            let item = run.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee.item!
            let theirs = item.pointee.analysis.font!
            let ours = ownFont(like: theirs)
            if ours != theirs {
                graphics.g_object_ref(UnsafeMutableRawPointer(ours))
                item.pointee.analysis.font = ours
                graphics.g_object_unref(UnsafeMutableRawPointer(theirs))
            }
            node = run.pointee.next
        }
    }

    /// The font `ownFont(like:)` chose for each worker's font object, each key kept alive (a
    /// reference taken) so that its address cannot come back as another font. Describing a font
    /// asks fontconfig, and every run of every line was adopted: a tenth of drawing a PDF.
    private var adopted: [UnsafeMutablePointer<PangoFont>: UnsafeMutablePointer<PangoFont>] = [:]

    private func ownFont(like font: UnsafeMutablePointer<PangoFont>) -> UnsafeMutablePointer<PangoFont> {
        if let own = adopted[font] { return own }
        let own = ownFont(describedLike: font)
        graphics.g_object_ref(UnsafeMutableRawPointer(font))
        adopted[font] = own
        return own
    }

    private func ownFont(describedLike font: UnsafeMutablePointer<PangoFont>) -> UnsafeMutablePointer<PangoFont> {
        let description = graphics.pango_font_describe_with_absolute_size(font)
        defer { graphics.pango_font_description_free(description) }
        let name = graphics.pango_font_description_to_string(description)!
        defer { graphics.g_free(name) }
        let key = String(cString: name)
        if let own = ownFonts[key] { return own }
        guard let own = graphics.pango_font_map_load_font(graphics.pango_context_get_font_map(context), context, description) else { return font }
        ownFonts[key] = own
        return own
    }
}

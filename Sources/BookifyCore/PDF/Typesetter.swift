import CPangoCairo

/// Where Pango lays text out: a context at 72 units per inch (one unit is one PDF point) with
/// the metrics of the PDF (no hinting, no rounding of glyph positions).
///
/// Layout is not spread over the cores yet, though a post's layout does not depend on the page
/// it starts on: Pango objects must stay on one thread at a time, and with a font map per thread
/// Cairo shares its scaled fonts between them in whatever order threads ask first, so the PDF's
/// font resources, and its bytes, changed from run to run (tried: a font map per thread, per
/// post, and per fixed share of posts).
final class Typesetter {
    let context: OpaquePointer

    init() {
        context = pango_font_map_create_context(pango_cairo_font_map_get_default())
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
    }
}

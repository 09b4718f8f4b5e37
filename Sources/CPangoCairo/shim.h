#ifndef BOOKIFY_CPANGOCAIRO_SHIM_H
#define BOOKIFY_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <hb-ot.h>
#include <dlfcn.h>

/* Pango, Cairo, HarfBuzz and GLib are not linked: bookify opens them (dlopen) the first time it
   lays out or draws something. With the thirty-odd libraries they bring (fontconfig, FreeType,
   X11, XCB, pixman, libpng, GIO, …) they cost every run about 6 ms of loading and relocation,
   and most EPUB builds never draw (a kept cover, `--cover none`). These are the functions
   bookify calls, each a field of the same name and of the type its header declares. */
#define BOOKIFY_PANGO_CAIRO_FUNCTIONS(F) \
    F(pango_attr_allow_breaks_new) \
    F(pango_attr_family_new) \
    F(pango_attr_font_features_new) \
    F(pango_attr_foreground_new) \
    F(pango_attr_insert_hyphens_new) \
    F(pango_attr_list_insert) \
    F(pango_attr_list_new) \
    F(pango_attr_list_unref) \
    F(pango_attr_rise_new) \
    F(pango_attr_scale_new) \
    F(pango_attr_shape_new) \
    F(pango_attr_strikethrough_new) \
    F(pango_attr_style_new) \
    F(pango_attr_underline_new) \
    F(pango_attr_weight_new) \
    F(pango_cairo_context_set_font_options) \
    F(pango_cairo_context_set_resolution) \
    F(pango_cairo_create_layout) \
    F(pango_cairo_font_get_scaled_font) \
    F(pango_cairo_font_map_get_default) \
    F(pango_cairo_font_map_new) \
    F(pango_cairo_show_layout) \
    F(pango_cairo_show_layout_line) \
    F(pango_context_get_font_map) \
    F(pango_context_load_font) \
    F(pango_context_set_round_glyph_positions) \
    F(pango_font_describe) \
    F(pango_font_describe_with_absolute_size) \
    F(pango_font_description_free) \
    F(pango_font_description_from_string) \
    F(pango_font_description_get_family) \
    F(pango_font_description_new) \
    F(pango_font_description_set_absolute_size) \
    F(pango_font_description_set_family) \
    F(pango_font_description_to_string) \
    F(pango_font_family_get_name) \
    F(pango_font_get_glyph_extents) \
    F(pango_font_get_hb_font) \
    F(pango_font_map_create_context) \
    F(pango_font_map_list_families) \
    F(pango_font_map_load_font) \
    F(pango_layout_get_extents) \
    F(pango_layout_get_iter) \
    F(pango_layout_get_line_count) \
    F(pango_layout_get_log_attrs_readonly) \
    F(pango_layout_get_pixel_extents) \
    F(pango_layout_iter_free) \
    F(pango_layout_iter_get_baseline) \
    F(pango_layout_iter_get_line_extents) \
    F(pango_layout_iter_get_line_readonly) \
    F(pango_layout_iter_get_line_yrange) \
    F(pango_layout_iter_get_run_readonly) \
    F(pango_layout_iter_next_line) \
    F(pango_layout_iter_next_run) \
    F(pango_layout_line_get_extents) \
    F(pango_layout_line_get_x_ranges) \
    F(pango_layout_line_index_to_x) \
    F(pango_layout_new) \
    F(pango_layout_set_alignment) \
    F(pango_layout_set_attributes) \
    F(pango_layout_set_ellipsize) \
    F(pango_layout_set_font_description) \
    F(pango_layout_set_height) \
    F(pango_layout_set_indent) \
    F(pango_layout_set_line_spacing) \
    F(pango_layout_set_text) \
    F(pango_layout_set_width) \
    F(pango_layout_set_wrap) \
    F(pango_version_string) \
    F(cairo_create) \
    F(cairo_destroy) \
    F(cairo_fill) \
    F(cairo_font_options_create) \
    F(cairo_font_options_destroy) \
    F(cairo_font_options_set_hint_metrics) \
    F(cairo_font_options_set_hint_style) \
    F(cairo_image_surface_create) \
    F(cairo_image_surface_create_from_png_stream) \
    F(cairo_image_surface_get_data) \
    F(cairo_image_surface_get_stride) \
    F(cairo_line_to) \
    F(cairo_move_to) \
    F(cairo_paint) \
    F(cairo_pdf_surface_add_outline) \
    F(cairo_pdf_surface_create) \
    F(cairo_pdf_surface_restrict_to_version) \
    F(cairo_pdf_surface_set_metadata) \
    F(cairo_pdf_surface_set_page_label) \
    F(cairo_rectangle) \
    F(cairo_restore) \
    F(cairo_rotate) \
    F(cairo_save) \
    F(cairo_scale) \
    F(cairo_set_line_width) \
    F(cairo_set_scaled_font) \
    F(cairo_set_source_rgb) \
    F(cairo_set_source_surface) \
    F(cairo_show_glyphs) \
    F(cairo_show_page) \
    F(cairo_show_text_glyphs) \
    F(cairo_status_to_string) \
    F(cairo_stroke) \
    F(cairo_surface_destroy) \
    F(cairo_surface_finish) \
    F(cairo_surface_flush) \
    F(cairo_surface_mark_dirty) \
    F(cairo_surface_set_mime_data) \
    F(cairo_surface_status) \
    F(cairo_svg_surface_create) \
    F(cairo_tag_begin) \
    F(cairo_tag_end) \
    F(cairo_translate) \
    F(cairo_version_string) \
    F(hb_blob_destroy) \
    F(hb_blob_get_data) \
    F(hb_face_get_upem) \
    F(hb_font_create) \
    F(hb_font_destroy) \
    F(hb_font_get_face) \
    F(hb_font_get_glyph_extents) \
    F(hb_font_get_glyph_h_advance) \
    F(hb_font_get_nominal_glyph) \
    F(hb_font_make_immutable) \
    F(hb_font_set_scale) \
    F(hb_ot_color_glyph_reference_png) \
    F(hb_ot_color_has_png) \
    F(hb_ot_math_get_constant) \
    F(hb_ot_math_get_glyph_assembly) \
    F(hb_ot_math_get_glyph_italics_correction) \
    F(hb_ot_math_get_glyph_top_accent_attachment) \
    F(hb_ot_math_get_glyph_variants) \
    F(hb_ot_math_get_min_connector_overlap) \
    F(hb_ot_math_has_data) \
    F(g_error_free) \
    F(g_free) \
    F(g_object_ref) \
    F(g_object_unref) \
    F(g_realloc) \
    F(g_slist_free)

typedef struct {
#define BOOKIFY_PANGO_CAIRO_FIELD(name) __typeof__(name) *_Nonnull name;
    BOOKIFY_PANGO_CAIRO_FUNCTIONS(BOOKIFY_PANGO_CAIRO_FIELD)
#undef BOOKIFY_PANGO_CAIRO_FIELD
} bookify_pango_cairo;

/* Binds `api` to the functions of `library` (a dlopen handle of libpangocairo, whose
   dependencies hold the rest). Returns NULL, or the name of the first function not found. */
static inline const char *bookify_pango_cairo_bind(bookify_pango_cairo *api, void *library) {
#define BOOKIFY_PANGO_CAIRO_BIND(name) \
    if ((*(void **)&api->name = dlsym(library, #name)) == NULL) return #name;
    BOOKIFY_PANGO_CAIRO_FUNCTIONS(BOOKIFY_PANGO_CAIRO_BIND)
#undef BOOKIFY_PANGO_CAIRO_BIND
    return NULL;
}
#endif

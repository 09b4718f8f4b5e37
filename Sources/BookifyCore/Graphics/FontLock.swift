import CPangoCairo
import Foundation

/// Makes Pango's fonts safe to measure on several threads at once, by one lock around the two
/// font methods that reach Cairo and global state. Pango 1.50 offers no hook, so the font
/// class's `get_metrics` and `get_glyph_extents` are wrapped once.
///
/// - `get_metrics`: PangoCairo computes a font's approximate character width (which decides
///   how closely the line breaker examines the break points near a line's end) behind a
///   process-wide, unlocked "already inside" flag: a font measured while another thread was
///   inside got no width, and its paragraphs broke differently depending on timing.
/// - `get_glyph_extents`: Cairo 1.16's glyph cache is shared by all fonts of the process and
///   crashed (1 run in ~25) when two threads measured glyphs while it evicted pages.
///
/// Shaping and line breaking, most of the work, still run side by side. The lock is recursive:
/// computing metrics lays out a sample text, which measures glyphs.
enum FontLock {
    private typealias GetMetrics = @convention(c) (UnsafeMutablePointer<PangoFont>?, OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>?
    private typealias GetGlyphExtents = @convention(c) (UnsafeMutablePointer<PangoFont>?, PangoGlyph,
                                                        UnsafeMutablePointer<PangoRectangle>?, UnsafeMutablePointer<PangoRectangle>?) -> Void

    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var originalMetrics: GetMetrics?
    nonisolated(unsafe) private static var originalExtents: GetGlyphExtents?

    /// Wraps the methods of the class of the fonts `typesetter` loads (idempotent).
    static func install(on typesetter: Typesetter) {
        lock.withLock {
            guard originalMetrics == nil else { return }
            let description = graphics.pango_font_description_from_string(PDFStyle().body.description)
            defer { graphics.pango_font_description_free(description) }
            guard let font = graphics.pango_context_load_font(typesetter.context, description) else { return }
            defer { graphics.g_object_unref(UnsafeMutableRawPointer(font)) }
            let instance = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GTypeInstance.self)
            let fontClass = UnsafeMutableRawPointer(instance.pointee.g_class).assumingMemoryBound(to: PangoFontClass.self)
            originalMetrics = fontClass.pointee.get_metrics
            originalExtents = fontClass.pointee.get_glyph_extents
            fontClass.pointee.get_metrics = { font, language in
                FontLock.lock.withLock { FontLock.originalMetrics!(font, language) }
            }
            fontClass.pointee.get_glyph_extents = { font, glyph, ink, logical in
                FontLock.lock.withLock { FontLock.originalExtents!(font, glyph, ink, logical) }
            }
        }
    }
}

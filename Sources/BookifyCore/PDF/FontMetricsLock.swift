import CPangoCairo
import Foundation

/// Makes Pango's font metrics safe to compute on several threads at once.
///
/// PangoCairo computes a font's approximate character width (which decides how closely the line
/// breaker examines the break points near a line's end) behind a process-wide, unlocked "already
/// inside" flag: a font whose metrics were computed while another thread was inside got no
/// width, and its paragraphs broke differently (a hyphenated line overran the measure by the
/// hyphen) depending on timing. Pango 1.50 offers no hook, so the font class's `get_metrics`
/// is wrapped once in a recursive lock (the computation lays out a sample text, which asks
/// for metrics again).
enum FontMetricsLock {
    private typealias GetMetrics = @convention(c) (UnsafeMutablePointer<PangoFont>?, OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>?

    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var original: GetMetrics?

    /// Wraps the `get_metrics` of the class of the fonts `typesetter` loads (idempotent).
    static func install(on typesetter: Typesetter) {
        lock.withLock {
            guard original == nil else { return }
            let description = pango_font_description_from_string(PDFStyle().body.description)
            defer { pango_font_description_free(description) }
            guard let font = pango_context_load_font(typesetter.context, description) else { return }
            defer { g_object_unref(UnsafeMutableRawPointer(font)) }
            let instance = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GTypeInstance.self)
            let fontClass = UnsafeMutableRawPointer(instance.pointee.g_class).assumingMemoryBound(to: PangoFontClass.self)
            original = fontClass.pointee.get_metrics
            fontClass.pointee.get_metrics = { font, language in
                FontMetricsLock.lock.withLock { FontMetricsLock.original!(font, language) }
            }
        }
    }
}

import CRsvg
import Foundation

extension PDFCanvas {
    /// Draws an SVG image (already sanitized by the asset stage) into the box as vectors, with
    /// librsvg; `false` when librsvg cannot read it. No base address is given, so nothing
    /// outside the document is loaded.
    func drawSVG(_ image: EmbeddedImage, x: Double, y: Double, width: Double, height: Double) -> Bool {
        guard let data = FileManager.default.contents(atPath: image.file.path) else { return false }
        let handle = data.withUnsafeBytes { buffer -> UnsafeMutablePointer<RsvgHandle>? in
            var error: UnsafeMutablePointer<GError>?
            let handle = rsvg_handle_new_from_data(buffer.bindMemory(to: UInt8.self).baseAddress, gsize(buffer.count), &error)
            if let error { g_error_free(error) }
            return handle
        }
        guard let handle else { return false }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        let drawn = rsvg_handle_render_document(handle, context, &viewport, &error) != 0
        if let error { g_error_free(error) }
        return drawn
    }
}

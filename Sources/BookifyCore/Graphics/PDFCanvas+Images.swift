import CPangoCairo
import CRsvg
import Foundation

/// The images Cairo cannot read itself: SVG drawn as vectors by librsvg, GIF (its first frame)
/// and WebP decoded by GdkPixbuf (WebP with Debian's webp-pixbuf-loader).
extension PDFCanvas {
    /// Whether images of `type` can be drawn here.
    static func canDraw(_ type: ImageType) -> Bool {
        switch type {
        case .png, .jpeg, .svg: return true
        case .gif, .webp: return pixbufFormats.contains(type.rawValue)
        }
    }

    /// The formats GdkPixbuf's installed loaders read ("gif", "webp", …).
    private static let pixbufFormats: Set<String> = {
        var names: Set<String> = []
        var node = gdk_pixbuf_get_formats()
        defer { g_slist_free(node) }
        while let entry = node {
            if let name = gdk_pixbuf_format_get_name(OpaquePointer(entry.pointee.data)) {
                names.insert(String(cString: name).lowercased())
                g_free(name)
            }
            node = entry.pointee.next
        }
        return names
    }()

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

    /// A Cairo image of GIF or WebP bytes (the first frame of an animation), or `nil`.
    static func pixbufSurface(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let loader = gdk_pixbuf_loader_new() else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
        var error: UnsafeMutablePointer<GError>?
        let written = bytes.withUnsafeBufferPointer { gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error) } != 0
        if let failure = error { g_error_free(failure); error = nil }
        let closed = gdk_pixbuf_loader_close(loader, &error) != 0
        if let error { g_error_free(error) }
        guard written, closed, let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else { return nil }
        let (width, height) = (gdk_pixbuf_get_width(pixbuf), gdk_pixbuf_get_height(pixbuf))
        let (channels, rowstride) = (Int(gdk_pixbuf_get_n_channels(pixbuf)), Int(gdk_pixbuf_get_rowstride(pixbuf)))
        let alpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        guard channels >= 3, let pixels = gdk_pixbuf_read_pixels(pixbuf),
              let surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height) else { return nil }
        cairo_surface_flush(surface)
        guard let target = cairo_image_surface_get_data(surface) else { cairo_surface_destroy(surface); return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        // Cairo keeps native-endian 32-bit pixels with premultiplied alpha.
        for row in 0..<Int(height) {
            let source = pixels + row * rowstride
            let line = UnsafeMutableRawPointer(target + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<Int(width) {
                let pixel = source + column * channels
                let a = alpha ? UInt32(pixel[3]) : 255
                let premultiplied = { (value: UInt8) in (UInt32(value) * a + 127) / 255 }
                line[column] = a << 24 | premultiplied(pixel[0]) << 16 | premultiplied(pixel[1]) << 8 | premultiplied(pixel[2])
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}

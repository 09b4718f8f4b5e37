import CPangoCairo  // GLib's and Cairo's types
import Foundation

/// librsvg and GdkPixbuf, opened (`SharedLibrary`) the first time an image needs them (an SVG to
/// draw, a GIF or WebP to decode, an image converted for a device) instead of when bookify
/// starts. Linked in, they and the libraries only they bring (libjpeg, cairo-gobject; librsvg is
/// a large Rust library) cost every run about 4 ms of loading and relocating, and most books use
/// neither. Only the functions bookify calls are looked up, by the
/// names and signatures of their C headers (librsvg 2.52, gdk-pixbuf 2.42, both stable ABIs);
/// `nil` when the library is not installed, and the image then stands as a placeholder, as one
/// that cannot be read.
enum ImageLibraries {
    /// A C function's `GError **` argument.
    typealias ErrorOut = UnsafeMutablePointer<UnsafeMutablePointer<GError>?>?

    /// The librsvg functions bookify calls (handles and Cairo contexts as opaque pointers).
    struct SVG {
        /// `rsvg_handle_new_from_data`: a handle for SVG bytes, or NULL.
        let handleFromData: @convention(c) (UnsafePointer<UInt8>?, gsize, ErrorOut) -> OpaquePointer?
        /// `rsvg_handle_render_document`: draws the whole document into a viewport
        /// (`RsvgRectangle`: x, y, width, height as doubles) of a Cairo context.
        let renderDocument: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafePointer<Double>?, ErrorOut) -> gboolean

        /// Draws SVG `bytes` into the box of `context`; false when librsvg cannot read or draw
        /// them. No base address is given, so nothing outside the document is loaded.
        func draw(_ bytes: [UInt8], in context: OpaquePointer, x: Double, y: Double, width: Double, height: Double) -> Bool {
            var error: UnsafeMutablePointer<GError>?
            let handle = bytes.withUnsafeBufferPointer { handleFromData($0.baseAddress, gsize($0.count), &error) }
            if let failure = error { graphics.g_error_free(failure); error = nil }
            guard let handle else { return false }
            defer { graphics.g_object_unref(UnsafeMutableRawPointer(handle)) }
            let viewport = [x, y, width, height]
            let drawn = viewport.withUnsafeBufferPointer { renderDocument(handle, context, $0.baseAddress, &error) } != 0
            if let error { graphics.g_error_free(error) }
            return drawn
        }
    }

    /// The GdkPixbuf functions bookify calls (pixbufs, loaders and animations as opaque pointers).
    struct Pixbuf {
        let loaderNew: @convention(c) () -> OpaquePointer?
        let loaderWrite: @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, gsize, ErrorOut) -> gboolean
        let loaderClose: @convention(c) (OpaquePointer?, ErrorOut) -> gboolean
        let loaderPixbuf: @convention(c) (OpaquePointer?) -> OpaquePointer?
        let loaderAnimation: @convention(c) (OpaquePointer?) -> OpaquePointer?
        let animationIsStatic: @convention(c) (OpaquePointer?) -> gboolean
        /// `gdk_pixbuf_new(colorspace, has_alpha, bits_per_sample, width, height)`.
        let new: @convention(c) (Int32, gboolean, Int32, Int32, Int32) -> OpaquePointer?
        /// `gdk_pixbuf_scale_simple(source, width, height, interpolation)`.
        let scaleSimple: @convention(c) (OpaquePointer?, Int32, Int32, Int32) -> OpaquePointer?
        let width: @convention(c) (OpaquePointer?) -> Int32
        let height: @convention(c) (OpaquePointer?) -> Int32
        let channels: @convention(c) (OpaquePointer?) -> Int32
        let rowstride: @convention(c) (OpaquePointer?) -> Int32
        let hasAlpha: @convention(c) (OpaquePointer?) -> gboolean
        let pixels: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>?
        let readPixels: @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
        /// `gdk_pixbuf_save_to_bufferv(pixbuf, &buffer, &size, type, keys, values, &error)`.
        let saveToBuffer: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<gchar>?>?, UnsafeMutablePointer<gsize>?,
                                          UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                          UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, ErrorOut) -> gboolean
        /// `gdk_pixbuf_get_formats`: a GSList of `GdkPixbufFormat *` the caller frees (not its data).
        let formats: @convention(c) () -> UnsafeMutablePointer<GSList>?
        let formatName: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<gchar>?

        /// `GDK_COLORSPACE_RGB` and `GDK_INTERP_BILINEAR`, as gdk-pixbuf's headers number them.
        static let rgb: Int32 = 0
        static let bilinear: Int32 = 2
    }

    /// librsvg, opened on first use (a `static let`: once, whichever thread asks first).
    static let svg: SVG? = {
        guard let look = SharedLibrary(soname: "librsvg-2.so.2") else { return nil }
        return try? SVG(handleFromData: look("rsvg_handle_new_from_data"), renderDocument: look("rsvg_handle_render_document"))
    }()

    /// GdkPixbuf, opened on first use.
    static let pixbuf: Pixbuf? = {
        guard let look = SharedLibrary(soname: "libgdk_pixbuf-2.0.so.0") else { return nil }
        return try? Pixbuf(loaderNew: look("gdk_pixbuf_loader_new"), loaderWrite: look("gdk_pixbuf_loader_write"),
                           loaderClose: look("gdk_pixbuf_loader_close"), loaderPixbuf: look("gdk_pixbuf_loader_get_pixbuf"),
                           loaderAnimation: look("gdk_pixbuf_loader_get_animation"),
                           animationIsStatic: look("gdk_pixbuf_animation_is_static_image"), new: look("gdk_pixbuf_new"),
                           scaleSimple: look("gdk_pixbuf_scale_simple"), width: look("gdk_pixbuf_get_width"),
                           height: look("gdk_pixbuf_get_height"), channels: look("gdk_pixbuf_get_n_channels"),
                           rowstride: look("gdk_pixbuf_get_rowstride"), hasAlpha: look("gdk_pixbuf_get_has_alpha"),
                           pixels: look("gdk_pixbuf_get_pixels"), readPixels: look("gdk_pixbuf_read_pixels"),
                           saveToBuffer: look("gdk_pixbuf_save_to_bufferv"), formats: look("gdk_pixbuf_get_formats"),
                           formatName: look("gdk_pixbuf_format_get_name"))
    }()
}

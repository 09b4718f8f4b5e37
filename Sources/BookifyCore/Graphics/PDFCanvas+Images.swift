import CPangoCairo
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

    /// The formats GdkPixbuf's installed loaders read ("gif", "webp", …); none without GdkPixbuf.
    private static let pixbufFormats: Set<String> = {
        guard let library = ImageLibraries.pixbuf else { return [] }
        var names: Set<String> = []
        var node = library.formats()
        defer { graphics.g_slist_free(node) }
        while let entry = node {
            if let name = library.formatName(OpaquePointer(entry.pointee.data)) {
                names.insert(String(cString: name).lowercased())
                graphics.g_free(name)
            }
            node = entry.pointee.next
        }
        return names
    }()

    /// Draws an SVG image (already sanitized by the asset stage) into the box as vectors, with
    /// librsvg; `false` when librsvg cannot read it (or is not installed).
    func drawSVG(_ image: EmbeddedImage, x: Double, y: Double, width: Double, height: Double) -> Bool {
        guard let svg = ImageLibraries.svg, let data = FileManager.default.contents(atPath: image.file.path) else { return false }
        return svg.draw(Array(data), in: context, x: x, y: y, width: width, height: height)
    }

    /// A Cairo image of GIF or WebP bytes (the first frame of an animation), or `nil`.
    static func pixbufSurface(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let library = ImageLibraries.pixbuf, let loader = ImageConverter.load(bytes, with: library) else { return nil }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(loader)) }
        guard let pixbuf = library.loaderPixbuf(loader) else { return nil }
        let (width, height) = (library.width(pixbuf), library.height(pixbuf))
        let (channels, rowstride) = (Int(library.channels(pixbuf)), Int(library.rowstride(pixbuf)))
        let alpha = library.hasAlpha(pixbuf) != 0
        guard channels >= 3, let pixels = library.readPixels(pixbuf),
              let surface = graphics.cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height) else { return nil }
        graphics.cairo_surface_flush(surface)
        guard let target = graphics.cairo_image_surface_get_data(surface) else { graphics.cairo_surface_destroy(surface); return nil }
        let stride = Int(graphics.cairo_image_surface_get_stride(surface))
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
        graphics.cairo_surface_mark_dirty(surface)
        return surface
    }
}

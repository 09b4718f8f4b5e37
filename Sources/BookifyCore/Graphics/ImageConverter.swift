import CPangoCairo
import Foundation

/// Re-encodes an image for a device: raster formats decoded with GdkPixbuf (GIF to its first
/// frame, WebP through Debian's loader), SVG drawn with librsvg; scaled to fit, made gray when
/// asked, and written as PNG (line art, transparency) or JPEG (a JPEG stays one).
enum ImageConverter {
    struct Converted: Sendable {
        var bytes: [UInt8]
        var type: ImageType
        var width: Int
        var height: Int
    }

    /// `bytes` as `profile` needs them, or nil when they need nothing (or cannot be decoded:
    /// the image is then kept as it is).
    static func convert(_ bytes: [UInt8], type: ImageType, width: Int, height: Int, for profile: DeviceProfile) -> Converted? {
        let limit = profile.maximumSize
        let tooLarge = limit.map { width > $0.width || height > $0.height } ?? false
        let animated = type == .gif && profile.stillGIFs && isAnimated(bytes)
        guard tooLarge || animated || profile.grayscale || !profile.formats.contains(type) else { return nil }
        let scale = limit.map { min(1, Double($0.width) / Double(max(width, 1)), Double($0.height) / Double(max(height, 1))) } ?? 1
        let target = (width: max(1, Int((Double(width) * scale).rounded())), height: max(1, Int((Double(height) * scale).rounded())))
        guard let library = ImageLibraries.pixbuf,
              let pixbuf = type == .svg ? drawSVG(bytes, size: target, into: library) : decode(bytes, size: target, with: library) else { return nil }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        if profile.grayscale { makeGray(pixbuf, with: library) }
        // Photographs stay lossy (a JPEG, an opaque WebP); line art and transparency take PNG.
        let photographic = type == .jpeg || (type == .webp && library.hasAlpha(pixbuf) == 0)
        let output: ImageType = photographic && profile.formats.contains(.jpeg) ? .jpeg : .png
        guard let encoded = encode(pixbuf, as: output, with: library) else { return nil }
        return Converted(bytes: encoded, type: output, width: Int(library.width(pixbuf)), height: Int(library.height(pixbuf)))
    }

    /// A GIF with more than one frame.
    static func isAnimated(_ bytes: [UInt8]) -> Bool {
        guard let library = ImageLibraries.pixbuf, let loader = load(bytes, with: library) else { return false }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(loader)) }
        guard let animation = library.loaderAnimation(loader) else { return false }
        return library.animationIsStatic(animation) == 0
    }

    /// A GdkPixbuf loader that has read `bytes` (a reference the caller owns), or nil when they
    /// are not an image it reads.
    static func load(_ bytes: [UInt8], with library: ImageLibraries.Pixbuf) -> OpaquePointer? {
        guard let loader = library.loaderNew() else { return nil }
        var error: UnsafeMutablePointer<GError>?
        let written = bytes.withUnsafeBufferPointer { library.loaderWrite(loader, $0.baseAddress, gsize($0.count), &error) } != 0
        if let failure = error { graphics.g_error_free(failure); error = nil }
        let closed = library.loaderClose(loader, &error) != 0
        if let error { graphics.g_error_free(error) }
        guard written, closed else { graphics.g_object_unref(UnsafeMutableRawPointer(loader)); return nil }
        return loader
    }

    /// The first frame, scaled to `size` (a reference the caller owns).
    private static func decode(_ bytes: [UInt8], size: (width: Int, height: Int), with library: ImageLibraries.Pixbuf) -> OpaquePointer? {
        guard let loader = load(bytes, with: library) else { return nil }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(loader)) }
        guard let frame = library.loaderPixbuf(loader) else { return nil }
        return library.scaleSimple(frame, Int32(size.width), Int32(size.height), ImageLibraries.Pixbuf.bilinear)
    }

    /// The SVG drawn at `size` on a transparent ground (a reference the caller owns).
    private static func drawSVG(_ bytes: [UInt8], size: (width: Int, height: Int), into library: ImageLibraries.Pixbuf) -> OpaquePointer? {
        guard let svg = ImageLibraries.svg,
              let surface = graphics.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.width), Int32(size.height)) else { return nil }
        defer { graphics.cairo_surface_destroy(surface) }
        guard let context = graphics.cairo_create(surface) else { return nil }
        let drawn = svg.draw(bytes, in: context, x: 0, y: 0, width: Double(size.width), height: Double(size.height))
        graphics.cairo_destroy(context)
        graphics.cairo_surface_flush(surface)
        guard drawn else { return nil }
        return pixbuf(of: surface, size: size, with: library)
    }

    /// Cairo's premultiplied native-endian ARGB pixels as a GdkPixbuf's straight RGBA bytes.
    private static func pixbuf(of surface: OpaquePointer, size: (width: Int, height: Int), with library: ImageLibraries.Pixbuf) -> OpaquePointer? {
        guard let pixbuf = library.new(ImageLibraries.Pixbuf.rgb, 1, 8, Int32(size.width), Int32(size.height)),
              let target = library.pixels(pixbuf), let source = graphics.cairo_image_surface_get_data(surface) else { return nil }
        let (sourceStride, targetStride) = (Int(graphics.cairo_image_surface_get_stride(surface)), Int(library.rowstride(pixbuf)))
        for row in 0..<size.height {
            let words = UnsafeRawPointer(source + row * sourceStride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<size.width {
                let argb = words[column]
                let alpha = Int(argb >> 24)
                let unpremultiply = { (shift: UInt32) -> UInt8 in
                    alpha == 0 ? 0 : UInt8(min(255, (Int((argb >> shift) & 0xFF) * 255 + alpha / 2) / alpha))
                }
                let pixel = target + row * targetStride + column * 4
                (pixel[0], pixel[1], pixel[2], pixel[3]) = (unpremultiply(16), unpremultiply(8), unpremultiply(0), UInt8(alpha))
            }
        }
        return pixbuf
    }

    /// Each pixel's colour replaced by its luma (ITU-R BT.601), in place.
    private static func makeGray(_ pixbuf: OpaquePointer, with library: ImageLibraries.Pixbuf) {
        let (width, height) = (Int(library.width(pixbuf)), Int(library.height(pixbuf)))
        let (stride, channels) = (Int(library.rowstride(pixbuf)), Int(library.channels(pixbuf)))
        guard channels >= 3, let pixels = library.pixels(pixbuf) else { return }
        for row in 0..<height {
            for column in 0..<width {
                let pixel = pixels + row * stride + column * channels
                let weighted: Int = 299 * Int(pixel[0]) + 587 * Int(pixel[1]) + 114 * Int(pixel[2])
                let luma = UInt8((weighted + 500) / 1000)
                (pixel[0], pixel[1], pixel[2]) = (luma, luma, luma)
            }
        }
    }

    private static func encode(_ pixbuf: OpaquePointer, as type: ImageType, with library: ImageLibraries.Pixbuf) -> [UInt8]? {
        var buffer: UnsafeMutablePointer<gchar>?
        var size: gsize = 0
        var error: UnsafeMutablePointer<GError>?
        let (keys, values) = type == .jpeg ? (["quality"], ["85"]) : (["compression"], ["6"])
        let saved = withCStrings(keys) { keyPointers in
            withCStrings(values) { valuePointers in
                library.saveToBuffer(pixbuf, &buffer, &size, type == .jpeg ? "jpeg" : "png", keyPointers, valuePointers, &error)
            }
        }
        if let error { graphics.g_error_free(error) }
        guard saved != 0, let buffer else { return nil }
        defer { graphics.g_free(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(size)) { Array(UnsafeBufferPointer(start: $0, count: Int(size))) }
    }

    /// A NULL-terminated C array of `strings`, alive while `body` runs.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

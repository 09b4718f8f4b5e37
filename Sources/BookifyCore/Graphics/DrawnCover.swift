import CPangoCairo
import Crypto
import Foundation

/// The cover bookify draws when the user gives none, so that a library never shows a blank
/// thumbnail: the title, the subtitle or authors and the blog's address, typeset with Pango
/// on a colour taken from a hash of the title (each blog its own), dark enough that the
/// white type reads as well in grayscale. A PNG of 1600 × 2560 pixels (Kindle's and Kobo's
/// recommended 1:1.6). The same book gives the same bytes.
struct DrawnCover: Sendable {
    static let width = 1600
    static let height = 2560

    var title: String
    /// The line under the title: the subtitle, else the authors.
    var byline: String?
    /// The blog's address, without its scheme.
    var address: String?

    init(metadata: BookMetadata) {
        title = metadata.title
        byline = metadata.subtitle ?? (metadata.authors.isEmpty ? nil : metadata.authors.count == 1 ? metadata.authors[0]
            : metadata.authors.dropLast().joined(separator: ", ") + " & " + metadata.authors.last!)
        address = metadata.source.flatMap(URL.init(string:)).map { url in
            (url.host ?? url.absoluteString) + (url.path == "/" ? "" : url.path)
        }
    }

    /// Changed whenever the drawing below changes what it draws (see `fingerprint`).
    private static let revision = 1

    /// What the cover's pixels depend on, as a SHA-256 in hex: the text, the size and drawing's
    /// revision, bookify's version, and the versions of Pango and Cairo it was built against:
    /// not those loaded, since a build that takes its cover from here should not have to open
    /// them. (Nor the fonts fontconfig finds: a cover kept from before a font was replaced, or
    /// Pango upgraded, on the system keeps its old drawing until bookify changes.)
    var fingerprint: String {
        let parts = ["\(Self.revision)", "\(Self.width)x\(Self.height)", title, byline ?? "", address ?? "", BookifyVersion.current]
            + GraphicsLibraries.builtAgainst
        return Hex.string(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
    }

    /// The cover as a PNG image, `scale` times its full size (a catalog's thumbnail is smaller);
    /// nil only when memory runs out.
    func png(scale: Double = 1) -> ImageAsset? {
        let (width, height) = (Int((Double(Self.width) * scale).rounded()), Int((Double(Self.height) * scale).rounded()))
        guard let surface = graphics.cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        defer { graphics.cairo_surface_destroy(surface) }
        guard let context = graphics.cairo_create(surface) else { return nil }
        defer { graphics.cairo_destroy(context) }
        if scale != 1 { graphics.cairo_scale(context, scale, scale) }
        draw(in: context)
        graphics.cairo_surface_flush(surface)
        guard let pixels = graphics.cairo_image_surface_get_data(surface) else { return nil }
        let bytes = PNGEncoder.encode(xrgb: UnsafeRawPointer(pixels), stride: Int(graphics.cairo_image_surface_get_stride(surface)),
                                      width: width, height: height)
        return bytes.map { ImageAsset(bytes: $0, type: .png) }
    }

    /// The blog's colour: a hue from the title's hash, at a saturation and lightness that keep
    /// white type above 7:1 contrast in colour and in gray.
    var palette: (background: RGB, band: RGB, rule: RGB) {
        let digest = Array(SHA256.hash(data: Data(title.utf8)))
        let hue = Double(Int(digest[0]) << 8 | Int(digest[1])) / 65536 * 360
        return (RGB(hue: hue, saturation: 0.42, lightness: 0.24), RGB(hue: hue, saturation: 0.36, lightness: 0.17),
                RGB(hue: (hue + 40).truncatingRemainder(dividingBy: 360), saturation: 0.65, lightness: 0.68))
    }

    private func draw(in context: OpaquePointer) {
        let (background, band, rule) = palette
        let (width, height) = (Double(Self.width), Double(Self.height))
        fill(context, background, x: 0, y: 0, width: width, height: height)
        fill(context, band, x: 0, y: height * 0.80, width: width, height: height * 0.20)
        let margin = 160.0
        var y = height * 0.16
        y += text(title, in: context, font: "DejaVu Serif Bold", sizes: [150, 132, 116, 100, 88, 76],
                  maximumLines: 6, top: y, width: width - 2 * margin, x: margin)
        fill(context, rule, x: margin, y: y + 70, width: 360, height: 14)
        if let byline {
            _ = text(byline, in: context, font: "DejaVu Sans", sizes: [64, 56, 48], maximumLines: 3,
                     top: y + 150, width: width - 2 * margin, x: margin)
        }
        if let address {
            _ = text(address, in: context, font: "DejaVu Sans Mono", sizes: [52, 44, 38], maximumLines: 2,
                     top: height * 0.80 + 150, width: width - 2 * margin, x: margin)
        }
    }

    private func fill(_ context: OpaquePointer, _ colour: RGB, x: Double, y: Double, width: Double, height: Double) {
        graphics.cairo_set_source_rgb(context, colour.red, colour.green, colour.blue)
        graphics.cairo_rectangle(context, x, y, width, height)
        graphics.cairo_fill(context)
    }

    /// Sets `string` in white at the largest of `sizes` (pixels) that fits in `maximumLines`,
    /// left-aligned; returns the height it took.
    private func text(_ string: String, in context: OpaquePointer, font: String, sizes: [Double], maximumLines: Int,
                      top: Double, width: Double, x: Double) -> Double {
        guard let layout = graphics.pango_cairo_create_layout(context) else { return 0 }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(layout)) }
        graphics.pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        graphics.pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        graphics.pango_layout_set_text(layout, string, -1)
        for (index, size) in sizes.enumerated() {
            let description = graphics.pango_font_description_from_string(font)
            graphics.pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
            graphics.pango_layout_set_font_description(layout, description)
            graphics.pango_font_description_free(description)
            graphics.pango_layout_set_line_spacing(layout, 1.1)
            if graphics.pango_layout_get_line_count(layout) <= Int32(maximumLines) || index == sizes.count - 1 { break }
        }
        if graphics.pango_layout_get_line_count(layout) > Int32(maximumLines) {
            graphics.pango_layout_set_height(layout, -Int32(maximumLines))
            graphics.pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        graphics.cairo_set_source_rgb(context, 1, 1, 1)
        graphics.cairo_move_to(context, x, top)
        graphics.pango_cairo_show_layout(context, layout)
        var logical = PangoRectangle()
        graphics.pango_layout_get_pixel_extents(layout, nil, &logical)
        return Double(logical.height)
    }
}

/// A colour with components from 0 to 1.
struct RGB: Sendable, Hashable {
    var red: Double
    var green: Double
    var blue: Double

    init(hue: Double, saturation: Double, lightness: Double) {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let sector = hue / 60
        let second = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch Int(sector) % 6 {
        case 0: (chroma, second, 0)
        case 1: (second, chroma, 0)
        case 2: (0, chroma, second)
        case 3: (0, second, chroma)
        case 4: (second, 0, chroma)
        default: (chroma, 0, second)
        }
        let offset = lightness - chroma / 2
        (red, green, blue) = (r + offset, g + offset, b + offset)
    }

    /// WCAG relative luminance.
    var luminance: Double {
        func linear(_ value: Double) -> Double { value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }
}

import CPangoCairo
import Foundation

/// A PDF file (or an SVG image) being drawn with Cairo: pages, shapes, text lines laid out by
/// Pango, formulas, images, links and destinations, the outline, page labels and metadata. The one file (with
/// `TextLayout`) that sees Cairo's and Pango's C types.
final class PDFCanvas {
    private let surface: OpaquePointer
    let context: OpaquePointer
    /// The page size in points.
    let width: Double
    let height: Double
    /// Lays out what is drawn as it is drawn (running heads, page numbers).
    let typesetter = Typesetter()

    init(path: String, width: Double, height: Double) throws(BookifyError) {
        guard let surface = graphics.cairo_pdf_surface_create(path, width, height),
              graphics.cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .outputNotCreatable(path: path, reason: "Cairo cannot create a PDF there")
        }
        self.surface = surface
        context = graphics.cairo_create(surface)!
        self.width = width
        self.height = height
        graphics.cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    }

    /// An SVG image `width` × `height` points drawn with the same calls (a formula's picture
    /// for a reader that shows no MathML); `finish` writes it.
    init(svgPath path: String, width: Double, height: Double) throws(BookifyError) {
        guard let surface = graphics.cairo_svg_surface_create(path, width, height),
              graphics.cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .outputNotCreatable(path: path, reason: "Cairo cannot create an SVG image there")
        }
        self.surface = surface
        context = graphics.cairo_create(surface)!
        self.width = width
        self.height = height
    }

    /// Whether the structure around the document's tags has begun.
    private var structureBegun = false

    /// Cairo 1.16 writes a damaged file when links have no structure around them (ARCHITECTURE §8),
    /// and also when that structure begins on a page that holds no tag (a cover): it begins
    /// with the first tag.
    private func beginStructure() {
        guard !structureBegun else { return }
        structureBegun = true
        graphics.cairo_tag_begin(context, "Document", nil)
    }

    deinit {
        graphics.cairo_destroy(context)
        graphics.cairo_surface_destroy(surface)
    }

    /// Ends the document and writes the file; an error names what Cairo reported.
    func finish(path: String) throws(BookifyError) {
        if structureBegun { graphics.cairo_tag_end(context, "Document") }
        graphics.cairo_surface_finish(surface)
        let status = graphics.cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .writeFailed(path: path, reason: String(cString: graphics.cairo_status_to_string(status)!))
        }
    }

    // MARK: Document

    enum Metadata {
        case title, author, subject, keywords, creator, createDate, modifyDate

        fileprivate var cairo: cairo_pdf_metadata_t {
            switch self {
            case .title: return CAIRO_PDF_METADATA_TITLE
            case .author: return CAIRO_PDF_METADATA_AUTHOR
            case .subject: return CAIRO_PDF_METADATA_SUBJECT
            case .keywords: return CAIRO_PDF_METADATA_KEYWORDS
            case .creator: return CAIRO_PDF_METADATA_CREATOR
            case .createDate: return CAIRO_PDF_METADATA_CREATE_DATE
            case .modifyDate: return CAIRO_PDF_METADATA_MOD_DATE
            }
        }
    }

    func setMetadata(_ key: Metadata, _ value: String) {
        graphics.cairo_pdf_surface_set_metadata(surface, key.cairo, value)
    }

    /// The label the current page shows in viewers ("iv", "12").
    func setPageLabel(_ label: String) {
        graphics.cairo_pdf_surface_set_page_label(surface, label)
    }

    /// Adds an outline entry opening `destination`; returns its id for children.
    @discardableResult
    func addOutline(_ title: String, destination: String, parent: Int32 = 0, open: Bool = false) -> Int32 {
        let attributes = "dest='\(Self.escaped(destination))'"
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return Int32(graphics.cairo_pdf_surface_add_outline(surface, parent, title, attributes, flags))
    }

    func showPage() {
        graphics.cairo_show_page(context)
        pageImages.forEach { graphics.cairo_surface_destroy($0) }
        pageImages = []
    }

    /// The images drawn on the current page.
    private var pageImages: [OpaquePointer] = []

    // MARK: Drawing

    func setColor(_ color: PDFStyle.Color) {
        graphics.cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }

    func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: PDFStyle.Color) {
        setColor(color)
        graphics.cairo_rectangle(context, x, y, width, height)
        graphics.cairo_fill(context)
    }

    func strokeRectangle(x: Double, y: Double, width: Double, height: Double, color: PDFStyle.Color, lineWidth: Double = 0.5) {
        setColor(color)
        graphics.cairo_set_line_width(context, lineWidth)
        graphics.cairo_rectangle(context, x, y, width, height)
        graphics.cairo_stroke(context)
    }

    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: PDFStyle.Color, width: Double = 0.5) {
        setColor(color)
        graphics.cairo_set_line_width(context, width)
        graphics.cairo_move_to(context, start.x, start.y)
        graphics.cairo_line_to(context, end.x, end.y)
        graphics.cairo_stroke(context)
    }

    /// Runs `draw` with the drawing turned a quarter counter-clockwise about (x, y): what it
    /// draws at (u, v) lands at (x + v, y - u).
    func turnedQuarter(at x: Double, y: Double, _ draw: () -> Void) {
        graphics.cairo_save(context)
        graphics.cairo_translate(context, x, y)
        graphics.cairo_rotate(context, -Double.pi / 2)
        draw()
        graphics.cairo_restore(context)
    }

    /// Draws an embedded PNG, JPEG, GIF or WebP into the box; `false` when Cairo cannot read it.
    func drawImage(_ image: EmbeddedImage, x: Double, y: Double, width: Double, height: Double) -> Bool {
        guard let data = FileManager.default.contents(atPath: image.file.path) else { return false }
        return drawImage(bytes: Array(data), type: image.type, pixelWidth: image.width, pixelHeight: image.height,
                         x: x, y: y, width: width, height: height)
    }

    /// Draws PNG, JPEG, GIF or WebP bytes into the box; `false` when Cairo cannot read them.
    func drawImage(bytes: [UInt8], type: ImageType, pixelWidth: Int, pixelHeight: Int,
                   x: Double, y: Double, width: Double, height: Double) -> Bool {
        guard let source = Self.imageSurface(bytes, type: type, width: pixelWidth, height: pixelHeight) else { return false }
        // Cairo writes a page's images when the page ends: the source must live until then.
        pageImages.append(source)
        graphics.cairo_save(context)
        graphics.cairo_translate(context, x, y)
        graphics.cairo_scale(context, width / Double(pixelWidth), height / Double(pixelHeight))
        graphics.cairo_set_source_surface(context, source, 0, 0)
        graphics.cairo_paint(context)
        graphics.cairo_restore(context)
        return true
    }

    /// PNG is decoded by Cairo; a JPEG goes into the PDF as it is (Cairo embeds the JPEG stream
    /// of an image surface that carries it as MIME data).
    private static func imageSurface(_ bytes: [UInt8], type: ImageType, width: Int, height: Int) -> OpaquePointer? {
        switch type {
        case .png:
            let reader = PNGReader(bytes: bytes)
            let surface = withExtendedLifetime(reader) {
                graphics.cairo_image_surface_create_from_png_stream({ closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    return Unmanaged<PNGReader>.fromOpaque(closure).takeUnretainedValue().read(into: data, count: Int(length))
                }, Unmanaged.passUnretained(reader).toOpaque())
            }
            guard let surface, graphics.cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                if let surface { graphics.cairo_surface_destroy(surface) }
                return nil
            }
            return surface
        case .jpeg:
            guard let surface = graphics.cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            let status = graphics.cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy, UInt(bytes.count),
                                                     { $0?.assumingMemoryBound(to: UInt8.self).deallocate() }, copy)
            guard status == CAIRO_STATUS_SUCCESS else { graphics.cairo_surface_destroy(surface); return nil }
            return surface
        case .gif, .webp:
            return pixbufSurface(bytes)
        case .svg:
            return nil
        }
    }

    /// Hands PNG bytes to Cairo's stream reader.
    private final class PNGReader {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> cairo_status_t {
            guard offset + count <= bytes.count else { return CAIRO_STATUS_READ_ERROR }
            bytes.withUnsafeBufferPointer { source in
                buffer.update(from: source.baseAddress! + offset, count: count)
            }
            offset += count
            return CAIRO_STATUS_SUCCESS
        }
    }

    /// Paints a colour glyph taken out of a line (see `ColorGlyphs`) with its origin at `x` on
    /// the `baseline`.
    func paint(_ glyph: ColorGlyphs.Placed, x: Double, baseline: Double) {
        guard let picture = ColorGlyphs.picture(of: glyph), picture.png.count > 24 else { return }
        // The PNG's size is in its header (IHDR): width and height as big-endian 32-bit numbers.
        let number = { (offset: Int) in picture.png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        _ = drawImage(bytes: picture.png, type: .png, pixelWidth: number(16), pixelHeight: number(20),
                      x: x + picture.left, y: baseline + picture.top, width: picture.width, height: picture.height)
    }

    // MARK: Links

    /// Marks `name` as a destination at the point (x, y) of the current page.
    func addDestination(_ name: String, x: Double, y: Double) {
        beginStructure()
        let attributes = "name='\(Self.escaped(name))' x=\(Self.number(x)) y=\(Self.number(y))"
        graphics.cairo_tag_begin(context, CAIRO_TAG_DEST, attributes)
        graphics.cairo_tag_end(context, CAIRO_TAG_DEST)
    }

    /// Makes the rectangle a link to `target`: a destination of the book or a web address.
    func addLink(_ target: PDFLinkTarget, x: Double, y: Double, width: Double, height: Double) {
        let rect = "rect=[\(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height))]"
        let attributes: String
        switch target {
        case .destination(let name): attributes = "\(rect) dest='\(Self.escaped(name))'"
        case .uri(let uri): attributes = "\(rect) uri='\(Self.escaped(Self.asciiURI(uri)))'"
        }
        beginStructure()
        graphics.cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
        graphics.cairo_tag_end(context, CAIRO_TAG_LINK)
    }

    /// The address with parentheses, backslashes, spaces and non-ASCII bytes percent-encoded:
    /// Cairo 1.16 writes a URI into a PDF string as it is, and an unbalanced `(` in it
    /// (`…/$(go)`) breaks the file.
    static func asciiURI(_ uri: String) -> String {
        var result = ""
        for byte in uri.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "("), byte != UInt8(ascii: ")"), byte != UInt8(ascii: "\\") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// Cairo's attribute strings quote with `'` and escape it and `\` with a backslash.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}

/// Where a link in the PDF leads.
enum PDFLinkTarget: Hashable {
    case destination(String)
    case uri(String)
}

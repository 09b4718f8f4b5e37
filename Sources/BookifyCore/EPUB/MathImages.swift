import Crypto
import Foundation

/// The formulas of a book drawn as images, for a device that shows no MathML (Kindle): each
/// distinct formula drawn by the PDF's math layout as SVG (`MathPicture`), or as a PNG at
/// three times its size for a device that shows no SVG either. The page shows it as `img`s
/// sized in ems, so it grows with the reader's type, its TeX the description; a long inline
/// formula is several images a line may break between, where the PDF breaks it.
struct MathImages: Sendable {
    /// A formula's file and its size in ems of the text.
    struct Image: Sendable {
        var path: String
        var bytes: [UInt8]
        var format: ImageType
        var width: Double
        var ascent: Double
        var descent: Double
    }

    private let images: [MathFormula: [Image]]

    /// No images: every formula stays MathML.
    init() { images = [:] }

    /// The images of every formula in `documents`, drawn on every core in the math face that
    /// goes with `textFamily`, as `format` within what `device` takes.
    init(_ documents: [PostDocument], textFamily: String = PDFStyle.Font.bookFamily, format: ImageType, device: DeviceProfile) {
        var formulas: [MathFormula] = []
        var seen = Set<MathFormula>()
        for document in documents {
            document.body.forEachNode { node in
                if case .math(let formula) = node, seen.insert(formula).inserted { formulas.append(formula) }
            }
        }
        let drawn = Typesetter.layOutConcurrently(formulas) { formula, typesetter -> [Image]? in
            guard let pictures = MathPicture.pieces(of: formula, textFamily: textFamily, typesetter: typesetter) else { return nil }
            let images = pictures.enumerated().compactMap { Self.image(of: formula, piece: $0, $1, format: format, device: device) }
            return images.count == pictures.count ? images : nil
        }
        images = Dictionary(zip(formulas, drawn).compactMap { formula, image in image.map { (formula, $0) } },
                            uniquingKeysWith: { first, _ in first })
    }

    private static func image(of formula: MathFormula, piece: Int, _ picture: MathPicture, format: ImageType,
                              device: DeviceProfile) -> Image? {
        var bytes = picture.svg
        if format == .png {
            // Three device pixels a CSS pixel, sixteen CSS pixels an em: sharp on a 300 ppi screen.
            let pixelsPerEm = 48.0
            guard let png = ImageConverter.convert(picture.svg, type: .svg, width: Int((picture.width * pixelsPerEm).rounded(.up)),
                                                   height: Int(((picture.ascent + picture.descent) * pixelsPerEm).rounded(.up)),
                                                   for: device) else { return nil }
            bytes = png.bytes
        }
        let key = String(reflecting: formula.root) + (formula.display ? " display" : "") + " \(piece)"
        let digest = Hex.string(SHA256.hash(data: Data(key.utf8)).prefix(8))
        return Image(path: "images/math-\(digest).\(format.fileExtension)", bytes: bytes, format: format, width: picture.width,
                     ascent: picture.ascent, descent: picture.descent)
    }

    /// The images of `formula`'s pieces, if it is drawn.
    subscript(_ formula: MathFormula) -> [Image]? { images[formula] }

    /// The files, one per distinct image, in a fixed order.
    var resources: [EPUBResource] {
        let unique = Dictionary(images.values.joined().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return unique.keys.sorted().enumerated().map { index, path in
            let image = unique[path]!
            return EPUBResource(id: "math-\(index + 1)", href: path, mediaType: image.format.mediaType, contents: .bytes(image.bytes))
        }
    }

    /// The `img`s that show `images` in place of `formula`, a space between pieces: on the
    /// text's baseline at the text's size, or centred on a line of its own for display math
    /// (no wider than the screen); the TeX is the description.
    static func element(for formula: MathFormula, _ images: [Image], sourcePrefix: String, to output: inout XHTMLOutput) {
        let number = { (value: Double) in String(format: "%.3f", value) }
        let description = formula.source.isEmpty ? formula.root.textContent : formula.source
        if formula.display { output += "<span class=\"math-display\" style=\"display: block; text-align: center; margin: 0.5em 0\">" }
        for (index, image) in images.enumerated() {
            if index > 0 { output += " " }
            output += "<img class=\"math\" src=\""
            output.escaped(sourcePrefix + image.path, quotes: true)
            output += "\" alt=\""
            // The whole formula's TeX once, on its first piece; the others are part of it.
            output.escaped(index == 0 ? description : "", quotes: true)
            output += "\" style=\""
            output.append(formula.display ? "width: \(number(image.width))em; max-width: 100%"
                                          : "height: \(number(image.ascent + image.descent))em; width: \(number(image.width))em; "
                                            + "vertical-align: -\(number(image.descent))em")
            output += "\"/>"
        }
        if formula.display { output += "</span>" }
    }
}

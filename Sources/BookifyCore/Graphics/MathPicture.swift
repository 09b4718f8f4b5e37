import Foundation

/// A formula drawn as an SVG image by the PDF's own math layout, for a reader that shows no
/// MathML (Kindle): vector outlines of the math font's glyphs, sized in ems of the text so
/// that the page can set it at the reader's own type size.
struct MathPicture: Sendable {
    /// The SVG document.
    var svg: [UInt8]
    /// The picture's width, height above the baseline and depth below it, in ems of the text.
    var width: Double
    var ascent: Double
    var descent: Double

    /// The size the formula is laid out at: the picture's points are ems × this.
    static let size = 10.0
    /// Room around the glyphs (antialiasing, accents that reach past their box), in ems.
    static let margin = 0.05

    /// The pictures of `formula` with the math face that goes with `textFamily`: one for each
    /// piece a line may break between (`MathLayout.pieces(of:)`), as the PDF breaks it; nil
    /// when no math font is installed or Cairo cannot draw.
    static func pieces(of formula: MathFormula, textFamily: String, typesetter: Typesetter) -> [MathPicture]? {
        guard let font = MathFont.companion(of: textFamily, typesetter: typesetter) else { return nil }
        let layout = MathLayout(font: font, size: size, textFamily: textFamily, typesetter: typesetter)
        let pictures = layout.pieces(of: formula).compactMap { draw($0, mathFamily: font.family, textFamily: textFamily) }
        return pictures.isEmpty ? nil : pictures
    }

    private static func draw(_ box: MathBox, mathFamily: String, textFamily: String) -> MathPicture? {
        let pad = margin * size
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-math-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let canvas = try PDFCanvas(svgPath: file.path, width: box.width + 2 * pad, height: box.height + 2 * pad)
            canvas.drawMath(box, x: pad, baseline: pad + box.ascent, mathFamily: mathFamily, textFamily: textFamily)
            try canvas.finish(path: file.path)
        } catch {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return MathPicture(svg: Array(data), width: box.width / size + 2 * margin, ascent: box.ascent / size + margin,
                           descent: box.descent / size + margin)
    }
}

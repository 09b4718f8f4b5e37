/// Something a slice shows, placed relative to the slice's top-left corner: `x` from the text
/// block's left edge, `y` down from the slice's top. The typesetter (`BlockSlicer` and its
/// helpers) makes these values; `PageDrawer` only paints them, so what a page holds can be
/// inspected and tested without drawing.
enum LayoutBox {
    /// Line `index` of a laid-out text, the text block's top-left corner at (x, y): the line's
    /// own top is at `y + text.lines[index].top`.
    case textLine(TextLayout, index: Int, x: Double, y: Double)
    /// A straight line.
    case rule(from: LayoutPoint, to: LayoutPoint, color: PDFStyle.Color, width: Double)
    /// A filled rectangle (a code block's or a header row's background).
    case fill(LayoutRect, color: PDFStyle.Color)
    /// A rectangle's outline (a placeholder's frame).
    case frame(LayoutRect, color: PDFStyle.Color)
    /// An embedded image scaled into the rectangle; a frame stands in for one that cannot be read.
    case image(EmbeddedImage, LayoutRect)
    /// A clickable area.
    case link(PDFLinkTarget, LayoutRect)
    /// A contents entry's leader dots between `from` and `to`, on a grid of `dotWidth` counted
    /// from the page's left edge (so the dots of all entries line up whatever their page side),
    /// their baseline at `baseline`.
    case leaders(from: Double, to: Double, baseline: Double, font: PDFStyle.Font, dotWidth: Double)
    /// Boxes laid out across a landscape frame `length` wide, given a quarter turn
    /// counter-clockwise (a table too wide for the page): the frame's top-left corner lands at
    /// (x, y + length) and its top edge runs up the page from there, so that a point (u, v) of
    /// the frame is at (x + v, y + length - u).
    case turned([LayoutBox], length: Double, x: Double, y: Double)

    /// The box moved by (dx, dy).
    func offset(dx: Double, dy: Double) -> LayoutBox {
        switch self {
        case .textLine(let text, let index, let x, let y): .textLine(text, index: index, x: x + dx, y: y + dy)
        case .rule(let from, let to, let color, let width):
            .rule(from: from.offset(dx: dx, dy: dy), to: to.offset(dx: dx, dy: dy), color: color, width: width)
        case .fill(let rect, let color): .fill(rect.offset(dx: dx, dy: dy), color: color)
        case .frame(let rect, let color): .frame(rect.offset(dx: dx, dy: dy), color: color)
        case .image(let image, let rect): .image(image, rect.offset(dx: dx, dy: dy))
        case .link(let target, let rect): .link(target, rect.offset(dx: dx, dy: dy))
        case .leaders(let from, let to, let baseline, let font, let dotWidth):
            .leaders(from: from + dx, to: to + dx, baseline: baseline + dy, font: font, dotWidth: dotWidth)
        case .turned(let boxes, let length, let x, let y): .turned(boxes, length: length, x: x + dx, y: y + dy)
        }
    }
}

/// A point in a slice, in PDF points.
struct LayoutPoint: Equatable {
    var x: Double
    var y: Double

    func offset(dx: Double, dy: Double) -> LayoutPoint { LayoutPoint(x: x + dx, y: y + dy) }
}

/// A rectangle in a slice, in PDF points, from its top-left corner.
struct LayoutRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    func offset(dx: Double, dy: Double) -> LayoutRect { LayoutRect(x: x + dx, y: y + dy, width: width, height: height) }

    /// The rectangle of a frame `length` wide turned as `LayoutBox.turned` turns it, in the
    /// coordinates the turned frame is placed in (its corner at the origin).
    func turned(length: Double) -> LayoutRect { LayoutRect(x: y, y: length - x - width, width: height, height: width) }
}

/// A typeset formula or part of one: glyphs and rules placed around an origin on the
/// baseline at the box's left edge, `x` to the right and `y` down (as on a page), in points.
/// `MathLayout` makes boxes as values; `MathPainter` only paints them (in a PDF page, or in
/// the SVG image a Kindle book shows instead of MathML).
struct MathBox: Sendable, Equatable {
    var width: Double = 0
    /// How far the box reaches above the baseline.
    var ascent: Double = 0
    /// How far it reaches below.
    var descent: Double = 0
    /// What a superscript after a sloping last letter moves right by.
    var italicCorrection: Double = 0
    /// Where an accent over the box centres, from its left edge (nil: the middle).
    var topAccent: Double?
    private(set) var items: [MathItem] = []

    var height: Double { ascent + descent }

    /// A box holding one item.
    init(width: Double, ascent: Double, descent: Double, items: [MathItem] = []) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.items = items
    }

    init() {}

    /// Places `box` with its origin at (x, y) of this box (y down), growing the ascent and
    /// descent to hold it; the width is the caller's to set.
    mutating func place(_ box: MathBox, x: Double, y: Double) {
        ascent = max(ascent, box.ascent - y)
        descent = max(descent, box.descent + y)
        items += box.items.map { $0.offset(dx: x, dy: y) }
    }

    /// Adds a rule (a fraction bar, a radical's overbar) from its top-left corner.
    mutating func addRule(x: Double, y: Double, width: Double, height: Double) {
        items.append(.rule(x: x, y: y, width: width, height: height))
        ascent = max(ascent, -y)
        descent = max(descent, y + height)
    }

    /// The box moved up by `shift` (down when negative).
    func raised(by shift: Double) -> MathBox {
        var moved = MathBox(width: width, ascent: ascent + shift, descent: descent - shift)
        moved.items = items.map { $0.offset(dx: 0, dy: -shift) }
        moved.italicCorrection = italicCorrection
        moved.topAccent = topAccent
        return moved
    }

    /// Every glyph of the box, for tests and for checking a formula used the math font.
    var glyphs: [MathGlyph] { items.compactMap { if case .glyph(let glyph) = $0 { glyph } else { nil } } }
}

/// Something a formula shows.
enum MathItem: Sendable, Equatable {
    /// A glyph of the math font.
    case glyph(MathGlyph)
    /// A filled rectangle, from its top-left corner.
    case rule(x: Double, y: Double, width: Double, height: Double)
    /// Text the math font has no glyphs for (words in another script), set by Pango in the
    /// text face from its baseline's left end; `muted` for a part that could not be read.
    case text(String, size: Double, x: Double, y: Double, muted: Bool)

    func offset(dx: Double, dy: Double) -> MathItem {
        switch self {
        case .glyph(var glyph):
            glyph.x += dx
            glyph.y += dy
            return .glyph(glyph)
        case .rule(let x, let y, let width, let height): return .rule(x: x + dx, y: y + dy, width: width, height: height)
        case .text(let text, let size, let x, let y, let muted): return .text(text, size: size, x: x + dx, y: y + dy, muted: muted)
        }
    }
}

/// A glyph of the math font at a size, its origin at (x, y).
struct MathGlyph: Sendable, Equatable {
    var id: UInt32
    var size: Double
    var x: Double
    var y: Double
    /// The character a larger variant or a part stands for, for the PDF's text (copying, search):
    /// a variant has no character of its own; the parts after an assembly's first stand for "".
    var text: String?
}

import CPangoCairo
import Foundation

/// An OpenType math font (TeX Gyre Pagella Math and its kin), read through HarfBuzz: its
/// glyphs and their metrics, the MATH table's constants (script sizes, fraction rules, gaps)
/// and the larger variants and part assemblies of stretchy glyphs. All values are in ems of
/// the font's size. The font is found through fontconfig, as Pango finds it, so the glyphs
/// measured here are the ones `MathPainter` draws.
///
/// HarfBuzz reads a face from any thread, so one `MathFont` per family serves every worker.
final class MathFont: @unchecked Sendable {
    /// The family Pango draws the glyphs with.
    let family: String
    private let font: OpaquePointer
    private let unitsPerEm: Double
    private let constants: [Double]

    /// The math families bookify knows, best first: the companion of the default text face,
    /// then others Debian ships.
    static let families = ["TeX Gyre Pagella Math", "Latin Modern Math", "TeX Gyre Termes Math", "TeX Gyre Schola Math",
                           "TeX Gyre Bonum Math", "TeX Gyre DejaVu Math", "DejaVu Math TeX Gyre", "STIX Two Math"]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: MathFont?] = [:]

    /// The math font that goes with a text family: the TeX Gyre math face of the same design
    /// when there is one (Termes for Times, DejaVu for DejaVu), Latin Modern for Computer and
    /// Latin Modern, else Pagella Math, else any installed math font; nil when none is.
    static func companion(of textFamily: String, typesetter: Typesetter) -> MathFont? {
        let name = textFamily.lowercased()
        let designs = [("termes", "TeX Gyre Termes Math"), ("times", "TeX Gyre Termes Math"), ("schola", "TeX Gyre Schola Math"),
                       ("bonum", "TeX Gyre Bonum Math"), ("dejavu", "TeX Gyre DejaVu Math"), ("latin modern", "Latin Modern Math"),
                       ("computer modern", "Latin Modern Math"), ("stix", "STIX Two Math")]
        let preferred = designs.first { name.contains($0.0) }.map { [$0.1] } ?? []
        for family in preferred + families {
            if let font = named(family, typesetter: typesetter) { return font }
        }
        return nil
    }

    /// Whether any math font bookify knows is installed (else formulas are set as text).
    static let isInstalled: Bool = companion(of: PDFStyle.Font.bookFamily, typesetter: Typesetter()) != nil

    /// The installed font of `family`, if fontconfig has it and it has a MATH table.
    private static func named(_ family: String, typesetter: Typesetter) -> MathFont? {
        lock.withLock {
            if let known = loaded[family] { return known }
            let font = load(family, typesetter: typesetter)
            loaded[family] = font
            return font
        }
    }

    private static func load(_ family: String, typesetter: Typesetter) -> MathFont? {
        let description = graphics.pango_font_description_new()!
        defer { graphics.pango_font_description_free(description) }
        graphics.pango_font_description_set_family(description, family)
        graphics.pango_font_description_set_absolute_size(description, 10 * Double(PANGO_SCALE))
        guard let pangoFont = graphics.pango_context_load_font(typesetter.context, description) else { return nil }
        defer { graphics.g_object_unref(UnsafeMutableRawPointer(pangoFont)) }
        // Fontconfig answers every family with some font: only the one asked for will do.
        let found = graphics.pango_font_describe(pangoFont)
        defer { graphics.pango_font_description_free(found) }
        guard let foundFamily = graphics.pango_font_description_get_family(found), String(cString: foundFamily) == family,
              let shaper = graphics.pango_font_get_hb_font(pangoFont), let face = graphics.hb_font_get_face(shaper),
              graphics.hb_ot_math_has_data(face) != 0 else { return nil }
        return MathFont(family: family, face: face)
    }

    private init(family: String, face: OpaquePointer) {
        self.family = family
        let font = graphics.hb_font_create(face)!
        let upem = graphics.hb_face_get_upem(face)
        graphics.hb_font_set_scale(font, Int32(upem), Int32(upem))
        // Read from every worker at once: nothing may change it after this.
        graphics.hb_font_make_immutable(font)
        self.font = font
        unitsPerEm = Double(upem)
        constants = (0...Int(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT.rawValue)).map { index in
            Double(graphics.hb_ot_math_get_constant(font, hb_ot_math_constant_t(rawValue: UInt32(index))))
        }
    }

    deinit { graphics.hb_font_destroy(font) }

    // MARK: Constants

    /// A MATH constant in ems (or, for the three percentages, as a fraction: 0.7 for 70%).
    subscript(_ constant: MathConstant) -> Double {
        let value = constants[constant.rawValue]
        return constant.isPercentage ? value / 100 : value / unitsPerEm
    }

    // MARK: Glyphs

    /// The glyph for a character, if the font has one.
    func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var glyph: hb_codepoint_t = 0
        return graphics.hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 ? glyph : nil
    }

    /// A glyph's advance, ink height above and depth below the baseline, italic correction
    /// and the point an accent over it centres on (its middle when the font gives none).
    func metrics(of glyph: UInt32) -> MathGlyphMetrics {
        var extents = hb_glyph_extents_t()
        graphics.hb_font_get_glyph_extents(font, glyph, &extents)
        let advance = Double(graphics.hb_font_get_glyph_h_advance(font, glyph)) / unitsPerEm
        let accent = graphics.hb_ot_math_get_glyph_top_accent_attachment(font, glyph)
        return MathGlyphMetrics(advance: advance, ascent: Double(extents.y_bearing) / unitsPerEm,
                                descent: -Double(extents.y_bearing + extents.height) / unitsPerEm,
                                italicCorrection: Double(graphics.hb_ot_math_get_glyph_italics_correction(font, glyph)) / unitsPerEm,
                                topAccent: Double(accent) / unitsPerEm)
    }

    /// The glyph and its larger forms, smallest first, with their size along the direction.
    func variants(of glyph: UInt32, vertical: Bool) -> [(glyph: UInt32, size: Double)] {
        let direction = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 64
        var found = [hb_ot_math_glyph_variant_t](repeating: hb_ot_math_glyph_variant_t(), count: 64)
        _ = graphics.hb_ot_math_get_glyph_variants(font, glyph, direction, 0, &count, &found)
        return found.prefix(Int(count)).map { ($0.glyph, Double($0.advance) / unitsPerEm) }
    }

    /// The parts a glyph of any size is built from (bottom or left first), if it has them.
    func assembly(of glyph: UInt32, vertical: Bool) -> [MathGlyphPart] {
        let direction = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 32
        var parts = [hb_ot_math_glyph_part_t](repeating: hb_ot_math_glyph_part_t(), count: 32)
        var italics: hb_position_t = 0
        _ = graphics.hb_ot_math_get_glyph_assembly(font, glyph, direction, 0, &count, &parts, &italics)
        return parts.prefix(Int(count)).map {
            MathGlyphPart(glyph: $0.glyph, startConnector: Double($0.start_connector_length) / unitsPerEm,
                          endConnector: Double($0.end_connector_length) / unitsPerEm,
                          fullAdvance: Double($0.full_advance) / unitsPerEm,
                          isExtender: $0.flags.rawValue & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER.rawValue != 0)
        }
    }

    /// How much the parts of an assembly must at least overlap.
    func minimumConnectorOverlap(vertical: Bool) -> Double {
        Double(graphics.hb_ot_math_get_min_connector_overlap(font, vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR)) / unitsPerEm
    }
}

/// What `MathFont.metrics(of:)` tells of a glyph, in ems.
struct MathGlyphMetrics {
    var advance: Double
    var ascent: Double
    var descent: Double
    var italicCorrection: Double
    var topAccent: Double
}

/// A piece of a glyph built to any size (a tall brace's hook, middle and extender), in ems.
struct MathGlyphPart {
    var glyph: UInt32
    var startConnector: Double
    var endConnector: Double
    var fullAdvance: Double
    /// A piece repeated as often as the size needs.
    var isExtender: Bool
}

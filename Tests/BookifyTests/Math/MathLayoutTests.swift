@testable import BookifyCore
import Testing

/// The math typesetter (issue 32), read as values: where it puts numerators, scripts, limits,
/// radicals and fences, measured against each other and the font's own MATH constants, with
/// the math font Debian ships (fonts-texgyre-math).
@Suite struct MathLayoutTests {
    let font: MathFont
    let layout: MathLayout

    init() throws {
        font = try #require(MathFont.companion(of: PDFStyle.Font.bookFamily, typesetter: Typesetter()), "no math font installed")
        layout = MathLayout(font: font, size: 10) { text, size in (Double(text.count) * size / 2, size * 0.7, size * 0.2) }
    }

    private func box(_ tex: String, display: Bool = false) -> MathBox {
        layout.layOut(TeXMath.formula(tex, display: display))
    }

    @Test func theDefaultTextFaceGetsItsCompanionMathFace() {
        #expect(font.family == "TeX Gyre Pagella Math")
        #expect(font[.scriptPercentScaleDown] > 0.5 && font[.scriptPercentScaleDown] < 0.9)
        #expect(font[.fractionRuleThickness] > 0 && font[.axisHeight] > 0.2)
    }

    @Test func lettersAreMathItalicGlyphsAndNumbersUpright() {
        let italicX = font.glyph(for: "\u{1D465}"), uprightX = font.glyph(for: "x")
        #expect(box("x").glyphs.map(\.id) == [italicX].compactMap { $0 })
        #expect(box("\\mathrm{x}").glyphs.map(\.id) == [uprightX].compactMap { $0 })
        #expect(box("12").glyphs.count == 2)
    }

    @Test func aFractionHasItsNumeratorOverARuleOnTheAxisAndItsDenominatorUnder() throws {
        let fraction = box("\\frac{a}{b}")
        let glyphs = fraction.glyphs
        try #require(glyphs.count == 2)
        let rule = try #require(fraction.items.compactMap { item -> (y: Double, height: Double, width: Double)? in
            if case .rule(_, let y, let width, let height) = item { (y, height, width) } else { nil }
        }.first)
        let axis = font[.axisHeight] * 10
        #expect(abs(-(rule.y + rule.height / 2) - axis) < 0.01, "the bar sits on the axis")
        #expect(glyphs[0].y < rule.y && glyphs[1].y > rule.y + rule.height, "a over the bar, b under it")
        #expect(abs(rule.width - (fraction.width - 2 * 1.2)) < 0.01, "the bar spans the fraction but for TeX's 0.12 em each side")
        // In text style the parts are at script size; in display at text size.
        #expect(glyphs[0].size < 10)
        #expect(box("\\frac{a}{b}", display: true).glyphs.allSatisfy { $0.size == 10 })
    }

    @Test func scriptsAreSmallerAndRaisedOrLowered() throws {
        let both = box("x_i^2").glyphs
        let sup = try #require(both.first { $0.id == font.glyph(for: "2") })
        let sub = try #require(both.first { $0.id == font.glyph(for: "\u{1D456}") })
        #expect(both.count == 3 && sup.size < 10 && sub.size < 10)
        #expect(sup.y < 0 && sub.y > 0, "the superscript is above the baseline, the subscript below")
        let (supInk, subInk) = (font.metrics(of: sup.id), font.metrics(of: sub.id))
        let gap = (-sup.y - supInk.descent * sup.size) - (subInk.ascent * sub.size - sub.y)
        #expect(gap > font[.subSuperscriptGapMin] * 10 * 0.9)
        // x′ is the base and the font's prime at the same size, side by side.
        let primed = box("x'").glyphs
        #expect(primed.count == 2 && primed.allSatisfy { $0.size == 10 && $0.y == 0 })
    }

    @Test func displayLimitsGoUnderAndOverATallerOperatorAndBesideItInText() throws {
        let display = box("\\sum_{k=1}^{n} k", display: true)
        let inline = box("\\sum_{k=1}^{n} k")
        let sum = try #require(font.glyph(for: "∑"))
        #expect(!display.glyphs.contains { $0.id == sum }, "display style takes the larger variant")
        #expect(inline.glyphs.contains { $0.id == sum })
        let displayN = try #require(display.glyphs.first { $0.id == font.glyph(for: "\u{1D45B}") })
        let inlineN = try #require(inline.glyphs.first { $0.id == font.glyph(for: "\u{1D45B}") })
        #expect(displayN.x < inlineN.x, "n is over the ∑ in display, after it in text")
        #expect(display.height > inline.height * 1.4)
    }

    @Test func fencesAndRadicalsGrowWithWhatTheyHold() {
        let small = box("\\left( x \\right)"), tall = box("\\left( \\frac{a}{\\frac{b}{c}} \\right)", display: true)
        #expect(tall.height > small.height * 2)
        let openingGlyphs = { (box: MathBox) in Set(box.glyphs.map(\.id)) }
        #expect(!openingGlyphs(tall).contains(font.glyph(for: "(")!), "a taller variant or an assembly replaces (")
        let root = box("\\sqrt{x}"), tallRoot = box("\\sqrt{\\frac{a}{b}}", display: true)
        #expect(tallRoot.height > root.height * 1.5)
        #expect(root.items.contains { if case .rule = $0 { true } else { false } }, "the radical's overbar")
    }

    @Test func matricesAndAlignedRowsLineUp() throws {
        let matrix = box("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}")
        let ids = [font.glyph(for: "\u{1D44E}"), font.glyph(for: "\u{1D44F}"), font.glyph(for: "\u{1D450}"), font.glyph(for: "\u{1D451}")]
        let cells = ids.compactMap { id in matrix.glyphs.first { $0.id == id } }
        try #require(cells.count == 4)
        #expect(cells[0].y == cells[1].y && cells[2].y == cells[3].y && cells[0].y < cells[2].y)
        #expect(abs(cells[0].x - cells[2].x) < 1 && cells[1].x > cells[0].x + 5)
        // Both rows of `aligned` put their = at the same x.
        let aligned = box("\\begin{aligned} f(x) &= (x+1)^2 \\\\ &= x^2 + 1 \\end{aligned}", display: true)
        let equals = try #require(font.glyph(for: "="))
        let signs = aligned.glyphs.filter { $0.id == equals }
        #expect(signs.count == 2 && abs(signs[0].x - signs[1].x) < 0.01 && signs[0].y < signs[1].y)
    }

    @Test func relationsAndBinaryOperatorsAreSpacedButSignsAreNot() throws {
        let sum = box("a+b").glyphs, negative = box("-b").glyphs
        try #require(sum.count == 3 && negative.count == 2)
        let plusWidth = font.metrics(of: sum[1].id).advance * 10
        let aWidth = font.metrics(of: sum[0].id).advance * 10
        #expect(sum[1].x - aWidth > 1.5, "a medium space before +")
        #expect(sum[2].x - (sum[1].x + plusWidth) > 1.5)
        let minusWidth = font.metrics(of: negative[0].id).advance * 10
        #expect(abs(negative[1].x - minusWidth) < 0.01, "no space after a sign")
    }

    /// Every expression of the conversion list sets, in text and display style, as a box of the
    /// math font's glyphs with a size; no glyph is the font's .notdef.
    @Test func everyExpressionOfTheListIsTypeset() throws {
        let list = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Fixtures/math/tex-expressions.txt")
        let expressions = try String(contentsOf: list, encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for tex in expressions {
            for display in [false, true] {
                let typeset = box(tex, display: display)
                #expect(typeset.width.isFinite && typeset.height.isFinite, "\(tex)")
                // A phantom alone shows nothing (it only takes room, which the parser keeps as space).
                #expect(tex.contains("phantom") || typeset.width > 0 && typeset.height > 0, "\(tex)")
                #expect(!typeset.glyphs.contains { $0.id == 0 }, "\(tex) draws .notdef")
            }
        }
    }

    /// Hostile formulas (the parser caps them) set quickly into boxes of a bounded size.
    @Test func hostileFormulasSetIntoBoundedBoxes() {
        let braces = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let fences = String(repeating: "\\left(", count: 90) + "x" + String(repeating: "\\right)", count: 90)
        let scripts = String(repeating: "x^{", count: 90) + "y" + String(repeating: "}", count: 90)
        for tex in [braces, fences, scripts, String(repeating: "\\sqrt{", count: 90) + "x" + String(repeating: "}", count: 90)] {
            let typeset = box(tex, display: true)
            #expect(typeset.width.isFinite && typeset.height.isFinite && typeset.height < 10_000, "\(tex.prefix(30))")
        }
    }

    @Test func unreadableMathIsShownAsItsSourceInTheTextFace() {
        let broken = box("\\unknowncommand{x}")
        #expect(broken.items.contains { if case .text(let text, _, _, _, true) = $0 { text.contains("unknowncommand") } else { false } })
    }
}

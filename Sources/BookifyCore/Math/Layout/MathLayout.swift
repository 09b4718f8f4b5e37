/// Typesets a formula with an OpenType math font, as TeX and MathML Core do: the MATH table's
/// constants place scripts, fractions, radicals and limits; atoms are spaced by their class;
/// fences, radicals and big operators take the font's larger variants or are built from its
/// parts. The result is a `MathBox` of placed glyphs and rules, in points.
struct MathLayout {
    /// Measures text the math font cannot show (width, ascent, descent in points at a size),
    /// set in the text face instead.
    typealias TextMeasure = (_ text: String, _ size: Double) -> (width: Double, ascent: Double, descent: Double)

    let font: MathFont
    /// The size of text-style math, in points: the size of the text around it.
    let size: Double
    let measureText: TextMeasure

    /// Sets a formula: in display style when it stands on its own line, else in text style.
    func layOut(_ formula: MathFormula) -> MathBox {
        layOut(formula.root, style: formula.display ? .display : .text)
    }

    /// The sizes and placements of TeX's four styles; cramped styles keep superscripts lower.
    struct Style: Equatable {
        enum Level: Int { case display, text, script, scriptScript }
        var level: Level
        var cramped = false

        static let display = Style(level: .display)
        static let text = Style(level: .text)

        var isDisplay: Bool { level == .display }
        var isScript: Bool { level.rawValue >= Level.script.rawValue }
        /// The style of a superscript or a limit.
        var superscript: Style { Style(level: level.rawValue < 2 ? .script : .scriptScript, cramped: cramped) }
        /// The style of a subscript or a lower limit.
        var `subscript`: Style { Style(level: superscript.level, cramped: true) }
        /// The style of a fraction's numerator.
        var numerator: Style { Style(level: level == .display ? .text : superscript.level, cramped: cramped) }
        var denominator: Style { Style(level: numerator.level, cramped: true) }
        var crampedStyle: Style { Style(level: level, cramped: true) }
    }

    /// The font size of a style, in points.
    func size(_ style: Style) -> Double {
        switch style.level {
        case .display, .text: size
        case .script: size * font[.scriptPercentScaleDown]
        case .scriptScript: size * font[.scriptScriptPercentScaleDown]
        }
    }

    /// A MATH constant at a style's size, in points.
    func value(_ constant: MathConstant, _ style: Style) -> Double { font[constant] * size(style) }

    /// The axis (where fraction bars and the middle of fences sit) above the baseline.
    func axis(_ style: Style) -> Double { value(.axisHeight, style) }

    func layOut(_ node: MathNode, style: Style) -> MathBox {
        switch node {
        case .identifier(let name, let upright):
            let italic = !upright && name.unicodeScalars.count == 1
            return glyphs(italic ? String(String.UnicodeScalarView(name.unicodeScalars.map(Self.italic))) : name, style: style)
        case .number(let digits): return glyphs(digits, style: style)
        case .text(let words): return glyphs(words, style: style)
        case .op(let symbol, let form):
            return form.largeOperator ? largeOperator(symbol, style: style) : glyphs(symbol, style: style)
        case .space(let width): return MathBox(width: width * size(style), ascent: 0, descent: 0)
        case .error(let source): return text(source, style: style, muted: true)
        case .row(let nodes): return row(nodes, style: style)
        case .style(.table(let rows, let alignments), let display):
            return table(rows, alignments: alignments, cellStyle: display ? Style(level: .display, cramped: style.cramped) : style)
        case .style(let child, let display):
            return layOut(child, style: display ? Style(level: .display, cramped: style.cramped)
                                                : Style(level: style.isDisplay ? .text : style.level, cramped: style.cramped))
        case .fraction(let top, let bottom, let rule): return fraction(top, bottom, rule: rule, style: style)
        case .root(let base, let index): return root(base, index: index, style: style)
        case .scripts(let base, let sub, let sup): return scripts(base, sub: sub, sup: sup, style: style)
        case .limits(let base, let under, let over, let accent):
            return limits(base, under: under, over: over, accent: accent, style: style)
        case .table(let rows, let alignments):
            // Matrices and cases set their cells in text style, even in a display.
            return table(rows, alignments: alignments, cellStyle: style.isDisplay ? .text : style)
        }
    }

    // MARK: Glyphs

    /// A string set in the math font's glyphs, side by side; in the text face when the math
    /// font lacks one of its characters.
    func glyphs(_ string: String, style: Style) -> MathBox {
        let scalars = Array(string.unicodeScalars)
        let ids = scalars.compactMap(font.glyph(for:))
        guard ids.count == scalars.count, !ids.isEmpty else { return text(string, style: style, muted: false) }
        let points = size(style)
        var box = MathBox()
        var x = 0.0
        for id in ids {
            let metrics = font.metrics(of: id)
            box.place(MathBox(width: 0, ascent: metrics.ascent * points, descent: metrics.descent * points,
                              items: [.glyph(MathGlyph(id: id, size: points, x: 0, y: 0))]), x: x, y: 0)
            x += metrics.advance * points
            box.italicCorrection = metrics.italicCorrection * points
            if ids.count == 1 { box.topAccent = metrics.topAccent * points }
        }
        box.width = x
        return box
    }

    /// Text in the text face (a script the math font lacks, or an unreadable part's source).
    func text(_ string: String, style: Style, muted: Bool) -> MathBox {
        let points = size(style)
        let measured = measureText(string, points)
        return MathBox(width: measured.width, ascent: measured.ascent, descent: measured.descent,
                       items: [.text(string, size: points, x: 0, y: 0, muted: muted)])
    }

    /// A big operator (∑, ∫): in display style the font's variant at least as tall as it asks,
    /// centred on the axis.
    private func largeOperator(_ symbol: String, style: Style) -> MathBox {
        guard style.isDisplay, let scalar = symbol.unicodeScalars.first, symbol.unicodeScalars.count == 1,
              let base = font.glyph(for: scalar) else { return centredOnAxis(glyphs(symbol, style: style), style: style) }
        let minimum = font[.displayOperatorMinHeight]
        let variants = font.variants(of: base, vertical: true)
        let chosen = variants.first { $0.size >= minimum }?.glyph ?? variants.last?.glyph ?? base
        return centredOnAxis(glyph(chosen, style: style, standingFor: symbol), style: style)
    }

    /// One glyph by its id, at a style's size; `text` is what it stands for when it is not
    /// the font's glyph for a character.
    func glyph(_ id: UInt32, style: Style, standingFor text: String? = nil) -> MathBox {
        let points = size(style)
        let metrics = font.metrics(of: id)
        var box = MathBox(width: metrics.advance * points, ascent: metrics.ascent * points, descent: metrics.descent * points,
                          items: [.glyph(MathGlyph(id: id, size: points, x: 0, y: 0, text: text))])
        box.italicCorrection = metrics.italicCorrection * points
        box.topAccent = metrics.topAccent * points
        return box
    }

    /// The box moved up or down so that its middle is on the axis.
    func centredOnAxis(_ box: MathBox, style: Style) -> MathBox {
        box.raised(by: axis(style) - (box.ascent - box.descent) / 2)
    }

    // MARK: Letters

    /// A letter in Unicode's mathematical italic (what TeX sets a variable in); Greek capitals
    /// and everything else stay upright.
    static func italic(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let mapped: UInt32? = switch value {
        case 0x68: 0x210E  // h: Planck's constant, encoded before the alphabet
        case 0x41...0x5A: 0x1D434 + value - 0x41
        case 0x61...0x7A: 0x1D44E + value - 0x61
        case 0x3B1...0x3C9: 0x1D6FC + value - 0x3B1
        case 0x3F5: 0x1D716
        case 0x3D1: 0x1D717
        case 0x3D5: 0x1D719
        case 0x3F1: 0x1D71A
        case 0x3D6: 0x1D71B
        case 0x131: 0x1D6A4
        case 0x237: 0x1D6A5
        default: nil
        }
        return mapped.flatMap(Unicode.Scalar.init) ?? scalar
    }
}

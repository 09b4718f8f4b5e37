extension MathLayout {
    /// A base with something under and/or over it: limits of a big operator (beside it, as
    /// scripts, when they may move and the style is not display), an accent, a bar, a brace
    /// or an arrow stretched to the base's width.
    func limits(_ baseNode: MathNode, under: MathNode?, over: MathNode?, accent: Bool, style: Style) -> MathBox {
        if case .op(_, let form) = baseNode, form.movableLimits, !style.isDisplay {
            return scripts(baseNode, sub: under, sup: over, style: style)
        }
        let base = layOut(baseNode, style: accent ? style.crampedStyle : style)
        if accent, let over, case .op(let mark, let form) = over, under == nil {
            return accented(base, with: mark, wide: form.stretchy == true, style: style)
        }
        let overBox = over.map { mark($0, over: true, base: base, style: style) }
        let underBox = under.map { mark($0, over: false, base: base, style: style) }
        let width = max(base.width, overBox?.width ?? 0, underBox?.width ?? 0)
        var box = MathBox()
        // An integral's upper limit leans right, its lower one left, with its slope.
        let slope = MathAtomClass(of: baseNode) == .largeOperator ? base.italicCorrection / 2 : 0
        box.place(base, x: (width - base.width) / 2, y: 0)
        if let over = overBox {
            let gap = max(value(.upperLimitGapMin, style), value(.upperLimitBaselineRiseMin, style) - over.descent)
            box.place(over, x: (width - over.width) / 2 + slope, y: -(base.ascent + gap + over.descent))
        }
        if let under = underBox {
            let gap = max(value(.lowerLimitGapMin, style), value(.lowerLimitBaselineDropMin, style) - under.ascent)
            box.place(under, x: (width - under.width) / 2 - slope, y: base.descent + gap + under.ascent)
        }
        box.width = width
        return box
    }

    /// What goes over or under a base: a bar is a rule; an arrow or brace stretches to the
    /// base's width; anything else is set in script style.
    private func mark(_ node: MathNode, over: Bool, base: MathBox, style: Style) -> MathBox {
        guard case .op(let symbol, let form) = node else { return layOut(node, style: over ? style.superscript : style.subscript) }
        if symbol == "‾" || symbol == "_" || symbol == "¯" && form.stretchy == true {
            let thickness = value(over ? .overbarRuleThickness : .underbarRuleThickness, style)
            var bar = MathBox()
            bar.addRule(x: 0, y: -thickness, width: base.width, height: thickness)
            bar.width = base.width
            return bar
        }
        guard form.stretchy == true, let scalar = symbol.unicodeScalars.first, let glyph = font.glyph(for: scalar) else {
            return layOut(node, style: over ? style.superscript : style.subscript)
        }
        return stretched(glyph, standingFor: symbol, to: base.width, vertical: false, style: style)
    }

    /// An accent over a base: the font's accent (a wider variant under `\widehat`) centred on
    /// the base's accent point, raised by as much as the base is taller than the font's
    /// accent base height.
    private func accented(_ base: MathBox, with mark: String, wide: Bool, style: Style) -> MathBox {
        guard let first = mark.unicodeScalars.first,
              let glyphID = font.glyph(for: Self.combiningAccents[mark] ?? first) ?? font.glyph(for: first) else { return base }
        let chosen = wide ? stretched(glyphID, standingFor: mark, to: base.width, vertical: false, style: style) : glyph(glyphID, style: style)
        let attachment = chosen.topAccent ?? chosen.width / 2
        let baseAttachment = base.topAccent ?? base.width / 2
        let raise = max(base.ascent - value(.accentBaseHeight, style), 0)
        var box = MathBox()
        let left = min(0, baseAttachment - attachment)
        box.place(base, x: -left, y: 0)
        box.place(chosen, x: baseAttachment - attachment - left, y: -raise)
        box.width = max(base.width - left, baseAttachment - attachment - left + chosen.width)
        box.italicCorrection = base.italicCorrection
        return box
    }

    /// The combining forms of the spacing accents TeX's commands name, which math fonts
    /// place and widen.
    static let combiningAccents: [String: Unicode.Scalar] = [
        "^": "\u{0302}", "~": "\u{0303}", "¯": "\u{0304}", "→": "\u{20D7}", "←": "\u{20D6}", "↔": "\u{20E1}",
        "˙": "\u{0307}", "¨": "\u{0308}", "⃛": "\u{20DB}", "´": "\u{0301}", "`": "\u{0300}", "˘": "\u{0306}",
        "ˇ": "\u{030C}", "˚": "\u{030A}",
    ]

    /// A grid: each column as wide as its widest cell and aligned as asked, each row as tall
    /// as its tallest (at least a line's strut), the whole centred on the axis. Pairs of
    /// right- and left-aligned columns (`aligned`) meet at their relation; other columns are
    /// an em apart.
    func table(_ rows: [[MathNode]], alignments: [MathAlignment], cellStyle: Style) -> MathBox {
        let paired = alignments.count >= 2 && alignments.prefix(2) == [.right, .left]
        // The left half of an aligned pair starts as if after an atom (`&=` is spaced as `x =`).
        let cells = rows.map { row in
            row.enumerated().map { column, cell in
                guard paired, column % 2 == 1 else { return layOut(cell, style: cellStyle) }
                if case .row(let nodes) = cell { return layOut(.row([.row([])] + nodes), style: cellStyle) }
                return layOut(.row([.row([]), cell]), style: cellStyle)
            }
        }
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return MathBox() }
        let points = size(cellStyle)
        let widths = (0..<columns).map { column in cells.map { $0.indices.contains(column) ? $0[column].width : 0 }.max() ?? 0 }
        let alignment = { (column: Int) in alignments.indices.contains(column) ? alignments[column] : alignments.last ?? .center }
        let gap = { (column: Int) -> Double in paired ? (column % 2 == 1 ? 0 : 2 * points) : points }
        let rowGap = cellStyle.isDisplay ? 0.3 * points : 0.15 * points
        var box = MathBox()
        var y = 0.0
        for row in cells {
            let ascent = max(row.map(\.ascent).max() ?? 0, 0.75 * points)
            let descent = max(row.map(\.descent).max() ?? 0, 0.3 * points)
            y += ascent
            var x = 0.0
            for (column, cell) in row.enumerated() {
                if column > 0 { x += gap(column) }
                let free = widths[column] - cell.width
                let shift = switch alignment(column) { case .left: 0.0; case .center: free / 2; case .right: free }
                box.place(cell, x: x + shift, y: y)
                x += widths[column]
            }
            y += descent + rowGap
        }
        let height = y - rowGap
        box.width = widths.reduce(0, +) + (1..<max(columns, 1)).map(gap).reduce(0, +)
        // Rows were placed from the table's top: move the whole so its middle is on the axis.
        let shifted = box.raised(by: height / 2 + axis(cellStyle))
        var centred = MathBox(width: box.width, ascent: height / 2 + axis(cellStyle), descent: height / 2 - axis(cellStyle))
        centred.place(shifted, x: 0, y: 0)
        return centred
    }
}

extension MathLayout {
    /// A fraction: numerator and denominator centred over each other around a rule on the
    /// axis, at the MATH table's shifts and least gaps; without a rule, a stacked pair (binomials).
    func fraction(_ top: MathNode, _ bottom: MathNode, rule: Bool, style: Style) -> MathBox {
        let numerator = layOut(top, style: style.numerator)
        let denominator = layOut(bottom, style: style.denominator)
        let display = style.isDisplay
        let axis = axis(style)
        var up: Double, down: Double
        let thickness = rule ? value(.fractionRuleThickness, style) : 0
        if rule {
            up = max(value(display ? .fractionNumeratorDisplayStyleShiftUp : .fractionNumeratorShiftUp, style),
                     axis + thickness / 2 + value(display ? .fractionNumDisplayStyleGapMin : .fractionNumeratorGapMin, style)
                         + numerator.descent)
            down = max(value(display ? .fractionDenominatorDisplayStyleShiftDown : .fractionDenominatorShiftDown, style),
                       denominator.ascent + value(display ? .fractionDenomDisplayStyleGapMin : .fractionDenominatorGapMin, style)
                           - (axis - thickness / 2))
        } else {
            up = value(display ? .stackTopDisplayStyleShiftUp : .stackTopShiftUp, style)
            down = value(display ? .stackBottomDisplayStyleShiftDown : .stackBottomShiftDown, style)
            let gap = (up - numerator.descent) - (denominator.ascent - down)
            let least = value(display ? .stackDisplayStyleGapMin : .stackGapMin, style)
            if gap < least {
                up += (least - gap) / 2
                down += (least - gap) / 2
            }
        }
        // A little space each side, as TeX's \nulldelimiterspace gives.
        let pad = 0.12 * size(style)
        let inner = max(numerator.width, denominator.width)
        var box = MathBox()
        box.place(numerator, x: pad + (inner - numerator.width) / 2, y: -up)
        box.place(denominator, x: pad + (inner - denominator.width) / 2, y: down)
        if rule { box.addRule(x: pad, y: -(axis + thickness / 2), width: inner, height: thickness) }
        box.width = inner + 2 * pad
        return box
    }

    /// A root: the radical sign tall enough for the base, its overbar over the base, the index
    /// (if any) tucked into the sign's crook.
    func root(_ radicand: MathNode, index: MathNode?, style: Style) -> MathBox {
        let base = layOut(radicand, style: style.crampedStyle)
        let thickness = value(.radicalRuleThickness, style)
        let gap = value(style.isDisplay ? .radicalDisplayStyleVerticalGap : .radicalVerticalGap, style)
        let wanted = base.height + gap + thickness
        guard let radical = font.glyph(for: "\u{221A}") else { return base }
        let sign = stretched(radical, standingFor: "√", to: wanted, vertical: true, style: style)
        // The sign's top is the overbar's top; what the sign has to spare goes into the gap.
        let spare = max(sign.height - wanted, 0) / 2
        let top = base.ascent + gap + spare + thickness
        var box = MathBox()
        var x = 0.0
        if let index {
            let degree = layOut(index, style: Style(level: .scriptScript, cramped: false))
            let raise = font[.radicalDegreeBottomRaisePercent] * sign.height
            x = max(value(.radicalKernBeforeDegree, style), 0)
            box.place(degree, x: x, y: -(raise - (sign.height - top)) - degree.descent)
            x += degree.width + value(.radicalKernAfterDegree, style)
            x = max(x, 0)
        }
        box.place(sign, x: x, y: -(top - sign.ascent))
        x += sign.width
        box.addRule(x: x, y: -top, width: base.width, height: thickness)
        box.ascent = max(box.ascent, top + value(.radicalExtraAscender, style))
        box.place(base, x: x, y: 0)
        box.width = x + base.width
        return box
    }

    /// A base with a subscript and/or a superscript: shifted as the MATH table says, kept
    /// apart by its least gap, a superscript moved past a sloping letter's overhang. A big
    /// operator whose limits move (∑ in text) gets them here as scripts.
    func scripts(_ baseNode: MathNode, sub subNode: MathNode?, sup supNode: MathNode?, style: Style) -> MathBox {
        // Primes: a math font's ′ is drawn raised already, and follows the base at its size.
        if let (primes, rest) = Self.primes(in: supNode) {
            let primed = MathNode.row([baseNode, .op(primes)])
            return rest == nil && subNode == nil ? layOut(primed, style: style) : scripts(primed, sub: subNode, sup: rest, style: style)
        }
        let base = layOut(baseNode, style: style)
        let sub = subNode.map { layOut($0, style: style.subscript) }
        let sup = supNode.map { layOut($0, style: style.superscript) }
        let isOperator = MathAtomClass(of: baseNode) == .largeOperator
        let isGlyph = Self.isSingleGlyph(baseNode) && !isOperator
        let scriptStyle = style.superscript
        var up = isGlyph ? 0 : base.ascent - value(.superscriptBaselineDropMax, scriptStyle)
        var down = isGlyph ? 0 : base.descent + value(.subscriptBaselineDropMin, scriptStyle)
        if let sup {
            up = max(up, value(style.cramped ? .superscriptShiftUpCramped : .superscriptShiftUp, style),
                     sup.descent + value(.superscriptBottomMin, style))
        }
        if let sub {
            down = max(down, value(.subscriptShiftDown, style), sub.ascent - value(.subscriptTopMax, style))
        }
        if let sub, let sup {
            let gap = (up - sup.descent) - (sub.ascent - down)
            let least = value(.subSuperscriptGapMin, style)
            if gap < least {
                let lift = min(value(.superscriptBottomMaxWithSubscript, style) - (up - sup.descent), least - gap)
                if lift > 0 { up += lift }
                let stillShort = least - ((up - sup.descent) - (sub.ascent - down))
                if stillShort > 0 { down += stillShort }
            }
        }
        var box = MathBox()
        box.place(base, x: 0, y: 0)
        let supX = base.width + (isOperator ? 0 : base.italicCorrection)
        let subX = base.width - (isOperator ? base.italicCorrection : 0)
        if let sup { box.place(sup, x: supX, y: -up) }
        if let sub { box.place(sub, x: subX, y: down) }
        box.width = max(sup.map { supX + $0.width } ?? 0, sub.map { subX + $0.width } ?? 0, base.width)
            + value(.spaceAfterScript, style)
        return box
    }

    /// The primes a superscript starts with (x′, f″), and what follows them.
    static func primes(in node: MathNode?) -> (String, MathNode?)? {
        let isPrimes = { (text: String) in !text.isEmpty && text.allSatisfy { "′″‴⁗".contains($0) } }
        switch node {
        case .op(let text, _) where isPrimes(text): return (text, nil)
        case .row(let nodes) where !nodes.isEmpty:
            guard case .op(let text, _) = nodes[0], isPrimes(text) else { return nil }
            return (text, nodes.count == 1 ? nil : .row(Array(nodes.dropFirst())))
        default: return nil
        }
    }

    /// Whether a base is one character (a letter, a digit, an operator), whose scripts sit at
    /// the font's fixed shifts rather than by the base's height.
    static func isSingleGlyph(_ node: MathNode) -> Bool {
        switch node {
        case .identifier(let text, _), .number(let text), .op(let text, _): text.unicodeScalars.count == 1
        case .row(let nodes): nodes.count == 1 && isSingleGlyph(nodes[0])
        default: false
        }
    }
}

/// What each TeX command makes: the parser's vocabulary.
extension TeXMathParser {
    mutating func command(_ name: String) throws(Failure) -> Atom? {
        if let letter = TeXSymbols.greek[name] {
            return Atom(node: .identifier(letter, upright: letter.first!.isUppercase))
        }
        if let letter = TeXSymbols.letters[name] { return Atom(node: .identifier(letter)) }
        if let symbol = TeXSymbols.operators[name] { return Atom(node: Self.plainOperator(symbol)) }
        if let (symbol, limits) = TeXSymbols.bigOperators[name] {
            return Atom(node: .op(symbol, MathOperator(largeOperator: true, movableLimits: limits)), limits: limits)
        }
        if let limits = TeXSymbols.functions[name] {
            return Atom(node: .identifier(TeXSymbols.functionNames[name] ?? name, upright: true), limits: limits)
        }
        if let width = TeXSymbols.spaces[name] { return Atom(node: .space(width)) }
        if let (mark, stretchy) = TeXSymbols.accents[name] {
            let base = try parseArgument()
            let wide = name == "overbrace" || name == "overline" || name.hasPrefix("overleft") || name.hasPrefix("overright")
            return Atom(node: .limits(base, under: nil, over: .op(mark, MathOperator(stretchy: stretchy)), accent: !wide), limits: name == "overbrace")
        }
        if let mark = TeXSymbols.underMarks[name] {
            return Atom(node: .limits(try parseArgument(), under: .op(mark, MathOperator(stretchy: true)), over: nil), limits: name == "underbrace")
        }
        return try structure(name)
    }

    /// Commands with arguments or that change what follows.
    private mutating func structure(_ name: String) throws(Failure) -> Atom? {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let fraction = MathNode.fraction(try parseArgument(), try parseArgument())
            return Atom(node: name == "frac" || name == "cfrac" ? fraction : .style(fraction, display: name == "dfrac"))
        case "binom", "dbinom", "tbinom":
            let pair = MathNode.fraction(try parseArgument(), try parseArgument(), rule: false)
            let fenced = MathNode.row([.op("(", MathOperator(stretchy: true)), pair, .op(")", MathOperator(stretchy: true))])
            return Atom(node: name == "binom" ? fenced : .style(fenced, display: name == "dbinom"))
        case "sqrt":
            let index = reader.optionalBracket().map { TeXMathParser.parse($0).node }
            return Atom(node: .root(try parseArgument(), index: index))
        case "left": return Atom(node: try fenced())
        case "middle", "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
             "bigm", "Bigm", "biggm", "Biggm":
            return Atom(node: .op(try delimiter() ?? "", MathOperator(stretchy: name == "middle")))
        case "operatorname", "operatorname*", "mathop":
            return Atom(node: .identifier(Self.plainText(try reader.braced()), upright: true), limits: name != "operatorname")
        case "text", "textrm", "textnormal", "textit", "textbf", "textsf", "texttt", "mbox", "hbox", "textup", "textmd":
            return Atom(node: .text(Self.plainText(try reader.braced())))
        case "mathrm", "mathup", "rm", "mathnormal":
            return Atom(node: Self.restyled(try parseArgument()) { .identifier($0, upright: name != "mathnormal") })
        case "mathbb", "Bbb", "mathbf", "bf", "boldsymbol", "bm", "mathcal", "mathscr", "cal", "mathfrak", "frak",
             "mathsf", "sf", "mathtt", "tt", "mathit", "it", "mathbfup":
            return Atom(node: Self.restyled(try parseArgument()) { text in
                let styled = text.map { TeXSymbols.styled($0, alphabet: name) ?? String($0) }.joined()
                return .identifier(styled, upright: styled != text || text.count > 1)
            })
        case "overset", "stackrel":
            let over = try parseArgument()
            return Atom(node: .limits(try parseArgument(), under: nil, over: over))
        case "underset":
            let under = try parseArgument()
            return Atom(node: .limits(try parseArgument(), under: under, over: nil))
        case "not": return Atom(node: negated(try parseArgument()))
        case "pmod":
            let argument = try parseArgument()
            return Atom(node: .row([.space(1), Self.plainOperator("("), .identifier("mod", upright: true), .space(1.0 / 3), argument,
                                    Self.plainOperator(")")]))
        case "bmod", "mod": return Atom(node: .row([.space(name == "mod" ? 1 : 0.25), .identifier("mod", upright: true), .space(0.25)]))
        case "color": _ = try reader.braced(); return nil
        case "textcolor", "colorbox":
            _ = try reader.braced()
            return Atom(node: name == "colorbox" ? .text(Self.plainText(try reader.braced())) : try parseArgument())
        case "boxed", "phantom", "hphantom", "vphantom", "smash", "mathstrut", "displaylimits":
            if name == "mathstrut" || name == "displaylimits" { return nil }
            let argument = try parseArgument()
            return name.hasSuffix("phantom") ? Atom(node: .space(name == "vphantom" ? 0 : 1)) : Atom(node: argument)
        case "tag", "tag*": return Atom(node: .text(name == "tag" ? "(\(Self.plainText(try reader.braced())))" : Self.plainText(try reader.braced())))
        case "label": _ = try reader.braced(); return nil
        case "nonumber", "notag", "limits", "nolimits", "allowbreak", "nobreak", "relax", "hline", "hdashline": return nil
        case "hspace", "hspace*", "kern", "mkern", "mskip", "hskip":
            return Atom(node: .space(Self.ems(name.hasPrefix("h") && name.count > 5 ? try reader.braced() : try reader.braced())))
        case "begin": return Atom(node: try environment(try reader.braced()))
        default: return unknown(name)
        }
    }

    /// `\left( … \right)`: the content between fences that grow with it.
    private mutating func fenced() throws(Failure) -> MathNode {
        let open = try delimiter()
        let content = try parseRow { $0 == .command("right") }
        guard reader.next() == .command("right") else { throw Failure(message: "\\left without \\right") }
        let close = try delimiter()
        let fence = { (symbol: String?) -> [MathNode] in symbol.map { [.op($0, MathOperator(stretchy: true))] } ?? [] }
        return .row(fence(open) + content + fence(close))
    }

    /// The delimiter after `\left`, `\right` or `\big`: `nil` for `.`.
    private mutating func delimiter() throws(Failure) -> String? {
        switch reader.next() {
        case .character("."): return nil
        case .character("<"): return "⟨"
        case .character(">"): return "⟩"
        case .character(let character): return String(character)
        case .command(let name):
            if let symbol = TeXSymbols.operators[name] { return symbol }
            return unknown(name).node.textContent
        default: throw Failure(message: "a fence is missing its delimiter")
        }
    }

    /// A relation crossed out: `\not=` is ≠, `\not\in` is ∉, others get a combining stroke.
    private func negated(_ node: MathNode) -> MathNode {
        guard case .op(let symbol, let form) = node else { return node }
        let known = ["=": "≠", "∈": "∉", "≡": "≢", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊃": "⊅",
                     "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≈": "≉", "≅": "≇", "∣": "∤", "∥": "∦", "→": "↛"]
        return .op(known[symbol] ?? symbol + "\u{338}", form)
    }

    /// Each run of letters in `node` remade by `style` (`\mathbb`, `\mathrm`).
    private static func restyled(_ node: MathNode, _ style: (String) -> MathNode) -> MathNode {
        switch node {
        case .identifier(let text, _): style(text)
        case .number(let digits): style(digits)
        case .row(let nodes): .row(nodes.map { restyled($0, style) })
        case .scripts(let base, let sub, let sup): .scripts(restyled(base, style), sub: sub, sup: sup)
        default: node
        }
    }

    /// The text of `\text{…}`: TeX's escapes and ties read as the characters they stand for.
    static func plainText(_ raw: String) -> String {
        var text = raw.replacingOccurrences(of: "~", with: "\u{A0}")
        for (escape, character) in [("\\{", "{"), ("\\}", "}"), ("\\%", "%"), ("\\$", "$"), ("\\&", "&"), ("\\#", "#"),
                                    ("\\_", "_"), ("\\ ", " ")] {
            text = text.replacingOccurrences(of: escape, with: character)
        }
        return text
    }

    /// A TeX length as ems (`1em`, `2mu`, `3pt`); 0 when unreadable.
    private static func ems(_ length: String) -> Double {
        let trimmed = length.trimmingCharacters(in: .whitespaces)
        let number = Double(trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" }) ?? 0
        if trimmed.hasSuffix("mu") { return number / 18 }
        if trimmed.hasSuffix("pt") { return number / 10 }
        if trimmed.hasSuffix("ex") { return number * 0.43 }
        return number
    }
}

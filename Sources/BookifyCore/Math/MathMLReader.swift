/// MathML as a post wrote it (or KaTeX and MathJax left it), read into a `MathNode` tree
/// through an allow-list of presentation elements: attributes other than the few that mean
/// something to a formula are dropped, and elements it does not know give their content.
enum MathMLReader {
    static let maximumDepth = TeXMathParser.maximumDepth

    static func formula(_ math: HTMLElement) -> MathFormula {
        // A TeX annotation (KaTeX keeps one) is the formula's own source: read that.
        if let tex = annotation(in: math) { return TeXMath.formula(tex, display: math["display"] == "block") }
        let root = node(children(of: math), depth: 0)
        return MathFormula(root: root, source: math["alttext"] ?? "", display: math["display"] == "block",
                           problems: root.hasError ? ["MathML nested deeper than \(maximumDepth)"] : [])
    }

    /// The `application/x-tex` annotation's text, if the formula has one.
    static func annotation(in element: HTMLElement) -> String? {
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            if inner.name == "annotation", inner["encoding"]?.lowercased() == "application/x-tex" { return inner.textContent }
            if let found = annotation(in: inner) { return found }
        }
        return nil
    }

    private static func children(of element: HTMLElement) -> [HTMLElement] {
        element.children.compactMap { if case .element(let child) = $0 { child } else { nil } }
    }

    private static func node(_ elements: [HTMLElement], depth: Int) -> MathNode {
        let nodes = elements.compactMap { node($0, depth: depth + 1) }
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    private static func node(_ element: HTMLElement, depth: Int) -> MathNode? {
        guard depth <= maximumDepth else { return .error("…") }
        let parts = children(of: element).map { node($0, depth: depth + 1) ?? .row([]) }
        let text = element.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        func part(_ index: Int) -> MathNode { index < parts.count ? parts[index] : .row([]) }
        switch element.name {
        case "mi": return .identifier(text, upright: element["mathvariant"] == "normal")
        case "mn": return .number(text)
        case "mo":
            return .op(text, MathOperator(stretchy: element["stretchy"].map { $0 == "true" },
                                          largeOperator: element["largeop"] == "true", movableLimits: element["movablelimits"] == "true"))
        case "mtext", "ms": return .text(text)
        case "mspace": return .space(Double(element["width"]?.replacingOccurrences(of: "em", with: "") ?? "") ?? 0.25)
        case "mfrac": return .fraction(part(0), part(1), rule: element["linethickness"].map { $0 != "0" && $0 != "0px" } ?? true)
        case "msqrt": return .root(.row(parts), index: nil)
        case "mroot": return .root(part(0), index: part(1))
        case "msub": return .scripts(part(0), sub: part(1), sup: nil)
        case "msup": return .scripts(part(0), sub: nil, sup: part(1))
        case "msubsup": return .scripts(part(0), sub: part(1), sup: part(2))
        case "munder": return .limits(part(0), under: part(1), over: nil)
        case "mover": return .limits(part(0), under: nil, over: part(1), accent: element["accent"] == "true")
        case "munderover": return .limits(part(0), under: part(1), over: part(2))
        case "mtable":
            let rows = children(of: element).filter { $0.name == "mtr" || $0.name == "mlabeledtr" }.map { row in
                children(of: row).filter { $0.name == "mtd" }.map { node(children(of: $0), depth: depth + 2) }
            }
            return .table(rows)
        case "mstyle": return element["displaystyle"].map { .style(.row(parts), display: $0 == "true") } ?? .row(parts)
        case "merror": return .error(text)
        case "semantics": return parts.first
        case "annotation", "annotation-xml", "mprescripts", "none": return nil
        default: return .row(parts)  // mrow, mpadded, mphantom, menclose, mfenced's content…
        }
    }
}

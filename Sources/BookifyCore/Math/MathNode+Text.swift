/// Formulas as text: a compact outline of the tree (for `ContentDump` and tests) and a line of
/// Unicode for where a formula cannot be set (x², √(a+b), (a+1)⁄2).
extension MathNode {
    /// `msup(mi(x) mn(2))`: the MathML element names and leaves.
    public var outline: String {
        switch self {
        case .identifier(let text, _): "mi(\(text))"
        case .number(let digits): "mn(\(digits))"
        case .op(let symbol, _): "mo(\(symbol))"
        case .text(let text): "mtext(\(text))"
        case .space: "mspace"
        case .row(let nodes): "mrow(" + nodes.map(\.outline).joined(separator: " ") + ")"
        case .fraction(let top, let bottom, _): "mfrac(\(top.outline) \(bottom.outline))"
        case .root(let base, let index): index.map { "mroot(\(base.outline) \($0.outline))" } ?? "msqrt(\(base.outline))"
        case .scripts(let base, let sub, let sup):
            (sub != nil && sup != nil ? "msubsup(" : sub != nil ? "msub(" : "msup(")
                + ([base] + [sub, sup].compactMap { $0 }).map(\.outline).joined(separator: " ") + ")"
        case .limits(let base, let under, let over, _):
            (under != nil && over != nil ? "munderover(" : under != nil ? "munder(" : "mover(")
                + ([base] + [under, over].compactMap { $0 }).map(\.outline).joined(separator: " ") + ")"
        case .table(let rows, _): "mtable(" + rows.map { "mtr(" + $0.map(\.outline).joined(separator: " ") + ")" }.joined(separator: " ") + ")"
        case .style(let node, _): "mstyle(\(node.outline))"
        case .error(let source): "merror(\(source))"
        }
    }

    /// The formula as one line of Unicode: scripts as superscript and subscript letters where
    /// Unicode has them, else `^(…)` and `_(…)`; fractions with a fraction slash.
    public var linearText: String {
        switch self {
        case .identifier(let text, _), .number(let text), .op(let text, _), .text(let text): text
        case .space(let width): width > 0.5 ? "  " : width > 0 ? " " : ""
        case .error(let source): source
        case .row(let nodes): nodes.map(\.linearText).joined()
        case .fraction(let top, let bottom, let rule):
            rule ? top.grouped + "⁄" + bottom.grouped : top.grouped + " over " + bottom.grouped
        case .root(let base, let index): (index.map { Self.script($0.linearText, up: true) } ?? "") + "√" + base.grouped
        case .scripts(let base, let sub, let sup), .limits(let base, let sub, let sup, _):
            base.linearText + (sub.map { Self.script($0.linearText, up: false) } ?? "")
                + (sup.map { Self.script($0.linearText, up: true) } ?? "")
        case .table(let rows, _): rows.map { $0.map(\.linearText).joined(separator: "  ") }.joined(separator: "; ")
        case .style(let node, _): node.linearText
        }
    }

    /// The text in parentheses unless it is one letter or number.
    private var grouped: String {
        let text = linearText
        switch self {
        case .identifier, .number, .root: return text
        default: return text.count <= 1 ? text : "(" + text + ")"
        }
    }

    private static func script(_ text: String, up: Bool) -> String {
        let table = up ? superscripts : subscripts
        let mapped = text.compactMap { table[$0] }
        if mapped.count == text.count, !text.isEmpty { return String(mapped) }
        return (up ? "^" : "_") + (text.count == 1 ? text : "(" + text + ")")
    }

    private static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+−=()niax′", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃˣ′"))
    private static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+−=()aeoxijnmk", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₙₘₖ"))
}

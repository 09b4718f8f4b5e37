/// A formula's tree as a compact outline, for `ContentDump` and tests.
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
}

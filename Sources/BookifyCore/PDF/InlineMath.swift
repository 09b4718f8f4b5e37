/// A formula set in a line of text, until formulas are typeset as math: letters in italic,
/// scripts raised or lowered and smaller, a simple fraction as ¹⁄₂ is set, relations and
/// binary operators with thin spaces around them, an unreadable part in the muted colour.
enum InlineMath {
    static func append(_ node: MathNode, style: StyledText.Style, to text: inout StyledText) {
        switch node {
        case .identifier(let name, let upright):
            var letter = style
            letter.italic = !upright && name.count == 1 && name.first!.isLetter
            text.append(name, style: letter)
        case .number(let digits): text.append(digits, style: style)
        case .op(let symbol, _):
            text.append(symbol, style: style)
        case .text(let words): text.append(words, style: style)
        case .space(let width): if width > 0 { text.append(width >= 1 ? "\u{2003}" : "\u{2009}", style: style) }
        case .error(let source):
            var muted = style
            muted.color = .muted
            text.append(source, style: muted)
        case .row(let nodes):
            for (index, child) in nodes.enumerated() {
                // A relation or binary operator gets thin spaces, not a sign before its operand (−x).
                if case .op(let symbol, _) = child, spaced.contains(symbol), index > 0, !isOperator(nodes[index - 1]) {
                    text.append("\u{2006}\(symbol)\u{2006}", style: style)
                } else {
                    append(child, style: style, to: &text)
                }
            }
        case .style(let child, _): append(child, style: style, to: &text)
        case .scripts(let base, let sub, let sup), .limits(let base, let sub, let sup, _):
            append(base, style: style, to: &text)
            if let sub { append(sub, style: shifted(style, by: -2), to: &text) }
            if let sup { append(sup, style: shifted(style, by: 3.5), to: &text) }
        case .fraction(let top, let bottom, _):
            if isSimple(top) && isSimple(bottom) {
                append(top, style: shifted(style, by: 3), to: &text)
                text.append("⁄", style: style)
                append(bottom, style: shifted(style, by: 0), to: &text)
            } else {
                grouped(top, style: style, to: &text)
                text.append("/", style: style)
                grouped(bottom, style: style, to: &text)
            }
        case .root(let base, let index):
            if let index { append(index, style: shifted(style, by: 3), to: &text) }
            text.append("√", style: style)
            grouped(base, style: style, to: &text)
        case .table(let rows, _):
            for (number, row) in rows.enumerated() {
                if number > 0 { text.append("; ", style: style) }
                for (column, cell) in row.enumerated() {
                    if column > 0 { text.append("\u{2003}", style: style) }
                    append(cell, style: style, to: &text)
                }
            }
        }
    }

    /// Relations and binary operators, which TeX sets with space around them.
    private static let spaced: Set<String> = [
        "=", "+", "−", "<", ">", "≤", "≥", "≠", "≈", "≡", "∼", "≃", "≅", "∝", "→", "←", "↔", "⇒", "⇐", "⇔", "⟹", "⟺",
        "↦", "∈", "∉", "⊂", "⊃", "⊆", "⊇", "×", "⋅", "±", "∓", "÷", "∪", "∩", "∧", "∨", "⊕", "⊗", "∘", "≪", "≫", "∣",
    ]

    private static func shifted(_ style: StyledText.Style, by rise: Double) -> StyledText.Style {
        var script = style
        script.rise += rise * style.scale
        script.scale *= 0.7
        return script
    }

    /// An operator that leaves an operand wanted after it (not a closing fence or a prime).
    private static func isOperator(_ node: MathNode) -> Bool {
        if case .op(let symbol, _) = node { ![")", "]", "}", "|", "‖", "⟩", "⌋", "⌉", "′", "!"].contains(symbol) } else { false }
    }

    private static func isSimple(_ node: MathNode) -> Bool {
        switch node {
        case .identifier, .number: true
        default: false
        }
    }

    private static func grouped(_ node: MathNode, style: StyledText.Style, to text: inout StyledText) {
        let simple: Bool
        switch node {
        case .identifier, .number, .root, .scripts: simple = true
        default: simple = false
        }
        if !simple { text.append("(", style: style) }
        append(node, style: style, to: &text)
        if !simple { text.append(")", style: style) }
    }
}

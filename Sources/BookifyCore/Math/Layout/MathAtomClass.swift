/// What part a node plays in a row of math, which decides the space around it (TeX's atom
/// types: The TeXbook, chapter 18 and appendix G).
enum MathAtomClass: Int {
    case ordinary, largeOperator, binary, relation, opening, closing, punctuation, inner

    /// The class of a node met in a row.
    init(of node: MathNode) {
        switch node {
        case .identifier(let name, _): self = name.count > 1 ? .largeOperator : .ordinary  // sin, log: as TeX's \sin
        case .number, .text, .space, .error, .root, .table: self = .ordinary
        case .op(let symbol, let form):
            if form.largeOperator { self = .largeOperator }
            else if Self.relations.contains(symbol) { self = .relation }
            else if Self.binaries.contains(symbol) { self = .binary }
            else if Self.openings.contains(symbol) { self = .opening }
            else if Self.closings.contains(symbol) { self = .closing }
            else if symbol == "," || symbol == ";" { self = .punctuation }
            else { self = .ordinary }
        case .scripts(let base, _, _): self = MathAtomClass(of: base)
        case .limits(let base, _, _, let accent): self = accent ? .ordinary : MathAtomClass(of: base)
        case .fraction: self = .inner
        case .style(let child, _): self = MathAtomClass(of: child)
        case .row(let nodes):
            if let first = nodes.first, let last = nodes.last, nodes.count > 1,
               MathAtomClass(of: first) == .opening, MathAtomClass(of: last) == .closing { self = .inner } else { self = .ordinary }
        }
    }

    /// The space TeX puts between an atom of class `left` and one of class `right`, in mu
    /// (eighteenths of an em); in script styles only the thin space around large operators.
    static func space(between left: MathAtomClass, and right: MathAtomClass, inScript: Bool) -> Double {
        let entry = table[left.rawValue][right.rawValue]
        if entry > 0 { return Double(entry) }
        return inScript ? 0 : Double(-entry)
    }

    /// TeX's table: 3 thin, 4 medium, 5 thick; negative where script styles leave it out.
    private static let table: [[Int]] = [
        // ord op  bin rel open close punct inner
        [0, 3, -4, -5, 0, 0, 0, -3],        // ordinary
        [3, 3, 0, -5, 0, 0, 0, -3],         // large operator
        [-4, -4, 0, 0, -4, 0, 0, -4],       // binary
        [-5, -5, 0, 0, -5, 0, 0, -5],       // relation
        [0, 0, 0, 0, 0, 0, 0, 0],           // opening
        [0, 3, -4, -5, 0, 0, 0, -3],        // closing
        [-3, -3, 0, -3, -3, -3, -3, -3],    // punctuation
        [-3, 3, -4, -5, -3, 0, -3, -3],     // inner
    ]

    static let relations: Set<String> = [
        "=", "<", ">", "≤", "≥", "≠", "≈", "≡", "∼", "≃", "≅", "∝", "→", "←", "↔", "⇒", "⇐", "⇔", "⟹", "⟸", "⟺", "⟶", "⟵",
        "↦", "⟼", "∈", "∉", "∋", "⊂", "⊃", "⊆", "⊇", "⊊", "⊋", "≪", "≫", "∣", "∤", "∥", "⊥", "≺", "≻", "⪯", "⪰", "⊢", "⊨",
        "≔", ":", "↑", "↓", "⇑", "⇓", "↪", "↩", "≐", "≜", "≲", "≳", "≍", "⊏", "⊐", "⊑", "⊒", "⋈", "⊣", "∌", "≮", "≯",
    ]

    static let binaries: Set<String> = [
        "+", "−", "-", "×", "⋅", "·", "±", "∓", "÷", "∪", "∩", "∧", "∨", "⊕", "⊗", "⊖", "⊙", "∘", "∗", "⋆", "†", "‡",
        "∖", "⊎", "⊓", "⊔", "⊘", "⋄", "≀", "⨿", "⊲", "⊳", "⋉", "⋊", "△", "▽", "◃", "▹", "∔",
    ]

    static let openings: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈", "⟦", "⌜", "⌞", "⦃"]
    static let closings: Set<String> = [")", "]", "}", "⟩", "⌋", "⌉", "⟧", "⌝", "⌟", "⦄", "!"]
}

extension MathLayout {
    /// A row: its atoms side by side, spaced by class (a binary operator with nothing to its
    /// left is a sign, and set as an ordinary atom); fences that stretch grow to cover the rest.
    func row(_ nodes: [MathNode], style: Style) -> MathBox {
        rowPieces(nodes, style: style, breakingAfter: [])[0]
    }

    /// A formula in pieces a line may break between, as TeX breaks inline math: after each
    /// relation and binary operator of its outer row (the operator ends a line). The space
    /// after such an operator is left out, for the text's space that `StyledText` puts between
    /// the pieces: a line may stretch it, as TeX stretches math spaces. A display formula, or
    /// one with no such operator, is one piece.
    func pieces(of formula: MathFormula) -> [MathBox] {
        let breaks = Self.breakPoints(of: formula)
        guard !breaks.isEmpty, case .row(let nodes) = formula.root else { return [layOut(formula)] }
        return rowPieces(nodes, style: .text, breakingAfter: breaks)
    }

    /// The children of an inline formula's outer row that a line may break after.
    static func breakPoints(of formula: MathFormula) -> Set<Int> {
        guard !formula.display, case .row(let nodes) = formula.root else { return [] }
        let classes = classes(of: nodes)
        return Set(nodes.indices.dropLast().filter { [.relation, .binary].contains(classes[$0]) })
    }

    /// The row set as one line, cut into a piece after each child in `breaks`, without the
    /// space that follows the cut.
    private func rowPieces(_ nodes: [MathNode], style: Style, breakingAfter breaks: Set<Int>) -> [MathBox] {
        let classes = Self.classes(of: nodes)
        var boxes = nodes.map { isStretchyFence($0) ? nil : layOut($0, style: style) }
        if boxes.contains(where: { $0 == nil }) {
            let axis = axis(style)
            let reach = boxes.compactMap { $0 }.map { max($0.ascent - axis, $0.descent + axis) }.max() ?? 0
            for index in nodes.indices where boxes[index] == nil {
                guard case .op(let symbol, _) = nodes[index] else { continue }
                boxes[index] = fence(symbol, covering: 2 * reach, style: style)
            }
        }
        var pieces: [MathBox] = []
        var piece = MathBox()
        var start = 0.0, x = 0.0
        var previous: MathAtomClass?
        let mu = size(style) / 18
        for (index, child) in boxes.enumerated() {
            guard let child else { continue }
            if case .space = nodes[index] {
                x += child.width
                continue
            }
            let beforeSpace = x
            if let previous { x += MathAtomClass.space(between: previous, and: classes[index], inScript: style.isScript) * mu }
            if index > 0, breaks.contains(index - 1) {
                piece.width = beforeSpace - start
                pieces.append(piece)
                piece = MathBox()
                start = x
            }
            piece.place(child, x: x - start, y: 0)
            x += child.width
            piece.italicCorrection = child.italicCorrection
            previous = classes[index]
        }
        piece.width = x - start
        if nodes.count == 1 { piece.topAccent = boxes[0]?.topAccent }
        pieces.append(piece)
        return pieces
    }

    /// The atom classes of a row's nodes, binary operators that have no operand before or
    /// after them made ordinary (TeX's rules 5 and 6: −x, a sign).
    static func classes(of nodes: [MathNode]) -> [MathAtomClass] {
        var classes = nodes.map(MathAtomClass.init(of:))
        var previous: Int?
        for index in classes.indices {
            if case .space = nodes[index] { continue }
            if classes[index] == .binary {
                let before = previous.map { classes[$0] }
                if before == nil || [.binary, .largeOperator, .relation, .opening, .punctuation].contains(before!) {
                    classes[index] = .ordinary
                }
            }
            if [.relation, .closing, .punctuation].contains(classes[index]), let before = previous, classes[before] == .binary {
                classes[before] = .ordinary
            }
            previous = index
        }
        if let last = previous, classes[last] == .binary { classes[last] = .ordinary }
        return classes
    }

    /// A fence that grows: one marked so, or (as MathML's operator dictionary has it) a fence
    /// left unmarked, which only MathML from a post can be (TeX marks its plain fences fixed).
    private func isStretchyFence(_ node: MathNode) -> Bool {
        guard case .op(let symbol, let form) = node else { return false }
        return form.stretchy ?? (symbol != "!" && (MathAtomClass.openings.contains(symbol) || MathAtomClass.closings.contains(symbol)
            || symbol == "|" || symbol == "‖"))
    }

    /// A fence (parenthesis, bracket, bar) at least as tall as TeX wants for content reaching
    /// `height` around the axis (90% of it, or all but half an em), centred on the axis; an
    /// empty fence (`\left.`) is a little space.
    func fence(_ symbol: String, covering height: Double, style: Style) -> MathBox {
        guard let scalar = symbol.unicodeScalars.first, let base = font.glyph(for: scalar) else {
            return MathBox(width: symbol.isEmpty ? 0.12 * size(style) : 0, ascent: 0, descent: 0)
        }
        let wanted = max(height * 0.901, height - 0.5 * size(style))
        return centredOnAxis(stretched(base, standingFor: symbol, to: wanted, vertical: true, style: style), style: style)
    }

    /// A glyph at least `length` long along the direction: the first variant long enough,
    /// else built from the font's parts, else the largest variant there is.
    func stretched(_ base: UInt32, standingFor text: String, to length: Double, vertical: Bool, style: Style) -> MathBox {
        let points = size(style)
        let variants = font.variants(of: base, vertical: vertical)
        if let fitting = variants.first(where: { $0.size * points >= length }) {
            return glyph(fitting.glyph, style: style, standingFor: fitting.glyph == base ? nil : text)
        }
        let parts = font.assembly(of: base, vertical: vertical)
        guard !parts.isEmpty else { return glyph(variants.last?.glyph ?? base, style: style, standingFor: text) }
        return assembled(parts, standingFor: text, to: length, vertical: vertical, style: style)
    }

    /// A glyph built from parts: the extenders repeated until the whole is long enough, each
    /// part overlapping the one before by the font's least overlap.
    private func assembled(_ parts: [MathGlyphPart], standingFor text: String, to length: Double, vertical: Bool,
                           style: Style) -> MathBox {
        let points = size(style)
        let overlap = font.minimumConnectorOverlap(vertical: vertical) * points
        var repeats = 0
        var pieces: [MathGlyphPart] = []
        repeat {
            pieces = parts.flatMap { $0.isExtender ? Array(repeating: $0, count: repeats) : [$0] }
            repeats += 1
        } while repeats < 200 && pieces.reduce(0, { $0 + $1.fullAdvance * points }) - Double(max(pieces.count - 1, 0)) * overlap < length
        var box = MathBox()
        var offset = 0.0
        for (index, piece) in pieces.enumerated() {
            let part = glyph(piece.glyph, style: style, standingFor: index == 0 ? text : "")
            if vertical {
                // Bottom up: the part's ink starts where the one below it ends (less the overlap).
                box.place(part, x: 0, y: -(offset + part.descent))
                box.width = max(box.width, part.width)
            } else {
                box.place(part, x: offset, y: 0)
            }
            offset += piece.fullAdvance * points - overlap
        }
        if !vertical { box.width = offset + overlap }
        return box
    }
}

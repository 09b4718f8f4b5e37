extension MathLayout {
    /// A row: its atoms side by side, spaced by class (a binary operator with nothing to its
    /// left is a sign, and set as an ordinary atom); fences that stretch grow to cover the rest.
    func row(_ nodes: [MathNode], style: Style) -> MathBox {
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
        var box = MathBox()
        var x = 0.0
        var previous: MathAtomClass?
        let mu = size(style) / 18
        for (index, child) in boxes.enumerated() {
            guard let child else { continue }
            if case .space = nodes[index] {
                x += child.width
                continue
            }
            if let previous { x += MathAtomClass.space(between: previous, and: classes[index], inScript: style.isScript) * mu }
            box.place(child, x: x, y: 0)
            x += child.width
            box.italicCorrection = child.italicCorrection
            previous = classes[index]
        }
        box.width = x
        if nodes.count == 1, let only = boxes[0] { box.topAccent = only.topAccent }
        return box
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

    private func isStretchyFence(_ node: MathNode) -> Bool {
        if case .op(_, let form) = node, form.stretchy == true { true } else { false }
    }

    /// A fence (parenthesis, bracket, bar) at least as tall as TeX wants for content reaching
    /// `height` around the axis (90% of it, or all but half an em), centred on the axis; an
    /// empty fence (`\left.`) is a little space.
    func fence(_ symbol: String, covering height: Double, style: Style) -> MathBox {
        guard let scalar = symbol.unicodeScalars.first, let base = font.glyph(for: scalar) else {
            return MathBox(width: symbol.isEmpty ? 0.12 * size(style) : 0, ascent: 0, descent: 0)
        }
        let wanted = max(height * 0.901, height - 0.5 * size(style))
        return centredOnAxis(stretched(base, to: wanted, vertical: true, style: style), style: style)
    }

    /// A glyph at least `length` long along the direction: the first variant long enough,
    /// else built from the font's parts, else the largest variant there is.
    func stretched(_ base: UInt32, to length: Double, vertical: Bool, style: Style) -> MathBox {
        let points = size(style)
        let variants = font.variants(of: base, vertical: vertical)
        if let fitting = variants.first(where: { $0.size * points >= length }) { return glyph(fitting.glyph, style: style) }
        let parts = font.assembly(of: base, vertical: vertical)
        guard !parts.isEmpty else { return glyph(variants.last?.glyph ?? base, style: style) }
        return assembled(parts, to: length, vertical: vertical, style: style)
    }

    /// A glyph built from parts: the extenders repeated until the whole is long enough, each
    /// part overlapping the one before by the font's least overlap.
    private func assembled(_ parts: [MathGlyphPart], to length: Double, vertical: Bool, style: Style) -> MathBox {
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
        for piece in pieces {
            let part = glyph(piece.glyph, style: style)
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

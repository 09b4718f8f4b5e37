import CPangoCairo

extension TextLayout {
    /// Sets the text's formulas with the math face that goes with the text's (each formula at
    /// the size of its run), a display formula wider than the measure made smaller to fit, down
    /// to half its size.
    func typesetFormulas(options: Options) {
        var typeset: [Int: MathBox] = [:]
        var known: [MathFormula: [MathBox]] = [:]
        for run in text.runs {
            guard let piece = run.style.formula else { continue }
            if mathFont == nil { mathFont = MathFont.companion(of: family, typesetter: typesetter) }
            guard let mathFont else { break }
            let formula = piece.formula
            let pieces = known[formula] ?? {
                let size = options.font.size * run.style.scale
                let pieces = layout(font: mathFont, size: size).pieces(of: formula)
                guard formula.display, options.width > 0, let box = pieces.first, box.width > options.width else { return pieces }
                return layout(font: mathFont, size: size * max(0.5, options.width / box.width)).pieces(of: formula)
            }()
            known[formula] = pieces
            guard pieces.indices.contains(piece.index) else { continue }
            // The run may have gained a line separator before its object character.
            let object = StyledText.objectReplacement
            for offset in run.range where offset + object.count <= text.bytes.count
                && text.bytes[offset..<(offset + object.count)].elementsEqual(object) {
                typeset[offset] = pieces[piece.index]
            }
        }
        formulas = typeset
    }

    private func layout(font: MathFont, size: Double) -> MathLayout {
        MathLayout(font: font, size: size, textFamily: family, typesetter: typesetter)
    }

    /// Paints the formulas on line `index` where the line left room for them.
    func drawFormulas(onLine index: Int, x: Double, y: Double, canvas: PDFCanvas) {
        guard let mathFont, !formulas.isEmpty else { return }
        let line = lines[index]
        for (offset, box) in formulas(onLine: index) {
            var position: Int32 = 0
            graphics.pango_layout_line_index_to_x(line.pointer, Int32(offset), 0, &position)
            canvas.drawMath(box, x: x + line.x + Double(position) / Double(PANGO_SCALE), baseline: y + line.baseline,
                            mathFamily: mathFont.family, textFamily: family)
        }
    }

    /// The formulas on line `index`, by the byte offset of each.
    func formulas(onLine index: Int) -> [(offset: Int, box: MathBox)] {
        let start = Int(lines[index].pointer.pointee.start_index)
        let end = start + Int(lines[index].pointer.pointee.length)
        return formulas.filter { (start..<end).contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension MathLayout {
    /// The math typesetter at `size`, which sets what the math font lacks in `textFamily`.
    init(font: MathFont, size: Double, textFamily: String, typesetter: Typesetter) {
        self.init(font: font, size: size) { string, size in
            let layout = TextLayout(StyledText.plain(string), options: .init(font: PDFStyle.Font(family: textFamily, size: size), width: 0),
                                    typesetter: typesetter)
            guard let line = layout.lines.first else { return (0, 0, 0) }
            return (layout.widestLine, line.ascent, line.height - line.ascent)
        }
    }
}

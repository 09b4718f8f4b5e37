/// A formula as presentation MathML for an EPUB page: `<math>` with the TeX as its `alttext`,
/// `display="block"` for display math. Only the elements and attributes that `MathNode` has
/// are written, so nothing a post carried in its own MathML gets through. The TeX is not also
/// written as an `annotation`: a reading system without MathML (MuPDF) shows an annotation's
/// text, raw TeX beside the formula.
enum MathMLWriter {
    static func write(_ formula: MathFormula, to output: inout XHTMLOutput) {
        output += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
        if formula.display { output += " display=\"block\"" }
        if !formula.source.isEmpty {
            output += " alttext=\""
            output.escaped(formula.source, quotes: true)
            output += "\""
        }
        output += ">"
        write(formula.root, to: &output)
        output += "</math>"
    }

    /// One node, written where one child is wanted (a script's place, a fraction's part).
    private static func write(_ node: MathNode, to output: inout XHTMLOutput) {
        switch node {
        case .identifier(let text, let upright):
            leaf("mi", text, attributes: upright && text.count == 1 ? " mathvariant=\"normal\"" : "", to: &output)
        case .number(let digits): leaf("mn", digits, to: &output)
        case .op(let symbol, let form):
            var attributes = ""
            if let stretchy = form.stretchy { attributes += " stretchy=\"\(stretchy)\"" }
            if form.largeOperator { attributes += " largeop=\"true\"" }
            if form.movableLimits { attributes += " movablelimits=\"true\"" }
            leaf("mo", symbol, attributes: attributes, to: &output)
        case .text(let text): leaf("mtext", text, to: &output)
        case .space(let width):
            output.append("<mspace width=\"\(format(width))em\"/>")
        case .row(let nodes):
            output += "<mrow>"
            for child in nodes { write(child, to: &output) }
            output += "</mrow>"
        case .fraction(let top, let bottom, let rule):
            element(rule ? "mfrac" : "mfrac linethickness=\"0\"", closing: "mfrac", [top, bottom], to: &output)
        case .root(let base, let index):
            if let index { element("mroot", [base, index], to: &output) } else { element("msqrt", [base], to: &output) }
        case .scripts(let base, let sub, let sup):
            let name = sub != nil && sup != nil ? "msubsup" : sub != nil ? "msub" : "msup"
            element(name, [base] + [sub, sup].compactMap { $0 }, to: &output)
        case .limits(let base, let under, let over, let accent):
            let name = under != nil && over != nil ? "munderover" : under != nil ? "munder" : "mover"
            let opening = accent && over != nil ? name + " accent=\"true\"" : name
            element(opening, closing: name, [base] + [under, over].compactMap { $0 }, to: &output)
        case .table(let rows, let alignments):
            output += "<mtable"
            if alignments != [.center] { output.append(" columnalign=\"" + alignments.map(\.rawValue).joined(separator: " ") + "\"") }
            output += ">"
            for row in rows {
                output += "<mtr>"
                for cell in row { element("mtd", [cell], to: &output) }
                output += "</mtr>"
            }
            output += "</mtable>"
        case .style(let child, let display):
            element("mstyle displaystyle=\"\(display)\"", closing: "mstyle", [child], to: &output)
        case .error(let source):
            output += "<merror>"
            leaf("mtext", source, to: &output)
            output += "</merror>"
        }
    }

    private static func leaf(_ name: String, _ text: String, attributes: String = "", to output: inout XHTMLOutput) {
        output.append("<\(name)\(attributes)>")
        output.escaped(XMLText.withoutForbiddenCharacters(text))
        output.append("</\(name)>")
    }

    /// An element whose children each take one place (a row where several nodes would go).
    private static func element(_ opening: String, closing: String? = nil, _ children: [MathNode], to output: inout XHTMLOutput) {
        output.append("<\(opening)>")
        for child in children { write(child, to: &output) }
        output.append("</\(closing ?? opening)>")
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

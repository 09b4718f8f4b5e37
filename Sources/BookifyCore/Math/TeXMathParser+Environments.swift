/// `\begin{…}` environments: matrices with their fences, cases, and the aligned and gathered
/// displays of amsmath.
extension TeXMathParser {
    mutating func environment(_ name: String) throws(Failure) -> MathNode {
        let fences: [String: (String?, String?)] = [
            "matrix": (nil, nil), "smallmatrix": (nil, nil), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
            "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"), "cases": ("{", nil),
            "dcases": ("{", nil), "rcases": (nil, "}"),
        ]
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        if base == "array" || base == "subarray" { _ = try reader.braced() }
        let rows = try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.parseGrid(closing: name) }
        switch base {
        case _ where fences[base] != nil:
            let (open, close) = fences[base]!
            let isCases = base.hasSuffix("cases")
            let table = MathNode.table(rows, alignments: isCases ? [.left] : [.center])
            let fence = { (symbol: String?) -> [MathNode] in symbol.map { [.op($0, MathOperator(stretchy: true))] } ?? [] }
            return open == nil && close == nil ? table : .row(fence(open) + [table] + fence(close))
        case "aligned", "align", "alignat", "alignedat", "split", "eqnarray", "flalign":
            return .style(.table(rows, alignments: [.right, .left]), display: true)
        case "gather", "gathered", "multline", "equation", "array", "subarray", "CD":
            return .style(rows.count == 1 && rows[0].count == 1 ? rows[0][0] : .table(rows), display: true)
        default:
            return unknown("begin{\(name)}").node
        }
    }
}

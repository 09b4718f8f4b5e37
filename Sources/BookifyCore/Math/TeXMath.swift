/// A formula written in TeX, as the book keeps it.
enum TeXMath {
    /// The formula for `tex` (delimiters already taken off): its tree, its source, and what
    /// could not be read of it.
    static func formula(_ tex: String, display: Bool) -> MathFormula {
        let source = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        let (root, problems) = TeXMathParser.parse(source)
        return MathFormula(root: root, source: source, display: display, problems: problems)
    }
}

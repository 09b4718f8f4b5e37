/// Math in a post's HTML, in the forms blogs publish it: pandoc's `<span class="math
/// inline|display">` (and bookify's own, from Markdown), MathJax's `<script type="math/tex">`,
/// KaTeX's output (its TeX annotation is read; the HTML copy it draws is dropped), and MathML
/// as it stands.
enum HTMLMath {
    /// The formula `element` is, or `nil` when it is no math.
    static func formula(_ element: HTMLElement) -> MathFormula? {
        let classes = Set((element["class"] ?? "").split(separator: " ").map(String.init))
        switch element.name {
        case "math":
            return MathMLReader.formula(element)
        case "script":
            guard let type = element["type"]?.lowercased(), type.hasPrefix("math/tex") else { return nil }
            return TeXMath.formula(element.textContent, display: type.contains("mode=display"))
        case "span", "div":
            if classes.contains("katex") || classes.contains("katex-display") {
                let display = classes.contains("katex-display") || element.name == "div"
                if let tex = MathMLReader.annotation(in: element) { return TeXMath.formula(tex, display: display) }
                // No TeX kept: its MathML copy, without the HTML one.
                return firstMath(in: element).map { var formula = MathMLReader.formula($0); formula.display = display; return formula }
            }
            guard classes.contains("math"), classes.contains("inline") || classes.contains("display") else { return nil }
            return TeXMath.formula(withoutDelimiters(element.textContent), display: classes.contains("display"))
        default:
            return nil
        }
    }

    /// pandoc's `--mathjax` HTML keeps `\(…\)` and `\[…\]` inside its spans.
    private static func withoutDelimiters(_ tex: String) -> String {
        let trimmed = tex.trimmed
        for (open, close) in [("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")]
            where trimmed.hasPrefix(open) && trimmed.hasSuffix(close) && trimmed.count >= open.count + close.count {
            return String(trimmed.dropFirst(open.count).dropLast(close.count))
        }
        return trimmed
    }

    private static func firstMath(in element: HTMLElement) -> HTMLElement? {
        for case .element(let child) in element.children {
            if child.name == "math" { return child }
            if let found = firstMath(in: child) { return found }
        }
        return nil
    }
}

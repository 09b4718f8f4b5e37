/// Math that HTML posts write for MathJax to find in their text: `\(…\)` inline, `\[…\]` and
/// `$$…$$` displayed (MathJax's default delimiters; a single `$` is not one, as in MathJax).
/// Runs right after the sanitizer, before typographic punctuation touches the TeX; never in code.
struct MathDelimiters: ContentRewriter {
    static func apply(_ nodes: [ContentNode]) -> [ContentNode] {
        guard nodes.anyNode(where: { if case .text(let text) = $0 { mayHold(text) } else { false } }) else { return nodes }
        var pass = MathDelimiters()
        return pass.rewrite(nodes)
    }

    private static func mayHold(_ text: String) -> Bool {
        text.containsBytes("\\(") || text.containsBytes("\\[") || text.containsBytes("$$")
    }

    mutating func visitElement(_ element: ContentElement) -> [ContentNode] {
        SmartPunctuation.verbatim.contains(element.kind) ? [.element(element)] : [.element(descend(element))]
    }

    mutating func visitText(_ text: String) -> [ContentNode] {
        guard Self.mayHold(text) else { return [.text(text)] }
        var nodes: [ContentNode] = []
        var rest = Substring(text)
        while let (open, close, display) = Self.delimiters.compactMap({ pair -> (Range<Substring.Index>, String, Bool)? in
            rest.range(of: pair.open).map { ($0, pair.close, pair.display) }
        }).min(by: { $0.0.lowerBound < $1.0.lowerBound }),
            let end = rest[open.upperBound...].range(of: close) {
            if open.lowerBound > rest.startIndex { nodes.append(.text(String(rest[..<open.lowerBound]))) }
            nodes.append(.math(TeXMath.formula(String(rest[open.upperBound..<end.lowerBound]), display: display)))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { nodes.append(.text(String(rest))) }
        return nodes
    }

    private static let delimiters: [(open: String, close: String, display: Bool)] = [
        ("\\(", "\\)", false), ("\\[", "\\]", true), ("$$", "$$", true),
    ]
}

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

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        output.append(.element(SmartPunctuation.verbatim.contains(element.kind) ? element : descend(element)))
    }

    mutating func visitText(_ text: String, into output: inout [ContentNode]) {
        guard Self.mayHold(text) else { output.append(.text(text)); return }
        var rest = Substring(text)
        while let (open, close, display) = Self.delimiters.compactMap({ pair -> (Range<Substring.Index>, String, Bool)? in
            rest.range(of: pair.open).map { ($0, pair.close, pair.display) }
        }).min(by: { $0.0.lowerBound < $1.0.lowerBound }),
            let end = rest[open.upperBound...].range(of: close) {
            if open.lowerBound > rest.startIndex { output.append(.text(String(rest[..<open.lowerBound]))) }
            output.append(.math(TeXMath.formula(String(rest[open.upperBound..<end.lowerBound]), display: display)))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { output.append(.text(String(rest))) }
    }

    private static let delimiters: [(open: String, close: String, display: Bool)] = [
        ("\\(", "\\)", false), ("\\[", "\\]", true), ("$$", "$$", true),
    ]
}

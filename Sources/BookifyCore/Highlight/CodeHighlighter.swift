/// Colours code blocks whose language is known: the code of `<pre><code class="language-go">`
/// becomes `CodeToken`s; text diagrams are marked as such. Other code is left as it is.
struct CodeHighlighter: ContentRewriter {
    static func highlight(_ nodes: [ContentNode]) -> [ContentNode] {
        var pass = CodeHighlighter()
        return pass.rewrite(nodes) { $0.element(.pre) != nil }
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        guard element.kind == .pre else { output.append(.element(descend(element))); return }
        output.append(.element(DiagramLayout.mark(Self.highlightBlock(element))))
    }

    private static func highlightBlock(_ pre: ContentElement) -> ContentElement {
        let codeIndex = pre.children.firstIndex { $0.element(.code) != nil }
        let code = codeIndex.flatMap { pre.children[$0].element() }
        guard let grammar = language(of: code) ?? language(of: pre) else { return pre }
        var result = pre
        if let codeIndex, var code {
            code.children = tokens(code.textContent, grammar)
            result.children[codeIndex] = .element(code)
        } else {
            result.children = tokens(pre.textContent, grammar)
        }
        return result
    }

    private static func language(of element: ContentElement?) -> LanguageGrammar? {
        guard let classes = element?.classes, !classes.isEmpty else { return nil }
        return classes.lazy.compactMap { LanguageRegistry.grammar(named: $0) }.first
            .flatMap { grammar in classes.contains { $0.hasPrefix("language-") || $0.hasPrefix("lang-") } ? grammar : nil }
    }

    private static func tokens(_ code: String, _ grammar: LanguageGrammar) -> [ContentNode] {
        Tokenizer.tokenize(code, grammar: grammar).map { token in
            token.kind == nil ? .text(token.text) : .token(token)
        }
    }
}

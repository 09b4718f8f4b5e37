/// Colours code blocks whose language is known: `<pre><code class="language-go">` gets
/// `<span class="tok-KIND">` runs that the stylesheet colours. Other code is left as it is.
enum CodeHighlighter {
    static func highlight(_ nodes: [XHTMLNode]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if element.name == "pre" {
                return .element(DiagramLayout.mark(highlightBlock(element)))
            }
            element.children = highlight(element.children)
            return .element(element)
        }
    }

    private static func highlightBlock(_ pre: XHTMLElement) -> XHTMLElement {
        let codeIndex = pre.children.firstIndex { if case .element(let e) = $0 { return e.name == "code" } else { return false } }
        let code: XHTMLElement? = codeIndex.flatMap { if case .element(let e) = pre.children[$0] { return e } else { return nil } }
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

    private static func language(of element: XHTMLElement?) -> LanguageGrammar? {
        guard let classes = element?["class"]?.split(separator: " ") else { return nil }
        return classes.lazy.compactMap { LanguageRegistry.grammar(named: String($0)) }.first
            .flatMap { grammar in classes.contains { $0.hasPrefix("language-") || $0.hasPrefix("lang-") } ? grammar : nil }
    }

    private static func tokens(_ code: String, _ grammar: LanguageGrammar) -> [XHTMLNode] {
        Tokenizer.tokenize(code, grammar: grammar).map { token in
            guard let kind = token.kind else { return .text(token.text) }
            return .element(XHTMLElement("span", attributes: [XHTMLAttribute("class", kind.cssClass)],
                                         children: [.text(token.text)]))
        }
    }
}

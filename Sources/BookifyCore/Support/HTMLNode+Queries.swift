/// Finding things in a parsed page, and writing a subtree back as HTML: what the site reader
/// needs to discover feeds and take an article out of its page.
extension HTMLElement {
    /// The words of the `class` attribute, lower-cased.
    var classes: [String] {
        (self["class"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The child elements, in order.
    var elementChildren: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every element below this one, depth first in document order, that `matches`.
    func descendants(where matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        visit { element in
            if matches(element) { found.append(element) }
            return true
        }
        return found
    }

    /// The first element below this one, in document order, that `matches`.
    func first(where matches: (HTMLElement) -> Bool) -> HTMLElement? {
        var found: HTMLElement?
        visit { element in
            if found == nil, matches(element) { found = element }
            return found == nil
        }
        return found
    }

    /// The first element named `name` below this one.
    func first(_ name: String) -> HTMLElement? { first { $0.name == name } }

    /// Calls `body` on each element below this one in document order until it returns false.
    /// Trees are at most `HTMLParser.maximumDepth` deep, so recursion is safe.
    @discardableResult
    private func visit(_ body: (HTMLElement) -> Bool) -> Bool {
        for child in elementChildren {
            guard body(child), child.visit(body) else { return false }
        }
        return true
    }

    /// The element written back as HTML (attributes escaped, void elements unclosed).
    var outerHTML: String {
        var html = "<" + name
        for (attribute, value) in attributes { html += " \(attribute)=\"\(XMLText.escape(value, quotes: true))\"" }
        html += ">"
        if HTMLElement.voidNames.contains(name) { return html }
        return html + innerHTML + "</\(name)>"
    }

    /// The children written back as HTML.
    var innerHTML: String {
        children.map { child in
            switch child {
            case .text(let text): return XMLText.escape(text)
            case .element(let element): return element.outerHTML
            }
        }.joined()
    }

    private static let voidNames: Set<String> = ["area", "br", "col", "embed", "hr", "img", "input", "meta", "link", "param", "source", "track", "wbr"]
}

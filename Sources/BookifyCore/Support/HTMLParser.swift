/// Parses HTML as browsers would (libxml2's HTML parser) into `HTMLNode`s.
///
/// The tree is copied as it is, names lower-cased; deciding what may stay is the sanitizer's job.
struct HTMLParser: Sendable {
    /// Void elements never have children, but libxml2 2.9 nests the content that follows some
    /// HTML5 ones (`source`, `track`, `wbr`, `embed`) inside them: it is moved back out (ARCHITECTURE §8).
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr",
    ]

    /// Deeper elements are flattened into their ancestor (their text stays), so hostile nesting
    /// cannot exhaust the stack of the later, recursive stages.
    static let maximumDepth = 200

    /// The children of `<body>` after parsing `html` as a fragment.
    func parseFragment(_ html: String) -> [HTMLNode] {
        let html = String(decoding: MarkupGuard.cappingAttributes(Array(html.utf8)), as: UTF8.self)
        return LibXML2.parseHTMLBody(html, maximumDepth: Self.maximumDepth, text: HTMLNode.text) { element, children, _ in
            Self.node(element, children: children)
        } ?? [.text(html)]
    }

    /// A whole page, head and body, as its `<html>` element; `encoding` is the charset the
    /// server named, if any.
    func parseDocument(_ bytes: [UInt8], encoding: String? = nil) -> HTMLElement {
        let children = LibXML2.parseHTMLDocument(MarkupGuard.cappingAttributes(bytes), encoding: encoding,
                                                 maximumDepth: Self.maximumDepth, text: HTMLNode.text) { element, children, _ in
            Self.node(element, children: children)
        }
        return HTMLElement("html", children: children ?? [])
    }

    private static func node(_ element: LibXML2.Element, children: [HTMLNode]) -> [HTMLNode] {
        let name = element.name.lowercased()
        var attributes: [(name: String, value: String)] = []
        for attribute in element.attributes {
            let attributeName = attribute.name.lowercased()
            if !attributes.contains(where: { $0.name == attributeName }) { attributes.append((attributeName, attribute.value)) }
        }
        if voidElements.contains(name) { return [.element(HTMLElement(name, attributes: attributes))] + children }
        return [.element(HTMLElement(name, attributes: attributes, children: children))]
    }
}

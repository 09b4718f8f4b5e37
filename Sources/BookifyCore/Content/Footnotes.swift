/// Turns cmark-gfm's footnotes into EPUB 3 notes, which reading systems show in a pop-up:
/// references become `epub:type="noteref"` links and each note an `aside epub:type="footnote"`
/// that keeps its back-link.
enum Footnotes {
    static func makeNotes(_ nodes: [XHTMLNode]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if element.name == "section", hasClass(element, "footnotes") {
                element.children = element.children.flatMap(notes(in:))
                return .element(element)
            }
            if element.name == "sup", hasClass(element, "footnote-ref") {
                element.children = element.children.map(noteReference)
                return .element(element)
            }
            element.children = makeNotes(element.children)
            return .element(element)
        }
    }

    private static func noteReference(_ node: XHTMLNode) -> XHTMLNode {
        guard case .element(var link) = node, link.name == "a" else { return node }
        link["epub:type"] = "noteref"
        link["role"] = "doc-noteref"
        return .element(link)
    }

    /// The list of notes as asides, numbered as the list was.
    private static func notes(in node: XHTMLNode) -> [XHTMLNode] {
        guard case .element(let list) = node, list.name == "ol" else { return [node] }
        var number = 0
        return list.children.compactMap { child in
            guard case .element(let item) = child, item.name == "li" else { return nil }
            number += 1
            var aside = XHTMLElement("aside", attributes: [XHTMLAttribute("epub:type", "footnote"),
                                                         XHTMLAttribute("role", "doc-footnote")])
            aside["id"] = item["id"]
            aside["class"] = "footnote"
            let label = XHTMLNode.element(XHTMLElement("span", attributes: [XHTMLAttribute("class", "footnote-label")],
                                                       children: [.text("\(number). ")]))
            var children = item.children
            if let first = children.firstIndex(where: { if case .element(let e) = $0 { return e.name == "p" } else { return false } }),
               case .element(var paragraph) = children[first] {
                paragraph.children.insert(label, at: 0)
                children[first] = .element(paragraph)
            } else {
                children.insert(label, at: 0)
            }
            aside.children = children
            return .element(aside)
        }
    }

    private static func hasClass(_ element: XHTMLElement, _ name: String) -> Bool {
        element["class"]?.split(separator: " ").contains(Substring(name)) == true
    }
}

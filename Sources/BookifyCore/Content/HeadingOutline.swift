/// A heading of a post, for the book's table of contents.
public struct Heading: Sendable, Hashable {
    /// 2 for the post's top-level headings (the post title is level 1).
    public var level: Int
    public var text: String
    /// The heading's id in its document.
    public var id: String
}

/// Places a post's headings below its title: the post's top level becomes `h2`, and every
/// heading gets an id derived from its text.
struct HeadingOutline {
    private static let headingNames = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static func level(of name: String) -> Int? {
        headingNames.firstIndex(of: name).map { $0 + 1 }
    }

    /// Shifts levels so the highest is `h2` and gives id-less headings an id from their text.
    static func normalize(_ nodes: [XHTMLNode]) -> [XHTMLNode] {
        guard let highest = highestLevel(in: nodes) else { return nodes }
        return shift(nodes, by: 2 - highest)
    }

    /// The headings in document order, after ids are final.
    static func headings(in nodes: [XHTMLNode]) -> [Heading] {
        var result: [Heading] = []
        collect(nodes, into: &result)
        return result
    }

    private static func highestLevel(in nodes: [XHTMLNode]) -> Int? {
        nodes.compactMap { node -> Int? in
            guard case .element(let element) = node else { return nil }
            return level(of: element.name) ?? highestLevel(in: element.children)
        }.min()
    }

    private static func shift(_ nodes: [XHTMLNode], by offset: Int) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let level = level(of: element.name) {
                element.name = headingNames[min(6, max(2, level + offset)) - 1]
                if element["id"]?.isEmpty != false { element["id"] = Slug.make(element.textContent, fallback: "section") }
            } else {
                element.children = shift(element.children, by: offset)
            }
            return .element(element)
        }
    }

    private static func collect(_ nodes: [XHTMLNode], into result: inout [Heading]) {
        for case .element(let element) in nodes {
            if let level = level(of: element.name), let id = element["id"] {
                let text = element.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !text.isEmpty { result.append(Heading(level: level, text: text, id: id)) }
            } else {
                collect(element.children, into: &result)
            }
        }
    }
}

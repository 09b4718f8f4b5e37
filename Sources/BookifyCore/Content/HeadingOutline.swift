/// Places a post's headings below its title: the post's top level becomes `h2`, and every
/// heading gets an id derived from its text.
struct HeadingOutline: ContentRewriter {
    private static let headingNames = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// How far every heading moves (`h1` → `h2` is 1).
    let offset: Int

    static func level(of name: String) -> Int? {
        headingNames.firstIndex(of: name).map { $0 + 1 }
    }

    /// Shifts levels so the highest is `h2` and gives id-less headings an id from their text.
    static func normalize(_ nodes: [ContentNode]) -> [ContentNode] {
        let levels = nodes.allElements.compactMap { level(of: $0.name) }
        guard let highest = levels.min() else { return nodes }
        var pass = HeadingOutline(offset: 2 - highest)
        return pass.rewrite(nodes)
    }

    /// The headings in document order, after ids are final.
    static func headings(in nodes: [ContentNode]) -> [Heading] {
        nodes.allElements.compactMap { element in
            guard let level = level(of: element.name), let id = element.id else { return nil }
            let text = element.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return text.isEmpty ? nil : Heading(level: level, text: text, id: id)
        }
    }

    mutating func visitElement(_ element: ContentElement) -> [ContentNode] {
        guard let level = Self.level(of: element.name) else { return [.element(descend(element))] }
        var heading = element
        heading.name = Self.headingNames[min(6, max(2, level + offset)) - 1]
        if heading.id?.isEmpty != false { heading.id = Slug.make(heading.textContent, fallback: "section") }
        return [.element(heading)]
    }
}

/// Places a post's headings below its title: the post's top level becomes `h2`, every heading
/// gets an id derived from its text, and loses the links to itself that blogs add as
/// permalinks (a "#" or "¶" goes; a linked title keeps its text).
struct HeadingOutline: ContentRewriter {
    /// How far every heading moves (`h1` → `h2` is 1).
    let offset: Int

    /// Shifts levels so the highest is `h2` and gives id-less headings an id from their text.
    static func normalize(_ nodes: [ContentNode]) -> [ContentNode] {
        var highest: Int?
        nodes.forEachNode { node in
            if case .element(let element) = node, let level = element.kind.headingLevel { highest = min(level, highest ?? level) }
        }
        guard let highest else { return nodes }
        var pass = HeadingOutline(offset: 2 - highest)
        return pass.rewrite(nodes) { node in node.element()?.kind.headingLevel != nil }
    }

    /// The headings in document order, after ids are final.
    static func headings(in nodes: [ContentNode]) -> [Heading] {
        var headings: [Heading] = []
        nodes.forEachNode { node in
            guard case .element(let element) = node, let level = element.kind.headingLevel, let id = element.id else { return }
            let text = element.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty { headings.append(Heading(level: level, text: text, id: id)) }
        }
        return headings
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        guard let level = element.kind.headingLevel else { output.append(.element(descend(element))); return }
        var heading = element
        heading.kind = .heading(level: max(2, level + offset))
        let ids = Set(([element] + element.children.allElements).compactMap(\.id))
        heading.children = Self.withoutSelfLinks(element.children, to: ids, heading: &heading)
        if heading.id?.isEmpty != false { heading.id = Slug.make(heading.textContent, fallback: "section") }
        output.append(.element(heading))
    }

    /// Permalink marks a heading shows instead of its text.
    private static let permalinkMarks: Set<String> = ["#", "¶", "§", "🔗", "∞", "link", "permalink", "anchor"]

    /// `nodes` with links to the heading (`ids` are its own and its children's) unwrapped, or
    /// dropped when they only show a permalink mark; an id they carried moves to the heading.
    private static func withoutSelfLinks(_ nodes: [ContentNode], to ids: Set<String>, heading: inout ContentElement) -> [ContentNode] {
        nodes.flatMap { node -> [ContentNode] in
            guard case .element(var element) = node else { return [node] }
            element.children = withoutSelfLinks(element.children, to: ids, heading: &heading)
            guard element.kind == .a, case .post(_, let anchor?)? = element.link, ids.contains(anchor) else { return [.element(element)] }
            if heading.id?.isEmpty != false, let id = element.id { heading.id = id }
            let text = element.textContent.trimmed
            return text.isEmpty || permalinkMarks.contains(text.lowercased()) ? [] : element.children
        }
    }
}

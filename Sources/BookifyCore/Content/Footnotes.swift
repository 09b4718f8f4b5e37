/// Turns cmark-gfm's footnotes into the model's notes: each item of the footnote list becomes a
/// `Note` (numbered as the list was, keeping its back-link) and each reference a link with the
/// `noteReference` role. Writers place them: EPUB as pop-up notes, PDF at the foot of the page.
struct Footnotes: ContentRewriter {
    static func makeNotes(_ nodes: [ContentNode]) -> [ContentNode] {
        var pass = Footnotes()
        return pass.rewrite(nodes) { node in
            guard case .element(let element) = node else { return false }
            return element.kind == .section && element.hasClass("footnotes") || element.kind == .sup && element.hasClass("footnote-ref")
        }
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        var element = element
        if element.kind == .section, element.hasClass("footnotes") {
            element.children = element.children.flatMap(Self.notes(in:))
            output.append(.element(element))
            return
        }
        if element.kind == .sup, element.hasClass("footnote-ref") {
            element.children = element.children.map(Self.noteReference)
            output.append(.element(element))
            return
        }
        output.append(.element(descend(element)))
    }

    private static func noteReference(_ node: ContentNode) -> ContentNode {
        guard var link = node.element(.a) else { return node }
        link.role = .noteReference
        return .element(link)
    }

    /// The list of notes as notes, numbered as the list was.
    private static func notes(in node: ContentNode) -> [ContentNode] {
        guard let list = node.element(.ol) else { return [node] }
        return list.children.compactMap { $0.element(.li) }.enumerated().map { index, item in
            .note(Note(id: item.id, number: index + 1, children: item.children.map(textBackLinks)))
        }
    }

    /// The back-link's arrow asked for as text (U+FE0E): iOS otherwise draws it as an emoji.
    private static func textBackLinks(_ node: ContentNode) -> ContentNode {
        switch node {
        case .text(let text) where text.containsBytes("↩") && !text.containsBytes("↩\u{FE0E}"):
            return .text(text.replacingOccurrences(of: "↩", with: "↩\u{FE0E}"))
        case .element(var element):
            element.children = element.children.map(textBackLinks)
            return .element(element)
        default:
            return node
        }
    }
}

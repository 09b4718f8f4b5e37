/// Makes a post's ids valid XML ids, unique across the book (each prefixed with the post's
/// document id), and makes every link to this post follow; a link to an id that does not exist
/// loses its target rather than break the book.
struct IdentifierScope {
    let prefix: String

    /// The id `original` gets in the document `prefix` (before any de-duplication suffix).
    static func scopedID(_ original: String, prefix: String) -> String {
        prefix + "-" + Slug.make(original, fallback: "id", keepCase: true)
    }

    /// The nodes with scoped ids and links, and the fragment links (as written) that led to
    /// no id and lost their target.
    func apply(to nodes: [ContentNode]) -> (nodes: [ContentNode], brokenLinks: [String]) {
        var assigner = Assigner(prefix: prefix)
        let withIDs = assigner.rewrite(nodes) { node in
            switch node {
            case .element(let element): element.id != nil
            case .note(let note): note.id != nil
            default: false
            }
        }
        var linker = Linker(prefix: prefix, renamed: assigner.renamed)
        let linked = linker.rewrite(withIDs) { node in
            guard case .element(let element) = node, case .post(prefix, _?) = element.link else { return false }
            return true
        }
        return (linked, linker.broken)
    }

    /// Gives every id its scoped, unique form, remembering the first for each original.
    private struct Assigner: ContentRewriter {
        let prefix: String
        var renamed: [String: String] = [:]
        var ids = UniqueNames()

        mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
            var element = element
            if let id = element.id { element.id = scoped(id) }
            output.append(.element(descend(element)))
        }

        mutating func visitNote(_ note: Note, into output: inout [ContentNode]) {
            var note = note
            if let id = note.id { note.id = scoped(id) }
            note.children = rewrite(note.children)
            output.append(.note(note))
        }

        private mutating func scoped(_ original: String) -> String {
            let candidate = ids.claim(IdentifierScope.scopedID(original, prefix: prefix))
            if renamed[original] == nil { renamed[original] = candidate }
            return candidate
        }
    }

    /// Points links to this post's ids (as written) at their scoped form.
    private struct Linker: ContentRewriter {
        let prefix: String
        let renamed: [String: String]
        var broken: [String] = []

        mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
            var element = element
            if case .post(prefix, let anchor?) = element.link {
                let target = anchor.removingPercentEncoding ?? anchor
                element.link = renamed[target].map { .post(prefix, anchor: $0) }
                if element.link == nil { broken.append("#" + anchor) }
            }
            output.append(.element(descend(element)))
        }
    }
}

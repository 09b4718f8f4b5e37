/// Makes a post's ids valid XML ids, unique across the book (each prefixed with the post's
/// document id), and makes every fragment link follow; a link to an id that does not exist
/// loses its target rather than break the book.
struct IdentifierScope {
    let prefix: String

    /// The id `original` gets in the document `prefix` (before any de-duplication suffix).
    static func scopedID(_ original: String, prefix: String) -> String {
        prefix + "-" + Slug.make(original, fallback: "id", keepCase: true)
    }

    /// The nodes with scoped ids and links, and the fragment links (as written) that led to
    /// no id and lost their target.
    func apply(to nodes: [XHTMLNode]) -> (nodes: [XHTMLNode], brokenLinks: [String]) {
        var renamed: [String: String] = [:]
        var used: Set<String> = []
        var broken: [String] = []
        let withIDs = assign(nodes, renamed: &renamed, used: &used)
        return (relink(withIDs, renamed: renamed, broken: &broken), broken)
    }

    private func assign(_ nodes: [XHTMLNode], renamed: inout [String: String], used: inout Set<String>) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let original = element["id"] {
                let base = Self.scopedID(original, prefix: prefix)
                var candidate = base
                var counter = 2
                while used.contains(candidate) {
                    candidate = "\(base)-\(counter)"
                    counter += 1
                }
                used.insert(candidate)
                if renamed[original] == nil { renamed[original] = candidate }
                element["id"] = candidate
            }
            element.children = assign(element.children, renamed: &renamed, used: &used)
            return .element(element)
        }
    }

    private func relink(_ nodes: [XHTMLNode], renamed: [String: String], broken: inout [String]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let href = element["href"], href.hasPrefix("#") {
                let target = String(href.dropFirst()).removingPercentEncoding ?? String(href.dropFirst())
                element["href"] = renamed[target].map { "#" + $0 }
                if element["href"] == nil { broken.append(href) }
            }
            element.children = relink(element.children, renamed: renamed, broken: &broken)
            return .element(element)
        }
    }
}

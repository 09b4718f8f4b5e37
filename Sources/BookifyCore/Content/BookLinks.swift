import Foundation

/// Which URLs are posts of this book, so that links to them stay inside the book.
public struct BookLinks: Sendable {
    /// Document ids by post URL key.
    private var documents: [String: String] = [:]

    public init() {}

    /// Records that the post at `url` is the document `documentID`.
    public mutating func add(_ url: URL, documentID: String) {
        documents[Self.key(url)] = documents[Self.key(url)] ?? documentID
    }

    /// The document holding the post at `url`, if the book has it.
    func documentID(for url: URL) -> String? {
        documents[Self.key(url)]
    }

    /// A URL's identity for matching posts: no fragment, query kept, no trailing slash,
    /// scheme and host in lower case, http and https alike.
    public static func key(_ url: URL) -> String {
        var text = url.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        if let host = url.host {
            let scheme = (url.scheme ?? "").lowercased() == "http" ? "https" : (url.scheme ?? "").lowercased()
            if let range = text.range(of: host, options: .caseInsensitive) {
                text = scheme + "://" + host.lowercased() + text[range.upperBound...]
            }
        }
        return text
    }
}

/// Checks, once every post is converted, that links between posts point at ids that exist;
/// a link whose fragment is missing in its target keeps pointing at the target post.
enum CrossReferences {
    static func resolve(_ documents: [PostDocument]) -> [PostDocument] {
        var ids: [String: Set<String>] = [:]
        for document in documents { ids[document.documentID] = collectIDs(document.body) }
        return documents.map { document in
            var fixed = document
            fixed.body = relink(document.body, ids: ids)
            return fixed
        }
    }

    private static func collectIDs(_ nodes: [XHTMLNode]) -> Set<String> {
        var result = Set<String>()
        for case .element(let element) in nodes {
            if let id = element["id"] { result.insert(id) }
            result.formUnion(collectIDs(element.children))
        }
        return result
    }

    private static func relink(_ nodes: [XHTMLNode], ids: [String: Set<String>]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let href = element["href"], let match = href.wholeMatch(of: /([a-z0-9]+)\.xhtml#(.+)/) {
                let target = String(match.output.1)
                if ids[target]?.contains(String(match.output.2)) != true { element["href"] = target + ".xhtml" }
            }
            element.children = relink(element.children, ids: ids)
            return .element(element)
        }
    }
}

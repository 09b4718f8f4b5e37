import Foundation

/// Which URLs are posts of this book, so that links to them stay inside the book.
public struct BookLinks: Sendable {
    /// Document ids by post URL key.
    private var documents: [String: String] = [:]
    /// Document ids by post URL key with its fragment, for posts that share a page (a
    /// linkblog's day page, `26.html#a010633`).
    private var documentsByFragment: [String: String] = [:]

    public init() {}

    /// Records that the post at `url` is the document `documentID`.
    public mutating func add(_ url: URL, documentID: String) {
        documents[Self.key(url)] = documents[Self.key(url)] ?? documentID
        if let fragment = url.fragment, !fragment.isEmpty {
            documentsByFragment[Self.key(url) + "#" + fragment] = documentID
        }
    }

    /// The document holding the post at `url`, if the book has it, and whether the URL's
    /// fragment named that post itself (rather than a section inside it).
    func document(for url: URL) -> (id: String, isPost: Bool)? {
        if let fragment = url.fragment, let id = documentsByFragment[Self.key(url) + "#" + fragment] { return (id, true) }
        return documents[Self.key(url)].map { ($0, false) }
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
        let titles = Dictionary(documents.map { ($0.documentID, $0.post.title) }, uniquingKeysWith: { first, _ in first })
        return documents.map { document in
            var fixed = document
            var missing: [(document: String, fragment: String)] = []
            fixed.body = relink(document.body, ids: ids, missing: &missing)
            fixed.brokenLinks += missing.map { "\"\(titles[$0.document] ?? $0.document)\"#\($0.fragment)" }
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

    /// `missing` collects the sections links wanted and did not find, by document.
    private static func relink(_ nodes: [XHTMLNode], ids: [String: Set<String>],
                               missing: inout [(document: String, fragment: String)]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if let href = element["href"], let match = href.wholeMatch(of: /([a-z0-9]+)\.xhtml#(.+)/) {
                let target = String(match.output.1)
                if ids[target]?.contains(String(match.output.2)) != true {
                    element["href"] = target + ".xhtml"
                    let fragment = String(match.output.2)
                    let prefix = target + "-"
                    missing.append((target, fragment.hasPrefix(prefix) ? String(fragment.dropFirst(prefix.count)) : fragment))
                }
            }
            element.children = relink(element.children, ids: ids, missing: &missing)
            return .element(element)
        }
    }
}

import Foundation

/// Which URLs are posts of this book, so that links to them stay inside the book.
struct BookLinks: Sendable {
    /// Document ids by post URL key.
    private var documents: [String: String] = [:]
    /// Document ids by post URL key with its fragment, for posts that share a page (a
    /// linkblog's day page, `26.html#a010633`).
    private var documentsByFragment: [String: String] = [:]

    init() {}

    /// Records that the post at `url` is the document `documentID`.
    mutating func add(_ url: URL, documentID: String) {
        documents[url.postIdentity] = documents[url.postIdentity] ?? documentID
        if let fragment = url.fragment, !fragment.isEmpty {
            documentsByFragment[url.postIdentity + "#" + fragment] = documentID
        }
    }

    /// The document holding the post at `url`, if the book has it, and whether the URL's
    /// fragment named that post itself (rather than a section inside it).
    func document(for url: URL) -> (id: String, isPost: Bool)? {
        if let fragment = url.fragment, let id = documentsByFragment[url.postIdentity + "#" + fragment] { return (id, true) }
        return documents[url.postIdentity].map { ($0, false) }
    }
}

/// Checks, once every post is converted, that links between posts point at ids that exist;
/// a link whose fragment is missing in its target keeps pointing at the target post.
struct CrossReferences: ContentRewriter {
    /// The ids of every post, by document id.
    let ids: [String: Set<String>]
    /// The post being relinked.
    let documentID: String
    /// The sections links wanted and did not find, by target document.
    var missing: [(document: String, fragment: String)] = []

    /// `documents` with their links checked, on every core. Only the posts that links from
    /// other posts point into, at a section, have their ids gathered, and only posts with such
    /// links are gone through again: most posts have neither.
    static func resolve(_ documents: [PostDocument]) -> [PostDocument] {
        let targets = documents.concurrentMap { sectionLinkTargets(of: $0) }
        let wanted = Set(targets.joined())
        guard !wanted.isEmpty else { return documents }
        let idSets = documents.concurrentMap { wanted.contains($0.documentID) ? Set($0.body.allIDs) : [] }
        let ids = Dictionary(zip(documents.map(\.documentID), idSets), uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(documents.map { ($0.documentID, $0.post.title) }, uniquingKeysWith: { first, _ in first })
        return Array(zip(documents, targets)).concurrentMap { document, targets in
            guard !targets.isEmpty else { return document }
            var pass = CrossReferences(ids: ids, documentID: document.documentID)
            var fixed = document
            fixed.body = pass.rewrite(document.body) { node in
                if case .element(let element) = node, case .post(_, _?) = element.link { true } else { false }
            }
            fixed.brokenLinks += pass.missing.map { "\"\(titles[$0.document] ?? $0.document)\"#\($0.fragment)" }
            return fixed
        }
    }

    /// The other posts `document` links into at a section.
    private static func sectionLinkTargets(of document: PostDocument) -> Set<String> {
        var targets = Set<String>()
        document.body.forEachNode { node in
            if case .element(let element) = node, case .post(let target, _?) = element.link, target != document.documentID {
                targets.insert(target)
            }
        }
        return targets
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        var element = element
        if case .post(let target, let fragment?) = element.link, target != documentID, ids[target]?.contains(fragment) != true {
            element.link = .post(target, anchor: nil)
            let prefix = target + "-"
            missing.append((target, fragment.hasPrefix(prefix) ? String(fragment.dropFirst(prefix.count)) : fragment))
        }
        output.append(.element(descend(element)))
    }
}

/// Splits posts too long for e-readers into several files (DESIGN §5: Adobe's engine and old
/// Kobos choke on XHTML documents over ~260 KB), at a heading where it can, and points every
/// link and table-of-contents entry at the part that now holds its target.
struct LongPostSplitter {
    /// The most a post's body may serialize to in one file; the page around it adds a few KB.
    var maximumBodyBytes = 200_000

    /// A post as it goes into the book: its parts, the first holding the post's header.
    struct SplitPost {
        var document: PostDocument
        var parts: [[XHTMLNode]]
        /// The part each id of the post is in.
        var partOfID: [String: Int]

        /// The part's file name, relative to the text folder: `p001.xhtml`, `p001-2.xhtml`, …
        func fileName(part: Int) -> String {
            part == 0 ? document.documentID + ".xhtml" : "\(document.documentID)-\(part + 1).xhtml"
        }

        /// The file that holds `id` (the first part when no part does).
        func fileName(holding id: String) -> String {
            fileName(part: partOfID[id] ?? 0)
        }
    }

    func split(_ documents: [PostDocument]) -> [SplitPost] {
        let posts = documents.map { document -> SplitPost in
            let parts = parts(of: document.body)
            var partOfID: [String: Int] = [:]
            for (index, part) in parts.enumerated() {
                for id in Self.ids(in: part) { partOfID[id] = partOfID[id] ?? index }
            }
            return SplitPost(document: document, parts: parts, partOfID: partOfID)
        }
        guard posts.contains(where: { $0.parts.count > 1 }) else { return posts }
        let byID = Dictionary(posts.map { ($0.document.documentID, $0) }, uniquingKeysWith: { first, _ in first })
        return posts.map { post in
            var relinked = post
            relinked.parts = post.parts.enumerated().map { index, part in
                Self.relink(part, in: post, part: index, posts: byID)
            }
            return relinked
        }
    }

    /// The body cut into parts under the size limit: before the last heading that fits, else
    /// between any two top-level blocks. A single block larger than the limit stays whole.
    private func parts(of body: [XHTMLNode]) -> [[XHTMLNode]] {
        let sizes = body.map { XHTMLSerializer.serialize([$0]).utf8.count }
        guard sizes.reduce(0, +) > maximumBodyBytes else { return [body] }
        var parts: [[XHTMLNode]] = []
        var current: [XHTMLNode] = []
        var currentSize = 0
        for (node, size) in zip(body, sizes) {
            if currentSize + size > maximumBodyBytes, !current.isEmpty {
                let cut = current.lastIndex(where: Self.isHeading).flatMap { $0 > 0 ? $0 : nil } ?? current.count
                parts.append(Array(current[..<cut]))
                current = Array(current[cut...])
                currentSize = current.reduce(0) { $0 + XHTMLSerializer.serialize([$1]).utf8.count }
            }
            current.append(node)
            currentSize += size
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    private static func isHeading(_ node: XHTMLNode) -> Bool {
        guard case .element(let element) = node else { return false }
        return ["h2", "h3", "h4", "h5", "h6"].contains(element.name)
    }

    private static func ids(in nodes: [XHTMLNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            guard case .element(let element) = node else { return [] }
            return (element["id"].map { [$0] } ?? []) + ids(in: element.children)
        }
    }

    /// Links to a fragment that moved to another part (of this post or of another split post)
    /// now name that part's file.
    private static func relink(_ nodes: [XHTMLNode], in post: SplitPost, part: Int, posts: [String: SplitPost]) -> [XHTMLNode] {
        nodes.map { node in
            guard case .element(var element) = node else { return node }
            if element.name == "a", let href = element["href"] {
                if href.hasPrefix("#"), let target = post.partOfID[String(href.dropFirst())], target != part {
                    element["href"] = post.fileName(part: target) + href
                } else if let match = href.wholeMatch(of: /([a-z0-9]+)\.xhtml#(.+)/),
                          let other = posts[String(match.output.1)], other.parts.count > 1 {
                    element["href"] = other.fileName(holding: String(match.output.2)) + "#" + match.output.2
                }
            }
            element.children = relink(element.children, in: post, part: part, posts: posts)
            return .element(element)
        }
    }
}

/// Splits posts too long for e-readers into several files (ARCHITECTURE §5: Adobe's engine and old
/// Kobos choke on XHTML documents over ~260 KB), at a heading where it can. Links and
/// table-of-contents entries find the part holding their target through `SplitPost`.
struct LongPostSplitter {
    /// The most a post's body may serialize to in one file; the page around it adds a few KB.
    var maximumBodyBytes = 200_000

    /// A post as it goes into the book: its parts, the first holding the post's header.
    struct SplitPost: Sendable {
        var document: PostDocument
        var parts: [[ContentNode]]
        /// The part each id of the post is in.
        var partOfID: [String: Int]

        /// The part's file name, relative to the text folder: `p001.xhtml`, `p001-2.xhtml`, …
        func fileName(part: Int) -> String {
            part == 0 ? document.documentID + ".xhtml" : "\(document.documentID)-\(part + 1).xhtml"
        }

        /// The part that holds `id` (the first when none does).
        func part(holding id: String) -> Int {
            partOfID[id] ?? 0
        }
    }

    /// `document` split where `size` (the bytes nodes of its body serialize to) says it must be.
    func split(_ document: PostDocument, size: ([ContentNode]) -> Int) -> SplitPost {
        let parts = parts(of: document.body, size: size)
        var partOfID: [String: Int] = [:]
        if parts.count > 1 {
            for (index, part) in parts.enumerated() {
                for id in part.allIDs { partOfID[id] = partOfID[id] ?? index }
            }
        }
        return SplitPost(document: document, parts: parts, partOfID: partOfID)
    }

    /// The body cut into parts under the size limit: before the last heading that fits, else
    /// between any two top-level blocks. A single block larger than the limit stays whole.
    private func parts(of body: [ContentNode], size: ([ContentNode]) -> Int) -> [[ContentNode]] {
        // Far under the limit by estimate: whole, unmeasured.
        guard XHTMLSizeEstimate.bytes(body) > maximumBodyBytes / 2, size(body) > maximumBodyBytes else { return [body] }
        let sizes = body.map { size([$0]) }
        var parts: [[ContentNode]] = []
        var current: [ContentNode] = []
        var currentSize = 0
        for (node, nodeSize) in zip(body, sizes) {
            if currentSize + nodeSize > maximumBodyBytes, !current.isEmpty {
                let cut = current.lastIndex(where: Self.isHeading).flatMap { $0 > 0 ? $0 : nil } ?? current.count
                parts.append(Array(current[..<cut]))
                current = Array(current[cut...])
                currentSize = size(current)
            }
            current.append(node)
            currentSize += nodeSize
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    private static func isHeading(_ node: ContentNode) -> Bool {
        guard let level = node.element()?.kind.headingLevel else { return false }
        return level >= 2
    }
}

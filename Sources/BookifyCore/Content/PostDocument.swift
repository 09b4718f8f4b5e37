import Foundation

/// A post converted for the book: its sanitized body and its headings.
public struct PostDocument: Sendable {
    public var post: Post
    /// The document's id: its file name stem and the prefix of every id inside it.
    public var documentID: String
    public var body: [XHTMLNode]
    public var headings: [Heading]

    /// The images and videos the post shows that are not in the book: their original URLs
    /// (or descriptions, when they have none).
    public var missingMedia: [String] { Self.placeholders(in: body) }

    private static func placeholders(in nodes: [XHTMLNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            guard case .element(let element) = node else { return [] }
            guard element["class"] == MediaPlaceholder.className else { return placeholders(in: element.children) }
            let link = element.children.lazy.compactMap { child -> String? in
                if case .element(let link) = child { return link["href"] } else { return nil }
            }.first
            return [link ?? element.textContent.trimmingCharacters(in: .whitespaces)]
        }
    }
}

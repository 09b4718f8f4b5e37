import Foundation

/// A post converted for the book: its sanitized body and its headings.
public struct PostDocument: Sendable {
    public var post: Post
    /// The document's id: its file name stem and the prefix of every id inside it.
    public var documentID: String
    public var body: [XHTMLNode]
    public var headings: [Heading]
}

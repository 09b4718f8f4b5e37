import Foundation

/// A post converted for the book: its sanitized body and its headings.
public struct PostDocument: Sendable {
    public var post: Post
    /// The document's id: its file name stem and the prefix of every id inside it.
    public var documentID: String
    public var body: [XHTMLNode]
    public var headings: [Heading]
    /// Links that lead nowhere: a fragment no element of its post has (as written), or a
    /// section missing from another post of the book. They lost their target, or point at the
    /// post's start; `--strict` makes them an error.
    public var brokenLinks: [String] = []
}

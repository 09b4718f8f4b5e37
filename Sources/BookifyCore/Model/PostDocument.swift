import Foundation

/// A post converted for the book: its header, its body in the book model, and its headings.
public struct PostDocument: Sendable {
    /// The post the document was converted from.
    public var post: Post
    /// The post's id in the book (`p001`): what links to it name, and the prefix of every id
    /// inside it.
    public var documentID: String
    /// What stands above the text: title, date, authors, tags, original address.
    public var header: PostHeader
    /// The post's own language (BCP 47), when its source gives one; `nil`: the book's.
    public var language: String?
    /// The post's content as the book model: sanitized, repaired, with its images resolved.
    public var body: [ContentNode]
    /// The post's headings, for the table of contents.
    public var headings: [Heading]
    /// Links that lead nowhere: a fragment no element of its post has (as written), or a
    /// section missing from another post of the book. They lost their target, or point at the
    /// post's start; `--strict` makes them an error.
    public var brokenLinks: [String] = []

    /// What could not be read of the post's formulas (unknown TeX commands, a formula too long
    /// or too deep), in order, each once: such a formula shows its source as an error.
    public var mathProblems: [String] {
        var problems: [String] = []
        body.forEachNode { node in
            if case .math(let formula) = node { problems += formula.problems.filter { !problems.contains($0) } }
        }
        return problems
    }
}

/// A heading of a post, for the book's table of contents.
public struct Heading: Sendable, Hashable {
    /// 2 for the post's top-level headings (the post title is level 1).
    public var level: Int
    /// The heading's text.
    public var text: String
    /// The heading's id in its post.
    public var id: String
}

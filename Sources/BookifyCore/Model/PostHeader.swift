import Foundation

/// What stands above a post's text in every output: its title, date, authors, tags, and the
/// addresses it came from.
public struct PostHeader: Sendable, Hashable {
    /// The post's title.
    public var title: String
    /// When the post was published.
    public var date: Date?
    /// The post's own authors, only when they are not the book's.
    public var authors: [String]
    /// The post's tags.
    public var tags: [String]
    /// The post's original page.
    public var url: URL?
    /// The page a link-blog post is about, when it is not the post's own.
    public var externalURL: URL?

    /// The header of `post`; its byline names authors other than the book's.
    public init(post: Post, bookAuthors: [String]) {
        title = post.title
        date = post.date
        let own = post.authors.map(\.name)
        authors = !own.isEmpty && Set(own) != Set(bookAuthors) ? own : []
        tags = post.tags
        url = post.url
        externalURL = post.externalURL == post.url ? nil : post.externalURL
    }
}

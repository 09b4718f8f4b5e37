import Foundation

/// A blog as read from one input: its own metadata and its posts in input order.
public struct Blog: Sendable, Hashable {
    /// The blog's title.
    public var title: String?
    /// The blog's web address.
    public var homePageURL: URL?
    /// Where the feed itself lives.
    public var feedURL: URL?
    /// What the blog is about.
    public var description: String?
    /// The blog's icon or logo.
    public var icon: URL?
    /// The blog's language (BCP 47).
    public var language: String?
    /// The blog's authors.
    public var authors: [Author]
    /// The posts, in the order the input lists them.
    public var posts: [Post]
    /// Input-specific extensions (JSON Feed `_`-keys), kept for later stages.
    public var extensions: [String: JSONValue]
    /// Where the blog was read from, as the user named it (a path, a URL or `-`).
    public var source: String
    /// What the feed document says about the rest of its history.
    public var paging = FeedPaging()

    /// A blog; every field may be missing from an input, so every one is optional.
    public init(title: String? = nil, homePageURL: URL? = nil, feedURL: URL? = nil,
                description: String? = nil, icon: URL? = nil, language: String? = nil,
                authors: [Author] = [], posts: [Post] = [], extensions: [String: JSONValue] = [:],
                source: String) {
        self.title = title
        self.homePageURL = homePageURL
        self.feedURL = feedURL
        self.description = description
        self.icon = icon
        self.language = language
        self.authors = authors
        self.posts = posts
        self.extensions = extensions
        self.source = source
    }
}

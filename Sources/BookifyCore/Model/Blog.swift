import Foundation

/// A blog as read from one input: its own metadata and its posts in input order.
public struct Blog: Sendable, Hashable {
    public var title: String?
    public var homePageURL: URL?
    public var feedURL: URL?
    public var description: String?
    public var icon: URL?
    public var language: String?
    public var authors: [Author]
    public var posts: [Post]
    /// Input-specific extensions (JSON Feed `_`-keys), kept for later stages.
    public var extensions: [String: JSONValue]
    /// Where the blog was read from, as the user named it (a path, a URL or `-`).
    public var source: String

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

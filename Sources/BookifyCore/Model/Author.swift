import Foundation

/// A person credited for a blog or a post.
public struct Author: Sendable, Hashable, Codable {
    /// The author's name, as the byline shows it.
    public var name: String
    /// The author's page.
    public var url: URL?
    /// A picture of the author.
    public var avatar: URL?

    /// An author; only the name is required.
    public init(name: String, url: URL? = nil, avatar: URL? = nil) {
        self.name = name
        self.url = url
        self.avatar = avatar
    }
}

import Foundation

/// A person credited for a blog or a post.
public struct Author: Sendable, Hashable, Codable {
    public var name: String
    public var url: URL?
    public var avatar: URL?

    public init(name: String, url: URL? = nil, avatar: URL? = nil) {
        self.name = name
        self.url = url
        self.avatar = avatar
    }
}

import Foundation

/// The page at the back that says what the book is: where it came from, as of when, how many
/// posts, and what made it.
public struct Colophon: Sendable, Hashable {
    public var title: String
    public var source: String?
    /// The date of the newest post (or `SOURCE_DATE_EPOCH`).
    public var modified: Date
    public var postCount: Int
    /// The tool and its version: `bookify 0.1.0`.
    public var generator: String
    public var identifier: String

    public init(metadata: BookMetadata, postCount: Int) {
        title = metadata.title
        source = metadata.source
        modified = metadata.modified
        self.postCount = postCount
        generator = "bookify \(BookifyVersion.current)"
        identifier = metadata.identifier
    }
}

/// The version bookify reports in its books and on the command line.
public enum BookifyVersion {
    public static let current = "0.1.0"
}

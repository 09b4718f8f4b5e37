import Foundation

/// The planned book: its metadata and its chapters of posts, in reading order.
public struct Book: Sendable {
    public var metadata: BookMetadata
    public var chapters: [Chapter]

    public init(metadata: BookMetadata, chapters: [Chapter]) {
        self.metadata = metadata
        self.chapters = chapters
    }

    /// Every post of the book in reading order.
    public var posts: [Post] { chapters.flatMap(\.posts) }

    /// A file name for the book made of its title: `my-blog.epub`.
    public var suggestedFileName: String { Slug.make(metadata.title, fallback: "book") + ".epub" }
}

/// A group of posts. A chapter without a title stands for posts placed directly in the book.
public struct Chapter: Sendable {
    public var title: String?
    public var posts: [Post]

    public init(title: String?, posts: [Post]) {
        self.title = title
        self.posts = posts
    }
}

/// What the package document says about the book.
public struct BookMetadata: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    /// A BCP 47 language tag; always set.
    public var language: String
    /// The unique identifier, e.g. `urn:uuid:…`.
    public var identifier: String
    /// The book's last-modified date: its newest post, or `SOURCE_DATE_EPOCH`.
    public var modified: Date
    public var description: String?
    public var publisher: String?
    /// Where the book came from: the blog's home page or feed.
    public var source: String?
    public var subjects: [String]
    /// The series the whole book is, when every post belongs to the same one.
    public var collection: String?

    public init(title: String, subtitle: String? = nil, authors: [String], language: String,
                identifier: String, modified: Date, description: String? = nil,
                publisher: String? = nil, source: String? = nil, subjects: [String] = [],
                collection: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.language = language
        self.identifier = identifier
        self.modified = modified
        self.description = description
        self.publisher = publisher
        self.source = source
        self.subjects = subjects
        self.collection = collection
    }
}

extension BookMetadata {
    /// `date` as a long date in the book's language ("March 5, 2024"), in UTC so that builds
    /// do not depend on the machine.
    public func longDate(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language),
                                     calendar: Calendar(identifier: .gregorian))
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }
}

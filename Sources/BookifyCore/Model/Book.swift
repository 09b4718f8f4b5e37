import Foundation

/// The planned book: its metadata and its chapters of posts, in reading order.
public struct Book: Sendable {
    /// The title, authors, language and the rest of the book's metadata.
    public var metadata: BookMetadata
    /// The chapters in reading order; every post of the book is in exactly one.
    public var chapters: [Chapter]

    /// A book of `chapters`, described by `metadata`.
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
    /// The chapter's title; `nil` for the untitled chapter of a book without grouping.
    public var title: String?
    /// The chapter's posts in reading order.
    public var posts: [Post]

    /// A chapter of `posts` under `title`.
    public init(title: String?, posts: [Post]) {
        self.title = title
        self.posts = posts
    }
}

/// What the package document says about the book.
public struct BookMetadata: Sendable, Hashable {
    /// The book's title.
    public var title: String
    /// A subtitle for the title page.
    public var subtitle: String?
    /// The authors' names, as the title page and the metadata give them.
    public var authors: [String]
    /// A BCP 47 language tag; always set.
    public var language: String
    /// The unique identifier, e.g. `urn:uuid:…`.
    public var identifier: String
    /// The book's last-modified date: its newest post, or `SOURCE_DATE_EPOCH`.
    public var modified: Date
    /// What the book is about, for the metadata (the blog's description).
    public var description: String?
    /// The publisher named in the metadata.
    public var publisher: String?
    /// Where the book came from: the blog's home page or feed.
    public var source: String?
    /// Subjects for the metadata (the posts' most common tags).
    public var subjects: [String]
    /// The series the whole book is, when every post belongs to the same one.
    public var collection: String?

    /// Metadata with everything a reading system needs; the rest is optional.
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
        date.formatted(LongDateStyles.style(for: language))
    }
}

/// The long-date style of each language, made once per run: its locale, calendar and time zone
/// took longer to make than a date takes to format (2% of a seed build, for ~60 dates). An
/// `NSLock`, not a `Mutex`: ThreadSanitizer sees through pthread locks only.
private enum LongDateStyles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var styles: [String: Date.FormatStyle] = [:]

    static func style(for language: String) -> Date.FormatStyle {
        lock.withLock {
            if let style = styles[language] { return style }
            var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language),
                                         calendar: Calendar(identifier: .gregorian))
            style.timeZone = TimeZone(identifier: "UTC")!
            styles[language] = style
            return style
        }
    }
}

/// The book's title page.
public struct TitlePage: Sendable, Hashable {
    /// The book's title.
    public var title: String
    /// Its subtitle.
    public var subtitle: String?
    /// Its authors.
    public var authors: [String]
    /// What the book is about.
    public var description: String?
    /// The blog's home page or feed.
    public var source: String?

    /// The title page of a book described by `metadata`.
    public init(metadata: BookMetadata) {
        title = metadata.title
        subtitle = metadata.subtitle
        authors = metadata.authors
        description = metadata.description
        source = metadata.source
    }
}

/// The book's title page.
public struct TitlePage: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    public var description: String?
    /// The blog's home page or feed.
    public var source: String?

    public init(metadata: BookMetadata) {
        title = metadata.title
        subtitle = metadata.subtitle
        authors = metadata.authors
        description = metadata.description
        source = metadata.source
    }
}

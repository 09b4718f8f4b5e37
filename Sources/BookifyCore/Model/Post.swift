import Foundation

/// One blog post as read from any input, before it is converted for the book.
public struct Post: Sendable, Hashable, Codable {
    /// A stable identifier, unique within its blog (the feed's id, else the URL).
    public var id: String
    /// The post's own page.
    public var url: URL?
    /// The page the post is about, for link-blog posts.
    public var externalURL: URL?
    /// The post's title (never empty in a book: untitled posts get one from their date).
    public var title: String
    /// The body, in the format `contentFormat` says.
    public var content: String
    /// How `content` is written: HTML, Markdown or plain text.
    public var contentFormat: ContentFormat
    /// A short summary, as the feed gives it.
    public var summary: String?
    /// The post's main image, as the feed names it.
    public var image: URL?
    /// A wide image to show above the post, as the feed names it.
    public var bannerImage: URL?
    /// When the post was first published.
    public var published: Date?
    /// When the post was last changed.
    public var modified: Date?
    /// The post's own authors; empty when it has the blog's.
    public var authors: [Author]
    /// The post's tags or categories, in the feed's order.
    public var tags: [String]
    /// The post's own language (BCP 47), when it differs from the blog's.
    public var language: String?
    /// Files the feed attaches to the post (podcast audio, PDFs).
    public var attachments: [Attachment]
    /// The series the post belongs to, if any.
    public var series: SeriesMembership?
    /// Other URLs the post was published at (Hugo `aliases`): links to them stay in the book too.
    public var aliases: [URL] = []
    /// What relative links and images in the body resolve against, when not the post's URL
    /// (Atom `xml:base`).
    public var contentBase: URL?
    /// The home page of the site the post belongs to: `--base-url` moves what lives there.
    public var siteURL: URL?
    /// Where the post's images may be on disk, when it was read from a Markdown site.
    public var localSite: LocalSite?
    /// Input-specific extensions (JSON Feed `_`-keys), kept for later stages.
    public var extensions: [String: JSONValue]

    /// A post; only its id, title and content are required.
    public init(id: String, url: URL? = nil, externalURL: URL? = nil, title: String,
                content: String, contentFormat: ContentFormat, summary: String? = nil,
                image: URL? = nil, bannerImage: URL? = nil, published: Date? = nil,
                modified: Date? = nil, authors: [Author] = [], tags: [String] = [],
                language: String? = nil, attachments: [Attachment] = [],
                series: SeriesMembership? = nil, contentBase: URL? = nil, extensions: [String: JSONValue] = [:]) {
        self.id = id
        self.url = url
        self.externalURL = externalURL
        self.title = title
        self.content = content
        self.contentFormat = contentFormat
        self.summary = summary
        self.image = image
        self.bannerImage = bannerImage
        self.published = published
        self.modified = modified
        self.authors = authors
        self.tags = tags
        self.language = language
        self.attachments = attachments
        self.series = series
        self.contentBase = contentBase
        self.extensions = extensions
    }

    /// The date the post is shown and ordered by: published, else last modified.
    public var date: Date? { published ?? modified }
}

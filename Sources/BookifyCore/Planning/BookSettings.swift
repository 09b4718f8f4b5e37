import Foundation

/// What the user asked for: overrides of the blog's metadata and choices for the build.
/// Every property is optional; `nil` means "from the input, else the default".
public struct BookSettings: Sendable {
    public var title: String?
    public var subtitle: String?
    public var authors: [String] = []
    public var language: String?
    public var publisher: String?
    public var identifier: String?
    /// How `content_html`-style bodies are read when they could be HTML or Markdown.
    public var contentFormat: ContentFormat?
    public var order: PostOrder = .oldestFirst
    public var groupBy: GroupingRule = .auto
    public var filter = PostFilter()
    /// A curated list of chapters (`chapters:` in bookify.yml); empty: all grouped by the rule.
    public var chapters: [ChapterSpec] = []
    /// An image for the cover (PNG or JPEG): a file URL or an http(s) URL.
    public var cover: URL?
    /// The reading device the EPUB's images are made for (`--device`).
    public var device = DeviceProfile(.generic)
    /// Without `cover`, an EPUB gets a drawn cover (`DrawnCover`); `--cover none` turns it off.
    public var drawsCover = true
    /// Markdown sites: include drafts.
    public var includeDrafts = false
    /// Never touch the network.
    public var offline = false
    /// Limits for feeds fetched over the network.
    public var http = HTTPClient()
    /// Where images come from: local folders, the cache, the network.
    public var assets = AssetSettings()
    /// Reproducible-builds date (`SOURCE_DATE_EPOCH`): the book's modified date when set.
    public var sourceDate: Date?
    /// A folder whose `.mustache` files replace the built-in templates of the same name.
    public var templatesDirectory: URL?
    /// A stylesheet that replaces the built-in one.
    public var stylesheet: URL?
    /// How deep the table of contents goes: 1 lists posts, 2 adds their top-level headings, up to 6.
    public var tocDepth = 2
    /// The PDF's page size, margins and body size.
    public var pdf = PDFPageSettings()
    /// An image that cannot be embedded or a link that leads nowhere fails the build.
    public var strict = false
    /// How many threads convert posts and write pages (`--jobs`); `nil`: one per core.
    public var jobs: Int?
    /// An archive to add the inputs to and build the book from (`--archive FILE`, `archive:`).
    public var archive: String?
    /// Which archived posts the book holds (`--as-of`, `--new-only`); its blogs are those of
    /// the inputs, or every blog of the archive when there is no input.
    public var archiveQuery = ArchiveQuery()

    public init() {}
}

public enum PostOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest-first"
    case newestFirst = "newest-first"
}

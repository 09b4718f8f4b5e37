import Foundation

/// What the user asked for: overrides of the blog's metadata and choices for the build.
/// Every property is optional; `nil` means "from the input, else the default".
public struct BookSettings: Sendable {
    /// The book's title; `nil`: the blog's.
    public var title: String?
    /// A subtitle for the title page.
    public var subtitle: String?
    /// The book's authors; empty: the blog's.
    public var authors: [String] = []
    /// The book's language as a BCP 47 tag (`en`, `de-DE`); `nil`: the blog's, else `en`.
    public var language: String?
    /// The publisher named in the book's metadata.
    public var publisher: String?
    /// The book's unique identifier; `nil`: a UUID derived from the blog's URL.
    public var identifier: String?
    /// How `content_html`-style bodies are read when they could be HTML or Markdown.
    public var contentFormat: ContentFormat?
    /// The order of the posts within each chapter.
    public var order: PostOrder = .oldestFirst
    /// How posts are gathered into chapters when `chapters` is empty.
    public var groupBy: GroupingRule = .auto
    /// Which posts the book holds (tags, dates, count).
    public var filter = PostFilter()
    /// A curated list of chapters (`chapters:` in bookify.yml); empty: all grouped by the rule.
    public var chapters: [ChapterSpec] = []
    /// An image for the cover (PNG or JPEG): a file URL or an http(s) URL.
    public var cover: URL?
    /// The largest EPUB in bytes (`--split-size`): a larger book is written in volumes.
    public var splitSize: Int?
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
    /// How a blog named by its web address is read: history, full text, politeness.
    public var site = SiteSettings()
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

    /// Settings that take everything from the input and the defaults.
    public init() {}
}

extension BookSettings {
    /// Bytes from a size as people write it: `45MB`, `0.15MB`, `500KB`, `1GB` (binary units:
    /// 1 MB = 1,048,576 bytes) or a number of bytes; nil when it is none, or below 10 KB.
    public static func byteCount(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let (kilo, mega, giga) = (1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024)
        let units: [(String, Double)] = [("GB", giga), ("MB", mega), ("KB", kilo), ("G", giga), ("M", mega), ("K", kilo), ("B", 1)]
        let (number, unit) = units.first { trimmed.hasSuffix($0.0) }.map { (String(trimmed.dropLast($0.0.count)), $0.1) } ?? (trimmed, 1)
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value * unit >= 10_240, value * unit < 1e15 else { return nil }
        return Int(value * unit)
    }
}

/// The order of posts within a chapter (`--order`).
public enum PostOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest-first"
    case newestFirst = "newest-first"
}

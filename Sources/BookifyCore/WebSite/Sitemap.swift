import Foundation

/// A `sitemap.xml` (sitemaps.org 0.9): the pages of a `urlset`, or the sitemaps of a
/// `sitemapindex`.
struct Sitemap: Sendable {
    /// A page a sitemap lists, with its `lastmod` if given.
    struct Entry: Sendable, Hashable {
        var url: URL
        var modified: Date?
    }

    var pages: [Entry] = []
    /// Further sitemaps (an index).
    var sitemaps: [URL] = []

    /// Where sitemaps are when `robots.txt` names none: the standard place, Yoast's and
    /// WordPress's own index.
    static let usualPaths = ["/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml"]

    /// Reads a sitemap; nil when the bytes are none (not XML, another root).
    static func parse(_ bytes: [UInt8]) -> Sitemap? {
        guard let root = try? XMLTree.parse(InputReader.declarationFirst(bytes)), root.name == "urlset" || root.name == "sitemapindex" else {
            return nil
        }
        var sitemap = Sitemap()
        for element in root.elements() {
            guard let location = element.elements("loc").first?.trimmedText, let url = URL(webAddress: location) else { continue }
            switch element.name {
            case "url":
                let modified = element.elements("lastmod").first?.trimmedText.flatMap(FeedDate.parseISO8601)
                sitemap.pages.append(Entry(url: url, modified: modified))
            case "sitemap":
                sitemap.sitemaps.append(url)
            default:
                continue
            }
        }
        return sitemap
    }

    /// Whether a sitemap of an index lists posts, told from its name: WordPress, Yoast and
    /// Rank Math name the sitemaps of pages, categories, tags and authors, which hold no post.
    static func mayListPosts(_ url: URL) -> Bool {
        let name = url.lastPathComponent.lowercased()
        let words = Set(name.split { !$0.isLetter }.map(String.init))
        let narrow: Set<String> = ["page", "pages", "category", "categories", "tag", "tags", "author", "authors", "users", "user",
                                   "taxonomies", "attachment", "attachments", "product", "products", "image", "video", "news"]
        if words.contains("posts") || words.contains("post") { return !name.contains("posts-page") }
        return words.isDisjoint(with: narrow)
    }
}

/// Tells a site's post pages from its other pages (home, about, tag and category lists,
/// archives, paging, feeds) by the address alone: first by the words of the path, then, when
/// posts of the feed are known, by whether the address has the shape of theirs.
struct PostAddressShape: Sendable {
    private let shapes: Set<String>
    /// Fewer known posts than this teach no shape: every address the words allow may be a post.
    private let learns: Bool

    /// Shapes learned from posts known to be posts (from the feed).
    init(knownPosts: [URL]) {
        shapes = Set(knownPosts.map(Self.shape))
        learns = knownPosts.count >= 3
    }

    /// Path words of pages that are no post.
    static let nonPostWords: Set<String> = [
        "tag", "tags", "category", "categories", "author", "authors", "page", "archive", "archives", "search", "feed",
        "feeds", "label", "topics", "topic", "series", "wp-content", "wp-admin", "wp-json", "comments", "amp",
    ]
    /// Last path segments of pages that are no post.
    static let nonPostPages: Set<String> = [
        "about", "about-me", "about-us", "contact", "privacy", "privacy-policy", "terms", "imprint", "impressum", "subscribe",
        "newsletter", "now", "uses", "colophon", "blogroll", "links", "projects", "talks", "cv", "resume", "search", "404",
        "archive", "archives", "tags", "categories", "posts", "blog", "index",
    ]

    /// Whether `url` may be a post of the site at `site`.
    func mayBePost(_ url: URL, site: URL) -> Bool {
        guard url.host?.lowercased() == site.host?.lowercased() else { return false }
        let segments = url.path.lowercased().split(separator: "/").map(String.init)
        guard let last = segments.last else { return false }  // the home page
        let stem = last.split(separator: ".").first.map(String.init) ?? last
        if segments.contains(where: Self.nonPostWords.contains) || Self.nonPostPages.contains(stem) { return false }
        if ["xml", "json", "txt", "rss", "atom", "png", "jpg", "jpeg", "gif", "webp", "svg", "pdf", "zip"].contains(url.pathExtension.lowercased()) {
            return false
        }
        // Blogger's static pages live under /p/.
        if segments.first == "p", segments.count == 2 { return false }
        return !learns || shapes.contains(Self.shape(url))
    }

    /// A path with its last segment a wildcard and its digits `#`: `/2024/03/hello/` and
    /// `/2023/11/other/` share `/####/##/*/`; `/posts/a/` and `/about/` do not.
    static func shape(_ url: URL) -> String {
        var segments = url.path.split(separator: "/").map { segment in
            String(segment.map { $0.isNumber ? "#" : $0 })
        }
        if !segments.isEmpty { segments[segments.count - 1] = "*" + (url.pathExtension.isEmpty ? "" : "." + url.pathExtension) }
        return "/" + segments.joined(separator: "/") + (url.absoluteString.hasSuffix("/") ? "/" : "")
    }
}

import Foundation

/// How a web site is read (ARCHITECTURE §3 "a web site"): how much of its history, whether posts
/// are fetched from their pages, and how politely.
public struct SiteSettings: Sendable, Hashable {
    /// Follow the feed's history (older pages, archives) and the site's sitemap; `false`
    /// (`--feed-only`) reads just the feed document found.
    public var history = true
    /// When a post's text is taken from its own page (`--full-text`).
    public var fullText = FullTextMode.auto
    /// Read only the newest N posts of the history (`--latest N`).
    public var latest: Int?
    /// Read no further back than this (`--since`): history stops at a page older than it.
    public var since: Date?
    /// The most requests open at once to one host (`--per-host N`).
    public var perHost = 4
    /// Seconds between the starts of two requests to one host (`--delay`); a `Crawl-delay`
    /// in `robots.txt` makes it longer, never shorter.
    public var delay: TimeInterval = 0
    /// The most pages of feed history read: a feed that pages forever stops here.
    public var maximumPages = 1_000
    /// The most posts read from one site, from the feed and the sitemap together.
    public var maximumPosts = 20_000
    /// Retries of a request the server answered 429 or 503.
    public var retries = 3
    /// The longest wait a `Retry-After` is honoured for; a server asking for more is given up on.
    public var longestRetryWait: TimeInterval = 120

    /// The defaults: the whole history, full text where the feed has excerpts, 4 requests at once.
    public init() {}
}

/// When a post is read from its own page instead of the feed (`--full-text`).
public enum FullTextMode: String, Sendable, Hashable, CaseIterable {
    /// When the feed holds an excerpt (or no text), and for posts only the sitemap names.
    case auto
    /// For every post.
    case always
    /// Never: the book holds what the feed holds; posts only a sitemap names are left out.
    case never
}

import Foundation

/// What reading a web site found and did, for `inspect` and the build's summary.
public struct SiteReport: Sendable, Hashable {
    /// The address the user gave.
    public var address: URL
    /// The feeds the home page names (or the usual places that answered), best first.
    public var candidates: [FeedCandidate] = []
    /// The feed read, if one was found.
    public var chosenFeed: URL?
    /// Why that one: how it ranked, or that the address was a feed itself.
    public var choice: String?
    /// Feed documents read (the first and its history).
    public var historyPages = 0
    /// Sitemaps read.
    public var sitemaps = 0
    /// Posts found only through the sitemap and read from their pages.
    public var sitemapPosts = 0
    /// Pages the sitemap lists that are no post (about, tags, archives), left out.
    public var sitemapOtherPages = 0
    /// Post pages fetched for their full text.
    public var pagesFetched = 0
    /// Posts whose feed excerpt was replaced by the article of their page.
    public var fullTextPosts = 0
    /// Posts known from an earlier import (an archive's), not read again.
    public var knownPosts = 0
    /// Requests sent to servers (robots.txt, feeds, sitemaps, pages), cached answers not counted.
    public var requests = 0
    /// What could not be read, one line each.
    public var warnings: [String] = []

    /// A report on reading `address`.
    public init(address: URL) {
        self.address = address
    }
}

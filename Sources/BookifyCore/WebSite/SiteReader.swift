import Foundation

/// Reads a whole blog from its address (ARCHITECTURE §3, a web site): the address may be the home
/// page (its feeds are discovered) or a feed; then the feed's history, the posts only the
/// sitemap names, and the full text of posts the feed holds only excerpts of, all fetched
/// politely through `SiteFetcher`.
struct SiteReader: Sendable {
    var settings: SiteSettings
    var fetcher: SiteFetcher
    /// Post identities an earlier import read (an archive's): not read or returned again.
    var known: Set<String> = []
    var progress: BuildProgress.Report?

    /// What was read: the blog (nil when the address answered 304 to the caller's
    /// validators), the first document's bytes and validators, and the report.
    struct Read: Sendable {
        var blog: Blog?
        var feedBytes: [UInt8]?
        var validators = HTTPValidators()
        var report: SiteReport
    }

    /// Whether `post` was read before: by its id or its URL's identity.
    static func isKnown(_ post: Post, in known: Set<String>) -> Bool {
        known.contains(post.id) || post.url.map { known.contains($0.postIdentity) } == true
    }

    /// Reads the blog at `address`. With `validators` (an archive's, from the last import)
    /// the first request is conditional, and a 304 ends the read: nothing changed.
    func read(_ address: URL, source: String, validators: HTTPValidators? = nil) async throws(BookifyError) -> Read {
        var report = SiteReport(address: address)
        let start: SiteFetcher.Page
        switch await fetcher.get(address, validators: validators) {
        case .success(let page): start = page
        case .failure(.notModified):
            report.requests = fetcher.requestCount
            return Read(blog: nil, validators: validators ?? HTTPValidators(), report: report)
        case .failure(let failure): throw Self.error(failure, source: source)
        }
        let found = try await feed(from: start, source: source, report: &report)
        var homePage: WebPage? = found.homePage
        var blog = found.blog ?? Blog(title: homePage.flatMap { $0.meta("og:site_name") ?? $0.title }, homePageURL: address, source: source)
        blog.source = source
        if blog.homePageURL == nil { blog.homePageURL = homePage?.url ?? URL(string: "/", relativeTo: address)?.absoluteURL }
        var posts = blog.posts
        if settings.history, let feedURL = found.feedURL, let first = found.blog {
            if homePage == nil, let home = blog.homePageURL, home.host == address.host, case .success(let page) = await fetcher.get(home), WebPage.looksLikeHTML(page.bytes) {
                homePage = WebPage(url: page.url, bytes: page.bytes, charset: page.charset)
            }
            var history = FeedHistory(fetcher: fetcher, settings: settings, known: known,
                                      engine: homePage?.meta("generator").flatMap { FeedPaging(generator: $0).engine })
            let progress = self.progress
            history.progress = { progress?(BuildProgress(stage: .history, done: $0, total: 0)) }
            let walk = await history.walk(from: first, at: feedURL)
            posts = walk.posts
            report.historyPages = walk.pages
            report.warnings += walk.warnings
        } else if found.blog != nil {
            report.historyPages = 1
        }
        report.knownPosts = posts.filter { Self.isKnown($0, in: known) }.count
        posts.removeAll { Self.isKnown($0, in: known) }
        if let latest = settings.latest { posts = Array(PostOrdering.sorted(posts, .newestFirst).prefix(latest)) }
        // Pages are read on the site the user named, never on other hosts the feed links to.
        let pages = PostPages(reader: self, host: address.host?.lowercased() ?? "")
        posts = await pages.withFullText(posts, report: &report)
        if settings.history, settings.fullText != .never, settings.latest == nil {
            posts += await pages.sitemapPosts(site: URL(string: "/", relativeTo: address)?.absoluteURL ?? address, besides: blog.posts.compactMap(\.url) + posts.compactMap(\.url),
                                              report: &report)
        }
        if found.blog == nil, posts.isEmpty {
            throw .invalidInput(path: source, location: nil, reason: "no feed found: \(found.searched); and no sitemap lists a post")
        }
        blog.posts = Array(posts.prefix(settings.maximumPosts))
        report.requests = fetcher.requestCount
        // A home page's validators are not kept: it may stay the same while the blog grows
        // (a landing page), so the next read asks the feed, which the cache makes cheap.
        let validators = found.homePage == nil ? start.validators : HTTPValidators()
        return Read(blog: blog, feedBytes: found.bytes ?? start.bytes, validators: validators, report: report)
    }

    /// Why the address itself could not be read, for the user.
    static func error(_ failure: SiteFetcher.Failure, source: String) -> BookifyError {
        switch failure {
        case .disallowed(let unavailable?):
            return .inputNotReadable(path: source, reason: "its robots.txt could not be read (\(unavailable)), so bookify does not read the site now")
        case .disallowed:
            return .inputNotReadable(path: source, reason: "the site's robots.txt does not allow bookify to read it")
        case .notCached:
            return .inputNotReadable(path: source, reason: "--offline, and the cache holds no copy of it (read it once online, or build from an archive with --archive FILE)")
        case .notModified:
            return .inputNotReadable(path: source, reason: "the server answered 304 (not modified) to a first request")
        case .failed(let error, _):
            return error
        }
    }

    /// The feed the start page is or names.
    private struct FoundFeed {
        var blog: Blog?
        var feedURL: URL?
        var bytes: [UInt8]?
        var homePage: WebPage?
        /// Where feeds were looked for, for the message when none was found.
        var searched = ""
    }

    private func feed(from start: SiteFetcher.Page, source: String, report: inout SiteReport) async throws(BookifyError) -> FoundFeed {
        guard WebPage.looksLikeHTML(start.bytes) else {
            let blog = try InputReader().parse(start.bytes, source: source, documentURL: start.url)
            report.chosenFeed = start.url
            report.choice = "the address is a feed"
            return FoundFeed(blog: blog, feedURL: start.url, bytes: start.bytes)
        }
        let page = WebPage(url: start.url, bytes: start.bytes, charset: start.charset)
        let named = FeedDiscovery.candidates(in: page, linkHeader: start.headers["link"])
        let site = URL(string: "/", relativeTo: page.url)?.absoluteURL ?? page.url
        let candidates = named.isEmpty ? FeedDiscovery.ranked(FeedDiscovery.usualPlaces(on: site), site: site) : named
        report.candidates = candidates
        var found = FoundFeed(homePage: page)
        // The posts feed: the best-ranked candidate that is a feed; of two that rank the same
        // (RSS and Atom of one blog), the one with more text per post (full content, not excerpts).
        var best: (candidate: FeedCandidate, blog: Blog, bytes: [UInt8], url: URL)?
        var compared = 0
        for candidate in candidates where candidate.demotion == nil && best.map({ candidate.score == $0.candidate.score }) ?? true {
            guard case .success(let fetched) = await fetcher.get(candidate.url),
                  let blog = try? InputReader().parse(fetched.bytes, source: source, documentURL: fetched.url), !blog.posts.isEmpty else { continue }
            compared += 1
            if let current = best, Self.wordsPerPost(blog) <= Self.wordsPerPost(current.blog) { continue }
            best = (candidate, blog, fetched.bytes, fetched.url)
        }
        guard let best else {
            found.searched = named.isEmpty
                ? "the page names none (<link rel=\"alternate\">, Link header), and none of \(FeedDiscovery.usualPaths.joined(separator: ", ")) is one"
                : "none of the \(named.count) feeds the page names could be read"
            report.warnings.append("no feed found (\(found.searched))")
            return found
        }
        report.chosenFeed = best.url
        report.choice = best.candidate.origin == .usualPlace ? "found at a usual place"
            : compared > 1 ? "of the \(compared) best-ranked, the one with the most text per post"
            : "the best-ranked \(best.candidate.origin.rawValue)"
        found.blog = best.blog
        found.feedURL = best.url
        found.bytes = best.bytes
        return found
    }

    private static func wordsPerPost(_ blog: Blog) -> Double {
        let words = blog.posts.prefix(10).map { TextMeasure.wordCount(FeedText.plain($0.content)) }
        return Double(words.reduce(0, +)) / Double(max(1, words.count))
    }
}

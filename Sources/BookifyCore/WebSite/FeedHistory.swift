import Foundation

/// Reads a feed's history beyond its first document: RFC 5005 paged feeds (`next`) and
/// archived feeds (`prev-archive`), JSON Feed `next_url`, and where a feed names no next page,
/// the paging of its engine (WordPress `?paged=N`, Blogger `start-index`). Each page is fetched
/// once; a loop, a page that repeats the posts already read, an error, `--latest`, `--since`,
/// or a page whose posts are all known already (an archive's second import) ends the walk.
struct FeedHistory {
    var fetcher: SiteFetcher
    var settings: SiteSettings
    /// Post identities (ids and URL identities) read before: a page holding only these ends
    /// the walk, as everything older is known too.
    var known: Set<String> = []
    /// The engine the site's home page names (its `generator`), when the feed does not.
    var engine: String?
    /// Told the number of history pages read so far.
    var progress: @Sendable (Int) -> Void = { _ in }

    /// What the walk read.
    struct Walk {
        /// The posts of every page, each once, in the order read (newest pages first).
        var posts: [Post]
        /// Feed documents read, the first included.
        var pages: Int
        /// Why the walk stopped early, if it did for a reason the user should hear.
        var warnings: [String] = []
    }

    func walk(from first: Blog, at firstURL: URL) async -> Walk {
        var walk = Walk(posts: [], pages: 1)
        var identities = Set<String>()
        add(first.posts, to: &walk, identities: &identities)
        var current = first
        var seen: Set<String> = [firstURL.postIdentity]
        let paging = EnginePaging(engine: current.paging.engine ?? engine, feedURL: firstURL, pageSize: first.posts.count)
        history: while walk.pages < settings.maximumPages, !current.paging.isComplete, !stopsAfter(current, walk: walk) {
            let declared = current.paging.next ?? current.paging.previousArchive
            guard let next = declared ?? paging.url(afterPage: walk.pages, postsRead: walk.posts.count,
                                                    total: current.paging.totalResults) else { break }
            guard seen.insert(next.postIdentity).inserted else {
                if declared != nil { walk.warnings.append("the feed's history loops back to \(next.absoluteString); read up to there") }
                break
            }
            let page: Blog
            switch await fetcher.get(next) {
            case .success(let fetched):
                guard let parsed = try? InputReader().parse(fetched.bytes, source: next.absoluteString, documentURL: fetched.url) else {
                    if declared != nil { walk.warnings.append("page \(walk.pages + 1) of the feed's history (\(next.absoluteString)) is no feed; read up to there") }
                    break history
                }
                page = parsed
            case .failure(let failure):
                // A guessed page past the end answers 404 (WordPress) or 400: the end, not a fault.
                if declared != nil || ![400, 404, 410].contains(failure.status ?? 0) {
                    walk.warnings.append("page \(walk.pages + 1) of the feed's history (\(next.absoluteString)): \(failure); the book holds the \(walk.posts.count) posts before it")
                }
                return walk
            }
            let before = walk.posts.count
            add(page.posts, to: &walk, identities: &identities)
            guard walk.posts.count > before else {
                if declared != nil { walk.warnings.append("page \(walk.pages + 1) of the feed's history (\(next.absoluteString)) repeats posts already read; read up to there") }
                break
            }
            walk.pages += 1
            progress(walk.pages)
            current = page
        }
        return walk
    }

    private func add(_ posts: [Post], to walk: inout Walk, identities: inout Set<String>) {
        for post in posts where identities.insert(post.url?.postIdentity ?? post.id).inserted {
            walk.posts.append(post)
        }
    }

    /// Whether the page just read is the last one wanted: enough posts for `--latest`, all of
    /// it older than `--since`, or all of it known.
    private func stopsAfter(_ page: Blog, walk: Walk) -> Bool {
        if let latest = settings.latest, walk.posts.count >= latest { return true }
        if let since = settings.since, !page.posts.isEmpty, page.posts.allSatisfy({ ($0.date ?? .distantFuture) < since }) { return true }
        if !known.isEmpty, !page.posts.isEmpty, page.posts.allSatisfy({ SiteReader.isKnown($0, in: known) }) { return true }
        return false
    }
}

/// The paging of engines whose feeds name no next page.
struct EnginePaging {
    var engine: String?
    var feedURL: URL
    var pageSize: Int

    /// The page after `page` pages were read: WordPress `?paged=N`; Blogger `start-index`
    /// and `max-results` while the feed's total is not reached.
    func url(afterPage page: Int, postsRead: Int, total: Int?) -> URL? {
        guard pageSize > 0, var components = URLComponents(url: feedURL, resolvingAgainstBaseURL: true) else { return nil }
        var query = (components.queryItems ?? [])
        switch engine {
        case "wordpress":
            query.removeAll { $0.name == "paged" }
            query.append(URLQueryItem(name: "paged", value: String(page + 1)))
        case "blogger" where total.map { postsRead < $0 } ?? true:
            query.removeAll { ["start-index", "max-results"].contains($0.name) }
            query += [URLQueryItem(name: "start-index", value: String(postsRead + 1)), URLQueryItem(name: "max-results", value: String(pageSize))]
        default:
            return nil
        }
        components.queryItems = query
        return components.url
    }
}

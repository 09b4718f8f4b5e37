import Foundation

/// The posts a site reader reads from their own pages: feed items that hold only an excerpt
/// (`--full-text auto`; every item with `always`), and the posts only the sitemap names.
struct PostPages {
    var reader: SiteReader
    /// The site's host: pages elsewhere are not fetched.
    var host: String

    /// The most sitemaps read (an index and the sitemaps it names).
    static let maximumSitemaps = 100

    /// `posts`, those whose feed text is an excerpt replaced by the article of their page.
    func withFullText(_ posts: [Post], report: inout SiteReport) async -> [Post] {
        let wanted: [Int] = posts.indices.filter { index in
            guard let url = posts[index].url, url.host?.lowercased() == host else { return false }
            switch reader.settings.fullText {
            case .never: return false
            case .always: return true
            case .auto: return ExcerptDetector.signal(posts[index]) != nil
            }
        }
        let articles = await read(wanted.compactMap { posts[$0].url })
        report.pagesFetched += articles.count
        var posts = posts
        var failures: [String: Int] = [:]
        for index in wanted {
            guard let url = posts[index].url, let result = articles[url] else { continue }
            switch result {
            case .success(let page?) where reader.settings.fullText == .always || ExcerptDetector.isMuchLonger(page.article, than: posts[index]):
                posts[index] = Self.merged(posts[index], with: page)
                report.fullTextPosts += 1
            case .success:
                continue
            case .failure(let failure):
                // A short post whose page cannot be had is just a short post; an excerpt that
                // says so is worth a warning.
                if reader.settings.fullText == .always || ExcerptDetector.signal(posts[index]) == .marked {
                    failures["\(failure)", default: 0] += 1
                }
            }
        }
        for (reason, count) in failures.sorted(by: { $0.key < $1.key }) {
            report.warnings.append("\(plural(count, "post")) kept the feed's excerpt, as \(count == 1 ? "its page" : "their pages") could not be read: \(reason)")
        }
        return posts
    }

    /// The posts the site's sitemaps list besides `known` addresses, read from their pages.
    func sitemapPosts(site: URL, besides known: [URL], report: inout SiteReport) async -> [Post] {
        let (entries, sitemaps) = await sitemapEntries(site: site)
        report.sitemaps = sitemaps
        let knownIdentities = Set(known.map(\.postIdentity)).union(reader.known)
        let shape = PostAddressShape(knownPosts: known)
        var candidates: [URL] = []
        var seen = knownIdentities
        for entry in entries where seen.insert(entry.url.postIdentity).inserted {
            guard entry.url.host?.lowercased() == host, shape.mayBePost(entry.url, site: site) else {
                report.sitemapOtherPages += 1
                continue
            }
            if let since = reader.settings.since, let modified = entry.modified, modified < since { continue }
            candidates.append(entry.url)
        }
        let articles = await read(candidates)
        var posts: [Post] = []
        var disallowed = 0
        var failures: [String: Int] = [:]
        for url in candidates {
            switch articles[url] {
            case .success(let page?) where page.article.metadata.isPost:
                posts.append(Self.merged(Post(id: url.absoluteString, url: url, title: "", content: "", contentFormat: .html), with: page))
            case .failure(.disallowed(nil)):
                disallowed += 1
            case .failure(let failure):
                failures["\(failure)", default: 0] += 1
            default:
                report.sitemapOtherPages += 1
            }
        }
        report.pagesFetched += candidates.count - disallowed
        report.sitemapPosts = posts.count
        if disallowed > 0 {
            report.warnings.append("\(plural(disallowed, "page")) the sitemap lists \(disallowed == 1 ? "is" : "are") disallowed by robots.txt: left out, not requested")
        }
        for (reason, count) in failures.sorted(by: { $0.key < $1.key }) {
            report.warnings.append("\(plural(count, "page")) the sitemap lists could not be read: \(reason)")
        }
        return posts
    }

    /// A page read for its post: the page's address after redirects and its article.
    struct ReadPage: Sendable {
        var url: URL
        var article: ExtractedArticle
    }

    /// Each of `urls` fetched (each once, a few at a time; the fetcher keeps each host's limit)
    /// and its article extracted; `nil` for a page with none.
    private func read(_ urls: [URL]) async -> [URL: Result<ReadPage?, SiteFetcher.Failure>] {
        let fetcher = reader.fetcher
        let counter = BuildProgressCounter(.fullText, total: urls.count, report: urls.isEmpty ? nil : reader.progress)
        let inFlight = max(1, reader.settings.perHost) * 2
        var results: [URL: Result<ReadPage?, SiteFetcher.Failure>] = [:]
        await withTaskGroup(of: (URL, Result<ReadPage?, SiteFetcher.Failure>).self) { group in
            var next = 0
            func startNext() {
                guard next < urls.count else { return }
                let url = urls[next]
                next += 1
                group.addTask {
                    let result = await fetcher.get(url).map { page -> ReadPage? in
                        guard WebPage.looksLikeHTML(page.bytes) else { return nil }
                        let webPage = WebPage(url: page.url, bytes: page.bytes, charset: page.charset)
                        return ArticleExtractor.extract(webPage).map { ReadPage(url: webPage.url, article: $0) }
                    }
                    counter.advance()
                    return (url, result)
                }
            }
            for _ in 0..<inFlight { startNext() }
            for await (url, result) in group {
                results[url] = result
                startNext()
            }
        }
        return results
    }

    /// Every page the site's sitemaps list (those named in robots.txt, else the usual
    /// places), following indexes to the sitemaps that may list posts; and how many were read.
    private func sitemapEntries(site: URL) async -> (entries: [Sitemap.Entry], sitemaps: Int) {
        let named = await reader.fetcher.robotsRules(for: site).sitemaps
        var queue = named.isEmpty ? Sitemap.usualPaths.compactMap { URL(string: $0, relativeTo: site)?.absoluteURL } : named
        let guessing = named.isEmpty
        var seen = Set<String>()
        var entries: [Sitemap.Entry] = []
        var read = 0
        while !queue.isEmpty, read < Self.maximumSitemaps {
            let url = queue.removeFirst()
            guard seen.insert(url.postIdentity).inserted, case .success(let page) = await reader.fetcher.get(url),
                  let sitemap = Sitemap.parse(page.bytes) else { continue }
            read += 1
            entries += sitemap.pages
            queue += sitemap.sitemaps.filter(Sitemap.mayListPosts)
            // One of the usual places is enough: the others are usually the same sitemap again.
            if guessing, !sitemap.pages.isEmpty || !sitemap.sitemaps.isEmpty { queue.removeAll { url in Sitemap.usualPaths.contains { url.path == $0 } } }
        }
        return (entries, read)
    }

    /// `post` with the article of its page: the page's body and what the feed did not say.
    static func merged(_ post: Post, with page: ReadPage) -> Post {
        var post = post
        let metadata = page.article.metadata
        post.content = page.article.html
        post.contentFormat = .html
        if page.url != post.url { post.contentBase = page.url }
        if post.title.isEmpty, let title = metadata.title { post.title = title }
        if post.authors.isEmpty { post.authors = metadata.authors.map { Author(name: $0) } }
        if post.published == nil { post.published = metadata.published ?? post.url.flatMap(FeedDate.fromURLPath) }
        if post.modified == nil { post.modified = metadata.modified }
        if post.image == nil { post.image = metadata.image }
        if post.tags.isEmpty { post.tags = metadata.tags }
        if post.language == nil { post.language = metadata.language }
        return post
    }
}

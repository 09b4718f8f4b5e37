@testable import BookifyCore
import Foundation
import Testing

/// Books made from a blog's home-page address: the three loopback sites (WordPress-like,
/// an RFC 5005 archive of Atom feeds, a JSON Feed paged with `next_url`).
@Suite struct SiteBookTests {
    /// The posts' titles in the book's reading order and the text a reader sees on its pages.
    struct BookText {
        var titles: [String]
        var pages: String
    }

    static func read(_ book: URL) throws -> BookText {
        let inspector = try BookInspector(book)
        let titles = inspector.spinePages.flatMap { $0.descendants("h1").filter { $0.hasClass("post-title") }.map(\.text) }
        return BookText(titles: titles, pages: inspector.readableText())
    }

    static func build(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    @Test func aWordPressSiteFromItsHomePageIsWholeInFullTextWithoutBoilerplate() throws {
        let site = try TestSite()
        let blog = WordPressSite(site: site)
        let folder = TestPaths.temporaryFolder()
        let result = Self.build([site.url("/"), "-o", "blog.epub"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("blog.epub")
        try EPUBCheck.expectClean(book)
        let text = try Self.read(book)
        // Every allowed post once, oldest first (the feed's 12 and the sitemap's 2).
        #expect(text.titles == blog.allowedPosts.map(\.title), "\(text.titles)\n\(result.stderr)")
        for post in blog.allowedPosts {
            #expect(text.pages.contains(post.paragraph(3)), "the full text of \(post.title)")
            #expect(text.pages.contains("return \(post.number) * 2"), "the code of \(post.title)")
        }
        for boilerplate in ["Share this:", "Like this:", "Related", "Leave a comment", "Recent Posts", "Rob Walker", "Post navigation",
                            "Proudly powered", "View all of Ana", "Categorized as", "Older posts", "Search"] {
            #expect(!text.pages.contains(boilerplate), "boilerplate in the book: \(boilerplate)")
        }
        let images = try EPUBArchive(book).entries.map(\.name).filter { $0.hasPrefix("OEBPS/images/") && !$0.contains("cover") }
        #expect(images.count == blog.allowedPosts.filter(\.hasImage).count, "\(images)")
        // Polite: the disallowed post never requested, robots.txt first and once, at most 4 at once.
        let requests = site.requests
        #expect(!requests.contains { $0.path.contains(blog.posts[2].slug) }, "a disallowed page was requested")
        #expect(requests.first?.path == "/robots.txt" && requests.filter { $0.path == "/robots.txt" }.count == 1, "\(requests.map(\.path))")
        #expect(requests.map(\.open).max()! <= 4, "\(requests.map(\.open).max()!) requests open at once")
        #expect(requests.map(\.open).max()! >= 2, "the post pages were fetched one at a time")
        #expect(!requests.contains { $0.path.hasPrefix("/comments/feed/") }, "the comments feed was read")
        #expect(Set(requests.map(\.path)).count == requests.count, "a page was fetched twice: \(requests.map(\.path))")
        #expect(result.stderr.contains("3 feed pages"), "\(result.stderr)")
    }

    /// Builds `address` into a book in a new folder; the book must pass EPUBCheck.
    static func book(of address: String, _ extra: [String] = []) throws -> (text: BookText, stderr: String, book: URL) {
        let folder = TestPaths.temporaryFolder()
        let result = build([address, "-o", "blog.epub"] + extra, in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("blog.epub")
        try EPUBCheck.expectClean(book)
        return (try read(book), result.stderr, book)
    }

    static func imageCount(_ book: URL) throws -> Int {
        try EPUBArchive(book).entries.map(\.name).filter { $0.hasPrefix("OEBPS/images/") && !$0.contains("cover") }.count
    }

    @Test func anRFC5005ArchiveOfAtomFeedsIsReadBackToItsFirstEntry() throws {
        let site = try TestSite()
        let blog = AtomArchiveSite(site: site)
        let (text, stderr, book) = try Self.book(of: site.url("/"))
        #expect(text.titles == blog.posts.map(\.title), "\(text.titles)\n\(stderr)")
        for post in blog.posts { #expect(text.pages.contains(post.paragraph(3))) }
        #expect(try Self.imageCount(book) == blog.posts.filter(\.hasImage).count)
        #expect(stderr.contains("4 feed pages"), "\(stderr)")
        // Full content in the feed: no post page is fetched.
        #expect(!site.requests.contains { $0.path.hasPrefix("/posts/") && !$0.path.hasSuffix(".png") }, "\(site.requests.map(\.path))")
    }

    @Test func aJSONFeedPagedWithNextURLIsReadWholeAndPreferredToAnExcerptRSS() throws {
        let site = try TestSite()
        let blog = PagedJSONFeedSite(site: site)
        let (text, stderr, book) = try Self.book(of: site.url("/"))
        #expect(text.titles == blog.posts.map(\.title), "\(text.titles)\n\(stderr)")
        for post in blog.posts { #expect(text.pages.contains(post.paragraph(3))) }
        #expect(try Self.imageCount(book) == blog.posts.filter(\.hasImage).count)
        #expect(stderr.contains("feed \(site.url("/feed.json"))") && stderr.contains("3 feed pages"), "\(stderr)")
        // inspect shows what was found and what was chosen.
        let inspected = Self.build(["inspect", site.url("/")], in: TestPaths.temporaryFolder())
        try #require(inspected.status == 0, "\(inspected.stderr)")
        print(inspected.stdout)
        #expect(inspected.stdout.contains("* \(site.url("/feed.json"))") && inspected.stdout.contains("  \(site.url("/rss.xml"))"), "\(inspected.stdout)")
        #expect(inspected.stdout.contains("Chosen: \(site.url("/feed.json"))"), "\(inspected.stdout)")
        #expect(inspected.stdout.contains(blog.posts[0].title), "the plan lists the oldest post")
    }

    @Test func latestAndFeedOnlyLimitTheHistory() throws {
        let site = try TestSite()
        let blog = PagedJSONFeedSite(site: site)
        let latest = try Self.book(of: site.url("/"), ["--latest", "5"])
        #expect(latest.text.titles == blog.posts.suffix(5).map(\.title), "\(latest.text.titles)")
        #expect(!site.requests.contains { $0.path == "/feed-3.json" }, "a page older than the newest 5 posts was read")
        let feedOnly = try Self.book(of: site.url("/"), ["--feed-only"])
        #expect(feedOnly.text.titles == blog.posts.suffix(4).map(\.title), "\(feedOnly.text.titles)")
    }

    @Test func aLoopingHistoryAndA404InTheMiddleGiveTheirPostsAndAWarning() throws {
        let site = try TestSite()
        let blog = PagedJSONFeedSite(site: site)
        // Page 3 points back at page 1.
        var last = try JSONSerialization.jsonObject(with: site.body(of: "/feed-3.json")!) as! [String: Any]
        last["next_url"] = site.url("/feed.json")
        site.add("/feed-3.json", try JSONSerialization.data(withJSONObject: last), type: "application/feed+json")
        let looped = try Self.book(of: site.url("/"))
        #expect(looped.text.titles == blog.posts.map(\.title))
        #expect(looped.stderr.contains("loops back to \(site.url("/feed.json"))"), "\(looped.stderr)")
        #expect(site.requests.filter { $0.path == "/feed.json" }.count == 1, "a history page was fetched twice")
        // Page 2 is gone: the posts of page 1, and a warning naming the page and the status.
        site.remove("/feed-2.json")
        let broken = try Self.book(of: site.url("/"))
        #expect(broken.text.titles == blog.posts.suffix(4).map(\.title), "\(broken.text.titles)")
        #expect(broken.stderr.contains("page 2 of the feed's history (\(site.url("/feed-2.json"))): the server answered HTTP 404"), "\(broken.stderr)")
    }

    @Test func aPageWithNoFeedFailsClearlyAndWritesNoBook() throws {
        let site = try TestSite()
        site.add("/", "<!DOCTYPE html><html><head><title>Just a page</title></head><body><p>Hello.</p></body></html>")
        let folder = TestPaths.temporaryFolder()
        let result = Self.build([site.url("/"), "-o", "blog.epub"], in: folder)
        #expect(result.status == 65, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("no feed found") && result.stderr.contains("/index.xml"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("blog.epub").path))
    }

    @Test func aServerThatAnswers429IsWaitedForOrGivenUpOnClearly() throws {
        // Busy once per post page, with Retry-After: each is asked again a second later.
        let site = try TestSite()
        let blog = WordPressSite(site: site)
        for post in blog.posts { site.add("/\(post.yearMonth)/\(post.slug)/", blog.postPage(post), fail: [429], retryAfter: "1") }
        let (text, stderr, _) = try Self.book(of: site.url("/"))
        #expect(text.titles == blog.allowedPosts.map(\.title), "\(stderr)")
        for post in blog.allowedPosts { #expect(text.pages.contains(post.paragraph(3))) }
        // Busy for good: a clear error, no book, and no hang.
        let busy = try TestSite()
        busy.add("/robots.txt", "", type: "text/plain", fail: Array(repeating: 429, count: 50), retryAfter: "1")
        busy.add("/", "<html></html>", fail: Array(repeating: 429, count: 50), retryAfter: "1")
        let folder = TestPaths.temporaryFolder()
        let started = Date()
        let result = Self.build([busy.url("/"), "-o", "blog.epub"], in: folder)
        #expect(result.status != 0 && result.stderr.contains("429"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("blog.epub").path))
    }
}

/// A blog kept in an archive from its address: the first import reads it whole, the next
/// only what is new; offline, the archive (or the cache) is the source.
@Suite struct SiteArchiveTests {
    @Test func aSecondArchiveAddRequestsNoPostPageAndTheArchiveBuildsOffline() throws {
        let site = try TestSite()
        let blog = WordPressSite(site: site)
        let folder = TestPaths.temporaryFolder()
        let cache = TestPaths.temporaryFolder().path
        let add = { Shell.bookify(["archive", "add", site.url("/"), "--archive", "blog.archive", "--cache-dir", cache], in: folder) }
        let first = add()
        try #require(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("14 posts: 14 new"), "\(first.stderr)")
        // A new post appears at the top of the feed; nothing else changes.
        site.clearRequests()
        let second = add()
        try #require(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("posts already archived") && second.stderr.contains("0 new"), "\(second.stderr)")
        let postPages = site.requests.map(\.path).filter { $0.hasPrefix("/2024/") }
        #expect(postPages.isEmpty, "post pages fetched again: \(postPages)")
        #expect(!site.requests.contains { $0.path.contains("paged=") }, "older feed pages read again: \(site.requests.map(\.path))")

        let newPost = FixturePost(number: 16, date: blog.posts[14].date.addingTimeInterval(7 * 86_400))
        var extended = blog
        extended.addNewest(newPost)
        site.clearRequests()
        let third = add()
        try #require(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("1 new"), "\(third.stderr)")
        #expect(site.requests.map(\.path).filter { $0.hasPrefix("/2024/") } == ["/\(newPost.yearMonth)/\(newPost.slug)/"], "\(site.requests.map(\.path))")

        // Offline with the address: the archive is the source, nothing is requested.
        site.clearRequests()
        let built = Shell.bookify(["build", site.url("/"), "--archive", "blog.archive", "--offline", "-o", "blog.epub"], in: folder)
        try #require(built.status == 0, "\(built.stderr)")
        #expect(site.requests.isEmpty, "\(site.requests.map(\.path))")
        let book = folder.appendingPathComponent("blog.epub")
        try EPUBCheck.expectClean(book)
        let text = try SiteBookTests.read(book)
        #expect(text.titles == blog.allowedPosts.map(\.title) + [newPost.title], "\(text.titles)")
        #expect(text.pages.contains(newPost.paragraph(3)) && text.pages.contains(blog.posts[0].paragraph(3)))
    }

    @Test func offlineASiteBuildsFromTheCacheOrSaysWhyNot() throws {
        let site = try TestSite()
        let blog = AtomArchiveSite(site: site)
        let cache = TestPaths.temporaryFolder().path
        let folder = TestPaths.temporaryFolder()
        let missing = Shell.bookify([site.url("/"), "--offline", "--cache-dir", cache, "-o", "a.epub"], in: folder)
        #expect(missing.status != 0 && missing.stderr.contains("--offline") && missing.stderr.contains("cache"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.epub").path))
        let online = Shell.bookify([site.url("/"), "--cache-dir", cache, "-o", "a.epub"], in: folder)
        try #require(online.status == 0, "\(online.stderr)")
        site.clearRequests()
        let offline = Shell.bookify([site.url("/"), "--offline", "--cache-dir", cache, "-o", "b.epub"], in: folder)
        try #require(offline.status == 0, "\(offline.stderr)")
        #expect(site.requests.isEmpty)
        let text = try SiteBookTests.read(folder.appendingPathComponent("b.epub"))
        #expect(text.titles == blog.posts.map(\.title))
    }
}

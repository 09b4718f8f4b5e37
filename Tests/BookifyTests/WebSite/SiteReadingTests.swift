@testable import BookifyCore
import Foundation
import Testing

/// The parts of reading a site, one at a time: robots.txt, feed discovery and ranking, the
/// engines' paging, sitemaps and post addresses, excerpts.
@Suite struct SiteReadingTests {
    @Test func robotsRulesFollowRFC9309() {
        let rules = RobotsRules.parse("""
            User-agent: Googlebot
            Disallow: /

            User-agent: *
            Disallow: /private/
            Allow: /private/open.html
            Disallow: /*.pdf$
            Crawl-delay: 2
            Sitemap: https://blog.example/sitemap_index.xml
            """)
        let url = { URL(string: "https://blog.example" + $0)! }
        #expect(rules.allows(url("/2024/03/post/")))
        #expect(!rules.allows(url("/private/notes/")))
        #expect(rules.allows(url("/private/open.html")), "the longer Allow wins")
        #expect(!rules.allows(url("/files/report.pdf")) && rules.allows(url("/files/report.pdf?x=1")))
        #expect(rules.crawlDelay == 2 && rules.sitemaps == [url("/sitemap_index.xml")])
        // A group for bookify replaces the * group.
        let own = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: bookify\nDisallow: /drafts/\n")
        #expect(own.allows(url("/posts/a/")) && !own.allows(url("/drafts/b/")))
        #expect(RobotsRules.parse("User-agent: *\nDisallow:\n").allows(url("/anything")), "an empty Disallow allows all")
    }

    @Test func thePostsFeedIsChosenOverCommentsCategoryAndTagFeeds() {
        let html = """
            <html><head>
            <link rel="alternate" type="application/rss+xml" title="Blog » Comments Feed" href="/comments/feed/">
            <link rel="alternate" type="application/rss+xml" title="Blog » Rivers Category Feed" href="/category/rivers/feed/">
            <link rel="alternate" type="application/rss+xml" title="Blog » Feed" href="/feed/">
            <link rel="alternate" type="application/atom+xml" title="Blog » Tag: maps" href="/tag/maps/feed/atom/">
            <link rel="alternate" type="text/html" hreflang="de" href="/de/">
            </head><body></body></html>
            """
        let page = WebPage(url: URL(string: "https://blog.example/2024/post/")!, bytes: Array(html.utf8))
        let header = "<https://blog.example/feed.json>; rel=\"alternate\"; type=\"application/feed+json\"; title=\"JSON\""
        let candidates = FeedDiscovery.candidates(in: page, linkHeader: header)
        #expect(candidates.map(\.url.path) == ["/feed", "/feed.json", "/comments/feed", "/category/rivers/feed", "/tag/maps/feed/atom"],
                "\(candidates.map(\.url))")
        #expect(candidates.prefix(2).allSatisfy { $0.demotion == nil })
        #expect(candidates.dropFirst(2).map(\.demotion) == ["a comments feed", "a category feed", "a tag feed"])
        #expect(!candidates.contains { $0.url.path == "/de" }, "an HTML alternate is no feed")
    }

    @Test func enginesThatNameNoNextPageArePagedTheirOwnWay() {
        let wordpress = EnginePaging(engine: "wordpress", feedURL: URL(string: "https://blog.example/feed/")!, pageSize: 10)
        #expect(wordpress.url(afterPage: 1, postsRead: 10, total: nil)?.absoluteString == "https://blog.example/feed/?paged=2")
        let blogger = EnginePaging(engine: "blogger", feedURL: URL(string: "https://x.blogspot.com/feeds/posts/default")!, pageSize: 25)
        #expect(blogger.url(afterPage: 1, postsRead: 25, total: 60)?.absoluteString
                == "https://x.blogspot.com/feeds/posts/default?start-index=26&max-results=25")
        #expect(blogger.url(afterPage: 3, postsRead: 60, total: 60) == nil, "the whole feed was read")
        #expect(EnginePaging(engine: nil, feedURL: URL(string: "https://h.example/index.xml")!, pageSize: 10)
            .url(afterPage: 1, postsRead: 10, total: nil) == nil)
        #expect(FeedPaging(generator: "https://wordpress.org/?v=6.5.2").engine == "wordpress")
    }

    @Test func atomAndRSSCarryTheirHistoryLinks() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0"><title>A</title>
            <link rel="prev-archive" href="archive/1.xml"/><link rel="next" href="https://a.example/feed?page=2"/><fh:complete/></feed>
            """
        let blog = try InputReader().parse(Array(atom.utf8), source: "a", documentURL: URL(string: "https://a.example/feed")!)
        #expect(blog.paging.previousArchive?.absoluteString == "https://a.example/archive/1.xml")
        #expect(blog.paging.next?.absoluteString == "https://a.example/feed?page=2" && blog.paging.isComplete)
        let json = #"{"version":"https://jsonfeed.org/version/1.1","title":"J","feed_url":"https://j.example/feed.json","next_url":"feed-2.json","items":[]}"#
        #expect(try InputReader().parse(Array(json.utf8), source: "j", documentURL: nil).paging.next?.absoluteString == "https://j.example/feed-2.json")
    }

    @Test func sitemapsAndPostAddresses() throws {
        let index = Sitemap.parse(Array("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://b.example/post-sitemap.xml</loc></sitemap></sitemapindex>".utf8))
        #expect(index?.sitemaps.map(\.lastPathComponent) == ["post-sitemap.xml"])
        for name in ["post-sitemap.xml", "wp-sitemap-posts-post-1.xml", "sitemap.xml", "sitemap-1.xml"] {
            #expect(Sitemap.mayListPosts(URL(string: "https://b.example/" + name)!), "\(name)")
        }
        for name in ["page-sitemap.xml", "category-sitemap.xml", "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-users-1.xml", "wp-sitemap-posts-page-1.xml"] {
            #expect(!Sitemap.mayListPosts(URL(string: "https://b.example/" + name)!), "\(name)")
        }
        let site = URL(string: "https://b.example/")!
        let known = ["/2024/01/a/", "/2024/02/b/", "/2023/12/c/"].map { URL(string: "https://b.example" + $0)! }
        let shape = PostAddressShape(knownPosts: known)
        #expect(shape.mayBePost(URL(string: "https://b.example/2022/05/older/")!, site: site))
        for other in ["/", "/about/", "/tag/maps/", "/category/notes/", "/page/2/", "/2024/", "/feed/", "/p/about.html", "/contact/"] {
            #expect(!shape.mayBePost(URL(string: "https://b.example" + other)!, site: site), "\(other)")
        }
        #expect(!shape.mayBePost(URL(string: "https://other.example/2024/01/a/")!, site: site))
    }

    @Test func excerptsAreToldFromWholePosts() {
        let post = { (content: String) in Post(id: "1", title: "T", content: content, contentFormat: .html) }
        #expect(ExcerptDetector.signal(post("<p>The start of a long story [&hellip;]</p>")) == .marked)
        #expect(ExcerptDetector.signal(post("<p>First lines. <a href=\"/x\">Continue reading</a></p>")) == .marked)
        #expect(ExcerptDetector.signal(post("")) == .marked)
        #expect(ExcerptDetector.signal(post("<p>A short note.</p>")) == .short)
        let long = "<p>" + String(repeating: "Many words of a whole post that ends properly. ", count: 30) + "</p>"
        #expect(ExcerptDetector.signal(post(long)) == nil)
    }

    @Test func aLocalFeedsRelativeImagesAreFoundBesideIt() throws {
        let folder = try TestPaths.temporaryFolder(holding: [
            "feed.json": #"{"version":"https://jsonfeed.org/version/1.1","title":"Local","home_page_url":"https://local.invalid/","items":[{"id":"1","url":"https://local.invalid/posts/one/","title":"One","date_published":"2024-01-01T00:00:00Z","content_html":"<p>A picture:</p><p><img src=\"img/wide.png\" alt=\"Wide\"></p>"}]}"#,
        ])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
        try TestImage.png(seed: 7).write(to: folder.appendingPathComponent("img/wide.png"))
        let result = Shell.bookify([folder.appendingPathComponent("feed.json").path, "-o", "local.epub", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("local.epub")
        try EPUBCheck.expectClean(book)
        #expect(try EPUBArchive(book).entries.contains { $0.name.hasPrefix("OEBPS/images/") && !$0.name.contains("cover") }, "\(result.stderr)")
    }
}

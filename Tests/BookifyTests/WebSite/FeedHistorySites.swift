import Foundation

/// A Hugo-like blog whose Atom feed is an RFC 5005 archive: the subscription document holds
/// the newest 3 entries in full and links `prev-archive` to older archive documents (each
/// marked `fh:archive`), the oldest linking no further.
struct AtomArchiveSite {
    let site: TestSite
    let posts = FixturePost.posts(10, from: "2023-05-02T08:00:00Z")

    func postURL(_ post: FixturePost) -> String { site.url("/posts/\(post.slug)/") }

    init(site: TestSite, pageSize: Int = 3) {
        self.site = site
        site.add("/", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ridge Notes</title>
            <meta name="generator" content="Hugo 0.125.4">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml" title="Ridge Notes">
            </head><body class="list"><header class="header"><nav class="nav"><a href="/" class="logo">Ridge Notes</a></nav></header>
            <main class="main">\(posts.reversed().prefix(5).map { "<article class=\"post-entry\"><header class=\"entry-header\"><h2>\($0.title)</h2></header><a class=\"entry-link\" href=\"\(postURL($0))\"></a></article>" }.joined())</main>
            </body></html>
            """)
        let newestFirst = Array(posts.reversed())
        let chunks = stride(from: 0, to: newestFirst.count, by: pageSize).map { Array(newestFirst[$0..<min($0 + pageSize, newestFirst.count)]) }
        for (index, chunk) in chunks.enumerated() {
            let path = index == 0 ? "/atom.xml" : "/archive/\(chunks.count - index).xml"
            let previous = index + 1 < chunks.count ? "<link rel=\"prev-archive\" href=\"\(site.url("/archive/\(chunks.count - index - 1).xml"))\"/>" : ""
            let marker = index == 0 ? "" : "<fh:archive/>"
            site.add(path, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">
                <title>Ridge Notes</title><id>\(site.url("/"))</id><updated>2023-08-01T00:00:00Z</updated>
                <link rel="self" href="\(site.url(path))"/><link rel="current" href="\(site.url("/atom.xml"))"/>
                <link rel="alternate" type="text/html" href="\(site.url("/"))"/>\(previous)\(marker)
                <generator uri="https://gohugo.io/">Hugo</generator><author><name>Lee Ridge</name></author>
                \(chunk.map(entry).joined(separator: "\n"))
                </feed>
                """, type: "application/atom+xml")
        }
        for post in posts where post.hasImage {
            site.add("/posts/\(post.slug)/sketch.png", TestImage.png(seed: 100 + post.number), type: "image/png")
        }
    }

    private func entry(_ post: FixturePost) -> String {
        """
        <entry><title>\(post.title)</title><id>\(postURL(post))</id><link rel="alternate" type="text/html" href="\(postURL(post))"/>
        <published>\(post.isoDate)</published><updated>\(post.isoDate)</updated>
        <content type="html">\(XMLEscape.text(post.bodyHTML(imageURL: "/posts/\(post.slug)/sketch.png")))</content></entry>
        """
    }
}

/// A blog with a JSON Feed 1.1 paged with `next_url` (newest first, 4 items a page, full
/// content), named in its home page's head.
struct PagedJSONFeedSite {
    let site: TestSite
    let posts = FixturePost.posts(9, from: "2025-02-10T12:00:00Z")

    func postURL(_ post: FixturePost) -> String { site.url("/\(post.isoDate.prefix(4))/\(post.slug)") }

    init(site: TestSite, pageSize: Int = 4) {
        self.site = site
        site.add("/", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quill &amp; Ledger</title>
            <link rel="alternate" type="application/feed+json" title="Quill &amp; Ledger" href="/feed.json">
            <link rel="alternate" type="application/rss+xml" title="Quill &amp; Ledger (RSS)" href="/rss.xml">
            </head><body><h1>Quill &amp; Ledger</h1></body></html>
            """)
        let newestFirst = Array(posts.reversed())
        let chunks = stride(from: 0, to: newestFirst.count, by: pageSize).map { Array(newestFirst[$0..<min($0 + pageSize, newestFirst.count)]) }
        for (index, chunk) in chunks.enumerated() {
            var feed: [String: Any] = [
                "version": "https://jsonfeed.org/version/1.1", "title": "Quill & Ledger", "home_page_url": site.url("/"),
                "feed_url": site.url(index == 0 ? "/feed.json" : "/feed-\(index + 1).json"), "language": "en",
                "authors": [["name": "Kit Quill"]],
                "items": chunk.map { post -> [String: Any] in
                    ["id": postURL(post), "url": postURL(post), "title": post.title, "date_published": post.isoDate,
                     "content_html": post.bodyHTML(imageURL: site.url("/media/\(post.slug).png")), "tags": ["ledger"]]
                },
            ]
            if index + 1 < chunks.count { feed["next_url"] = site.url("/feed-\(index + 2).json") }
            site.add(index == 0 ? "/feed.json" : "/feed-\(index + 1).json", try! JSONSerialization.data(withJSONObject: feed), type: "application/feed+json")
        }
        // The RSS feed holds only the newest page: the JSON Feed, with its history, is the one to read.
        site.add("/rss.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quill &amp; Ledger</title><link>\(site.url("/"))</link>"
                 + newestFirst.prefix(2).map { "<item><title>\($0.title)</title><link>\(postURL($0))</link><description>\(XMLEscape.text($0.excerpt))</description></item>" }.joined()
                 + "</channel></rss>", type: "application/rss+xml")
        for post in posts where post.hasImage {
            site.add("/media/\(post.slug).png", TestImage.png(seed: 200 + post.number), type: "image/png")
        }
    }
}

enum XMLEscape {
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

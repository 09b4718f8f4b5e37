import Foundation

/// A blog served as WordPress 6.5 with Twenty Twenty-One, Jetpack and Yoast SEO serve one: an
/// excerpt-only RSS feed in pages of 4 (`?paged=N`, 404 past the end) beside a comments feed,
/// theme boilerplate around every article (navigation, share bar, likes, related posts, author
/// box, comments and their form, sidebar widgets), a Yoast sitemap index, and a robots.txt
/// that disallows the folder of one post. Posts 1 and 2 are only in the sitemap (the feed's
/// pages end before them); post 3 is the disallowed one.
struct WordPressSite {
    let site: TestSite
    private(set) var posts = FixturePost.posts(15)
    static let pageSize = 4

    /// The posts a book of the site must hold: all but the disallowed one.
    var allowedPosts: [FixturePost] { posts.filter { $0.number != 3 } }

    func postURL(_ post: FixturePost) -> String { site.url("/\(post.yearMonth)/\(post.slug)/") }
    func imagePath(_ post: FixturePost) -> String { "/wp-content/uploads/\(post.yearMonth)/note-\(post.number).png" }

    init(site: TestSite) {
        self.site = site
        site.add("/", page(title: "Field Blog &#8211; Notes from the field", bodyClass: "home blog", main: homeMain, head: ""))
        let inFeed = Array(posts.reversed().prefix(12))
        for (index, chunk) in stride(from: 0, to: inFeed.count, by: Self.pageSize).map({ Array(inFeed[$0..<min($0 + Self.pageSize, inFeed.count)]) }).enumerated() {
            site.add(index == 0 ? "/feed/" : "/feed/?paged=\(index + 1)", feed(chunk), type: "application/rss+xml; charset=UTF-8")
        }
        site.add("/comments/feed/", commentsFeed, type: "application/rss+xml; charset=UTF-8")
        for post in posts {
            site.add("/\(post.yearMonth)/\(post.slug)/", postPage(post))
            if post.hasImage { site.add(imagePath(post), TestImage.png(seed: post.number), type: "image/png") }
        }
        site.add("/about/", page(title: "About &#8211; Field Blog", bodyClass: "page-template-default page page-id-2",
                                 main: "<article id=\"post-2\" class=\"post-2 page type-page status-publish hentry entry\"><header class=\"entry-header\"><h1 class=\"entry-title\">About</h1></header><div class=\"entry-content\"><p>This blog is about rivers and the people who walk them, written by Ana.</p></div></article>",
                                 head: "<meta property=\"og:type\" content=\"website\" />"))
        site.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /\(posts[2].yearMonth)/\(posts[2].slug)/\n\nSitemap: \(site.url("/sitemap_index.xml"))\n",
                 type: "text/plain")
        site.add("/sitemap_index.xml", sitemapIndex, type: "application/xml")
        site.add("/post-sitemap.xml", urlset(posts.map { (postURL($0), $0.isoDate) }), type: "application/xml")
        site.add("/page-sitemap.xml", urlset([(site.url("/"), "2024-05-01T00:00:00Z"), (site.url("/about/"), "2024-01-01T00:00:00Z")]), type: "application/xml")
        site.add("/category-sitemap.xml", urlset([(site.url("/category/notes/"), "2024-05-01T00:00:00Z")]), type: "application/xml")
    }

    /// Publishes `post`: it leads the feed's first page (the rest move down) and the sitemap.
    mutating func addNewest(_ post: FixturePost) {
        posts.append(post)
        site.add("/\(post.yearMonth)/\(post.slug)/", postPage(post))
        let inFeed = Array(posts.reversed().prefix(12))
        site.add("/feed/", feed(Array(inFeed.prefix(Self.pageSize))), type: "application/rss+xml; charset=UTF-8")
        site.add("/post-sitemap.xml", urlset(posts.map { (postURL($0), $0.isoDate) }), type: "application/xml")
    }

    private var homeMain: String {
        posts.reversed().prefix(4).map { post in
            """
            <article id="post-\(post.number)" class="post-\(post.number) post type-post status-publish format-standard hentry category-notes entry">
            <header class="entry-header"><h2 class="entry-title default-max-width"><a href="\(postURL(post))">\(post.title)</a></h2></header>
            <div class="entry-content"><p>\(post.excerpt)</p></div>
            <footer class="entry-footer default-max-width"><span class="posted-on">Published <time class="entry-date published updated" datetime="\(post.isoDate)">\(post.isoDate.prefix(10))</time></span></footer>
            </article>
            """
        }.joined(separator: "\n") + """
            <nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">Posts navigation</h2><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span>
            <a class="page-numbers" href="\(site.url("/page/2/"))">2</a><a class="next page-numbers" href="\(site.url("/page/2/"))">Older posts</a></div></nav>
            """
    }

    private func page(title: String, bodyClass: String, main: String, head: String) -> String {
        """
        <!doctype html>
        <html lang="en-US">
        <head>
        <meta charset="UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(title)</title>
        <meta name='robots' content='index, follow, max-image-preview:large' />
        \(head)
        <link rel="alternate" type="application/rss+xml" title="Field Blog &raquo; Feed" href="\(site.url("/feed/"))" />
        <link rel="alternate" type="application/rss+xml" title="Field Blog &raquo; Comments Feed" href="\(site.url("/comments/feed/"))" />
        <link rel='stylesheet' id='twenty-twenty-one-style-css' href='\(site.url("/wp-content/themes/twentytwentyone/style.css?ver=2.1"))' media='all' />
        <link rel="https://api.w.org/" href="\(site.url("/wp-json/"))" />
        <meta name="generator" content="WordPress 6.5.2" />
        <script>document.body.classList.remove("no-js");</script>
        </head>
        <body class="\(bodyClass) wp-embed-responsive is-light-theme no-js singular has-main-navigation">
        <div id="page" class="site">
        <a class="skip-link screen-reader-text" href="#content">Skip to content</a>
        <header id="masthead" class="site-header has-title-and-tagline has-menu" role="banner">
        <div class="site-branding"><p class="site-title"><a href="\(site.url("/"))" rel="home">Field Blog</a></p><p class="site-description">Notes from the field</p></div>
        <nav id="site-navigation" class="primary-navigation" aria-label="Primary menu"><div class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">
        <li id="menu-item-10" class="menu-item menu-item-type-post_type"><a href="\(site.url("/about/"))">About</a></li>
        <li id="menu-item-11" class="menu-item"><a href="\(site.url("/category/notes/"))">Notes</a></li></ul></div></nav>
        </header>
        <div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
        \(main)
        </main></div></div>
        <aside class="widget-area">
        <section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="\(site.url("/"))"><label for="search-form-1">Search&hellip;</label><input type="search" id="search-form-1" class="search-field" value="" name="s" /><input type="submit" class="search-submit" value="Search" /></form></section>
        <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><nav aria-label="Recent Posts"><ul>
        \(posts.reversed().prefix(5).map { "<li><a href=\"\(postURL($0))\">\($0.title)</a></li>" }.joined())
        </ul></nav></section>
        <section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><nav aria-label="Archives"><ul><li><a href='\(site.url("/2024/04/"))'>April 2024</a></li><li><a href='\(site.url("/2024/03/"))'>March 2024</a></li></ul></nav></section>
        </aside>
        <footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info"><div class="site-name">Field Blog</div><div class="privacy-policy"><a href="\(site.url("/privacy-policy/"))">Privacy Policy</a></div><div class="powered-by">Proudly powered by <a href="https://wordpress.org/">WordPress</a>.</div></div></footer>
        </div>
        <script id="twenty-twenty-one-ie11-polyfills-js-after">( Element.prototype.matches && Element.prototype.closest && window.NodeList && NodeList.prototype.forEach ) || document.write( '<script src="polyfills.js"></scr' + 'ipt>' );</script>
        <script src='\(site.url("/wp-content/plugins/jetpack/_inc/build/sharedaddy/sharing.min.js?ver=13.3"))' id='sharing-js-js'></script>
        </body>
        </html>
        """
    }

    func postPage(_ post: FixturePost) -> String {
        let previous = posts.first { $0.number == post.number - 1 }
        let head = """
            <meta property="og:type" content="article" />
            <meta property="og:title" content="\(post.title) - Field Blog" />
            <meta property="article:published_time" content="\(post.isoDate)" />
            <meta name="author" content="Ana Field" />
            <script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"Article","@id":"\(postURL(post))#article","headline":"\(post.title)","datePublished":"\(post.isoDate)","author":{"name":"Ana Field"}},{"@type":"WebPage","@id":"\(postURL(post))","name":"\(post.title) - Field Blog"}]}</script>
            """
        let main = """
            <article id="post-\(post.number)" class="post-\(post.number) post type-post status-publish format-standard hentry category-notes tag-field entry">
            <header class="entry-header alignwide"><h1 class="entry-title">\(post.title)</h1></header>
            <div class="entry-content">
            \(post.bodyHTML(imageURL: site.url(imagePath(post))))
            <div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
            <li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" href="\(postURL(post))?share=twitter" target="_blank" title="Click to share on Twitter"><span>Twitter</span></a></li>
            <li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="\(postURL(post))?share=facebook" target="_blank" title="Click to share on Facebook"><span>Facebook</span></a></li><li class="share-end"></li></ul></div></div></div>
            <div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded' id='like-post-wrapper-1-\(post.number)'><h3 class="sd-title">Like this:</h3><div class='likes-widget-placeholder post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span></span> <span class="loading">Loading...</span></div><span class='sd-text-color'></span><a class='sd-link-color'></a></div>
            <div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">
            <div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="\(postURL(posts[0]))">Walking the upper valley at dawn</a></h4><p class="jp-relatedposts-post-excerpt">Another morning by the water, with notes on the herons and the weather</p><p class="jp-relatedposts-post-context">In &quot;Notes&quot;</p></div></div></div>
            </div>
            <footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="\(post.isoDate)">\(post.isoDate.prefix(10))</time></span><span class="byline">By <a href="\(site.url("/author/ana/"))" rel="author">Ana Field</a></span></div>
            <div class="post-taxonomies"><span class="cat-links">Categorized as <a href="\(site.url("/category/notes/"))" rel="category tag">Notes</a></span><span class="tags-links">Tagged <a href="\(site.url("/tag/field/"))" rel="tag">field</a></span></div></footer>
            <div class="author-bio show-avatars"><div class="author-bio-content"><h2 class="author-title">By Ana Field</h2><p class="author-description">Ana Field writes about rivers, maps and long walks across the uplands.</p><a class="author-link" href="\(site.url("/author/ana/"))" rel="author">View all of Ana Field&#039;s posts.</a></div></div>
            </article>
            <nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">\(previous.map { "<div class=\"nav-previous\"><a href=\"\(postURL($0))\" rel=\"prev\"><p class=\"meta-nav\">Previous post</p><p class=\"post-title\">\($0.title)</p></a></div>" } ?? "")</div></nav>
            <div id="comments" class="comments-area default-max-width show-avatars">
            <h2 class="comments-title">One thought on &ldquo;\(post.title)&rdquo;</h2>
            <ol class="comment-list"><li id="comment-\(post.number)" class="comment even thread-even depth-1"><article id="div-comment-\(post.number)" class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Rob Walker</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-\(post.number)"><time datetime="2024-06-01T10:00:00+00:00">June 1, 2024 at 10:00 am</time></a></div></footer>
            <div class="comment-content"><p>Great post about the river, thank you so much for sharing these careful notes with us.</p></div>
            <div class="reply"><a rel='nofollow' class='comment-reply-link' href='#comment-\(post.number)'>Reply</a></div></article></li></ol>
            <div id="respond" class="comment-respond"><h2 id="reply-title" class="comment-reply-title">Leave a comment</h2><form action="\(site.url("/wp-comments-post.php"))" method="post" id="commentform" class="comment-form" novalidate>
            <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> Required fields are marked *</p><p class="comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" name="comment" cols="45" rows="5"></textarea></p>
            <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p></form></div>
            </div>
            """
        return page(title: "\(post.title) &#8211; Field Blog", bodyClass: "post-template-default single single-post postid-\(post.number) single-format-standard",
                    main: main, head: head)
    }

    private func feed(_ chunk: [FixturePost]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
        <channel>
        <title>Field Blog</title>
        <atom:link href="\(site.url("/feed/"))" rel="self" type="application/rss+xml" />
        <link>\(site.url("/"))</link>
        <description>Notes from the field</description>
        <lastBuildDate>Wed, 10 Apr 2024 09:00:00 +0000</lastBuildDate>
        <language>en-US</language>
        <sy:updatePeriod>hourly</sy:updatePeriod>
        <sy:updateFrequency>1</sy:updateFrequency>
        <generator>https://wordpress.org/?v=6.5.2</generator>
        \(chunk.map(item).joined(separator: "\n"))
        </channel>
        </rss>
        """
    }

    private func item(_ post: FixturePost) -> String {
        """
        <item>
        <title>\(post.title)</title>
        <link>\(postURL(post))</link>
        <comments>\(postURL(post))#comments</comments>
        <dc:creator><![CDATA[Ana Field]]></dc:creator>
        <pubDate>\(post.rfc822Date)</pubDate>
        <category><![CDATA[Notes]]></category>
        <guid isPermaLink="false">\(site.url("/?p=\(post.number)"))</guid>
        <description><![CDATA[\(post.excerpt)]]></description>
        <wfw:commentRss>\(postURL(post))feed/</wfw:commentRss>
        <slash:comments>1</slash:comments>
        </item>
        """
    }

    private var commentsFeed: String {
        """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel><title>Comments for Field Blog</title><atom:link href="\(site.url("/comments/feed/"))" rel="self" type="application/rss+xml" /><link>\(site.url("/"))</link>
        <description>Notes from the field</description><generator>https://wordpress.org/?v=6.5.2</generator>
        <item><title>Comment on \(posts[14].title) by Rob Walker</title><link>\(postURL(posts[14]))#comment-15</link><dc:creator><![CDATA[Rob Walker]]></dc:creator>
        <pubDate>Sat, 01 Jun 2024 10:00:00 +0000</pubDate><guid isPermaLink="false">\(site.url("/?p=15#comment-15"))</guid>
        <description><![CDATA[Great post about the river, thank you so much for sharing these careful notes with us.]]></description></item>
        </channel></rss>
        """
    }

    private var sitemapIndex: String {
        let maps = ["post-sitemap.xml", "page-sitemap.xml", "category-sitemap.xml", "author-sitemap.xml"]
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\" href=\"//example.org/main-sitemap.xsl\"?>\n"
            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + maps.map { "<sitemap><loc>\(site.url("/" + $0))</loc><lastmod>2024-06-01T10:00:00+00:00</lastmod></sitemap>" }.joined()
            + "</sitemapindex>"
    }
}

/// A sitemaps.org `urlset` of pages with their `lastmod`.
func urlset(_ pages: [(String, String)]) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"
        + pages.map { "<url><loc>\($0.0)</loc><lastmod>\($0.1)</lastmod></url>" }.joined() + "</urlset>"
}

import Foundation
import Testing

/// Books made from a blog's home-page address: the three loopback sites (WordPress-like,
/// an RFC 5005 archive of Atom feeds, a JSON Feed paged with `next_url`).
@Suite struct SiteBookTests {
    /// The posts' titles in the book's reading order and the text of every post page.
    struct BookText {
        var titles: [String]
        var pages: String
    }

    static func read(_ book: URL) throws -> BookText {
        let inspector = try BookInspector(book)
        let pages = inspector.spine.compactMap { inspector.archive["OEBPS/" + $0]?.text }.joined(separator: "\n")
        let titles = pages.matches(of: /<h1 class="post-title"[^>]*>([^<]*)</).map { BookInspector.unescape(String($0.output.1)) }
        return BookText(titles: titles, pages: BookInspector.unescape(pages))
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
}

import Foundation

/// The catalog as OPDS 1.2 documents: Atom feeds whose links carry OPDS relations and types
/// (a navigation feed at the root, acquisition feeds of books) and an OpenSearch description.
public struct OPDSCatalog: Sendable {
    /// What the archives hold.
    public var catalog: Catalog
    /// How links are written (with the reader's token, when it gave one in the query).
    public var links: CatalogLinks
    /// The catalog's title, as readers list it.
    public var title: String
    /// How many posts the newest-posts book holds.
    public var newestCount: Int

    public init(catalog: Catalog, links: CatalogLinks, title: String, newestCount: Int) {
        self.catalog = catalog
        self.links = links
        self.title = title
        self.newestCount = newestCount
    }

    /// The media types of OPDS feeds and books.
    public enum MediaType {
        public static let navigation = "application/atom+xml;profile=opds-catalog;kind=navigation"
        public static let acquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition"
        public static let openSearch = "application/opensearchdescription+xml"
        public static let epub = "application/epub+zip"
        /// What Kobo's readers and KOReader call a KEPUB.
        public static let kepub = "application/kepub+zip"
    }

    /// `/opds`: the root, a navigation feed to the blogs and the newest posts.
    public func root() -> String {
        var feed = AtomFeed(id: id("/opds"), title: title, updated: catalog.updated)
        feed.link("self", links.href("/opds"), MediaType.navigation)
        feed.commonLinks(links)
        feed.navigationEntry(title: "All blogs", id: id("/opds/blogs"), updated: catalog.updated, relation: "subsection",
                             href: links.href("/opds/blogs"),
                             about: "Each blog as one book of every post the archive holds (\(plural(catalog.blogs.count, "blog"))).")
        feed.navigationEntry(title: "Newest posts", id: id("/opds/new"), updated: catalog.updated, relation: "http://opds-spec.org/sort/new",
                             href: links.href("/opds/new"), about: "The \(newestCount) newest posts of all blogs as one book, a chapter per blog.")
        return feed.finished()
    }

    /// `/opds/blogs`: every blog's book.
    public func blogs() -> String {
        acquisitionFeed(path: "/opds/blogs", title: "All blogs", blogs: catalog.blogs)
    }

    /// `/opds/search?q=`: the blogs that match `terms`.
    public func search(_ terms: String) -> String {
        let found = catalog.search(terms)
        var feed = acquisitionFeedHead(path: "/opds/search", query: [("q", terms)], title: "Search: \(terms)")
        feed.openSearchTotals(found.count)
        for blog in found { feed.bookEntry(blogEntry(blog)) }
        return feed.finished()
    }

    /// `/opds/new`: the book of the newest posts (one per archive).
    public func newest() -> String {
        var feed = acquisitionFeedHead(path: "/opds/new", title: "Newest posts")
        for newest in catalog.newestBooks(count: newestCount) {
            feed.bookEntry(.init(book: newest.book, title: newest.title, id: id(newest.book.path + "#" + catalog.revision),
                                 updated: newest.updated, authors: [], language: nil,
                                 summary: "The \(plural(newest.postCount, "newest post")) of \(plural(newest.blogCount, "blog")), a chapter per blog.",
                                 links: links))
        }
        return feed.finished()
    }

    /// `/opds/search.xml`: how to search, for readers that offer a search field.
    public func searchDescription() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
          <ShortName>\(XMLText.escape(String(title.prefix(16))))</ShortName>
          <Description>\(XMLText.escape("Search the blogs of \(title) by title"))</Description>
          <InputEncoding>UTF-8</InputEncoding>
          <OutputEncoding>UTF-8</OutputEncoding>
          <Url type="\(MediaType.acquisition)" template="\(XMLText.escape(links.href("/opds/search", query: [("q", "{searchTerms}")]).replacingOccurrences(of: "%7BsearchTerms%7D", with: "{searchTerms}"), quotes: true))"/>
        </OpenSearchDescription>

        """
    }

    private func acquisitionFeed(path: String, title: String, blogs: [CatalogBlog]) -> String {
        var feed = acquisitionFeedHead(path: path, title: title)
        for blog in blogs { feed.bookEntry(blogEntry(blog)) }
        return feed.finished()
    }

    private func acquisitionFeedHead(path: String, query: [(String, String)] = [], title: String) -> AtomFeed {
        var feed = AtomFeed(id: id(path + query.map { "?\($0)=\($1)" }.joined()), title: title, updated: catalog.updated)
        feed.link("self", links.href(path, query: query), MediaType.acquisition)
        feed.link("up", links.href("/opds"), MediaType.navigation)
        feed.commonLinks(links)
        return feed
    }

    private func blogEntry(_ blog: CatalogBlog) -> AtomFeed.BookEntry {
        let summary = blog.summary
        let about = CatalogBlog.about(blog)
        return .init(book: .blog(blog.id), title: blog.title, id: "urn:uuid:" + UUIDv5.make(name: summary.key).uuidString.lowercased(),
                     updated: summary.lastFetch, authors: summary.authors, language: summary.language, summary: about,
                     links: links, homePage: summary.homePageURL)
    }

    /// A stable id for one of this catalog's documents.
    private func id(_ path: String) -> String {
        "urn:uuid:" + UUIDv5.make(name: "bookify-catalog:" + catalog.blogs.map(\.archivePath).joined(separator: "|") + path).uuidString.lowercased()
    }
}

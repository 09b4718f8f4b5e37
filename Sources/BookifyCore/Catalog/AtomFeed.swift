import Foundation

/// An Atom feed (RFC 4287) written element by element, with what OPDS adds: acquisition links,
/// Dublin Core terms and OpenSearch totals. Every text and attribute is escaped here.
struct AtomFeed {
    private var xml: String

    /// A feed's head: its id, title and update time, and an author (Atom requires one on the
    /// feed when its entries have none).
    init(id: String, title: String, updated: Date) {
        xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" \
            xmlns:opds="http://opds-spec.org/2010/catalog" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">

            """
        element("id", id)
        element("title", title)
        element("updated", FeedDate.iso8601(updated))
        xml += "  <author><name>bookify</name></author>\n"
    }

    mutating func link(_ relation: String, _ href: String, _ type: String, title: String? = nil, indent: String = "  ") {
        let titled = title.map { " title=\"\(XMLText.escape($0, quotes: true))\"" } ?? ""
        xml += "\(indent)<link rel=\"\(XMLText.escape(relation, quotes: true))\" href=\"\(XMLText.escape(href, quotes: true))\" "
            + "type=\"\(XMLText.escape(type, quotes: true))\"\(titled)/>\n"
    }

    /// The links every feed of the catalog carries: its root and its search.
    mutating func commonLinks(_ links: CatalogLinks) {
        link("start", links.href("/opds"), OPDSCatalog.MediaType.navigation)
        link("search", links.href("/opds/search.xml"), OPDSCatalog.MediaType.openSearch)
    }

    mutating func openSearchTotals(_ count: Int) {
        element("opensearch:totalResults", String(count))
        element("opensearch:itemsPerPage", String(max(count, 1)))
    }

    /// An entry of a navigation feed: a link to another feed.
    mutating func navigationEntry(title: String, id: String, updated: Date, relation: String, href: String, about: String) {
        xml += "  <entry>\n"
        element("title", title, indent: "    ")
        element("id", id, indent: "    ")
        element("updated", FeedDate.iso8601(updated), indent: "    ")
        xml += "    <content type=\"text\">\(XMLText.escape(about))</content>\n"
        link(relation, href, OPDSCatalog.MediaType.acquisition, indent: "    ")
        xml += "  </entry>\n"
    }

    /// A book of an acquisition feed.
    struct BookEntry {
        var book: CatalogBook
        var title: String
        var id: String
        var updated: Date
        var authors: [String]
        var language: String?
        var summary: String
        var links: CatalogLinks
        var homePage: URL?
    }

    /// An entry of an acquisition feed: a book, with a link for each format it comes in.
    mutating func bookEntry(_ entry: BookEntry) {
        xml += "  <entry>\n"
        element("title", entry.title, indent: "    ")
        element("id", entry.id, indent: "    ")
        element("updated", FeedDate.iso8601(entry.updated), indent: "    ")
        for author in entry.authors where !author.trimmed.isEmpty {
            xml += "    <author><name>\(XMLText.escape(author))</name></author>\n"
        }
        if let language = entry.language.flatMap(LanguageTag.normalized) { element("dc:language", language, indent: "    ") }
        element("summary", entry.summary, indent: "    ")
        if let home = entry.homePage?.absoluteString, home.hasPrefix("http") {
            link("alternate", home, "text/html", title: "The blog's home page", indent: "    ")
        }
        link("http://opds-spec.org/image", entry.links.cover(entry.book, thumbnail: false), "image/png", indent: "    ")
        link("http://opds-spec.org/image/thumbnail", entry.links.cover(entry.book, thumbnail: true), "image/png", indent: "    ")
        let acquisition = "http://opds-spec.org/acquisition/open-access"
        link(acquisition, entry.links.book(entry.book, .epub), OPDSCatalog.MediaType.epub, title: "EPUB", indent: "    ")
        link(acquisition, entry.links.book(entry.book, .kepub), OPDSCatalog.MediaType.kepub, title: "Kobo EPUB", indent: "    ")
        xml += "  </entry>\n"
    }

    /// The feed, closed.
    func finished() -> String { xml + "</feed>\n" }

    private mutating func element(_ name: String, _ text: String, indent: String = "  ") {
        xml += "\(indent)<\(name)>\(XMLText.escape(text))</\(name)>\n"
    }
}

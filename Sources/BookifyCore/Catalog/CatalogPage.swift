import Foundation

/// The catalog as one plain HTML page, for a browser (an e-reader's own, Kobo's among them):
/// the newest posts' book, then every blog's, each with a link that lets the server choose the
/// format by the reader and links to both formats; a search field filters the blogs.
public struct CatalogPage: Sendable {
    /// The catalog's documents, whose catalog, links and title the page shows.
    public var opds: OPDSCatalog

    public init(opds: OPDSCatalog) { self.opds = opds }

    /// The page; with `terms`, only the blogs that match them.
    public func html(searching terms: String? = nil) -> String {
        let catalog = opds.catalog
        let blogs = terms.map(catalog.search) ?? catalog.blogs
        var body = "<h1>\(escape(opds.title))</h1>\n"
        body += searchForm(terms)
        let newest = terms == nil ? catalog.newestBooks(count: opds.newestCount) : []
        if !newest.isEmpty {
            body += "<h2>Newest posts</h2>\n<ul class=\"books\">\n"
            for book in newest {
                body += item(title: book.title, book: book.book,
                             about: "The \(plural(book.postCount, "newest post")) of \(plural(book.blogCount, "blog")), a chapter per blog.")
            }
            body += "</ul>\n"
        }
        body += "<h2>\(terms == nil ? "Blogs" : "Blogs matching \u{201C}\(escape(terms!))\u{201D}")</h2>\n"
        if blogs.isEmpty { body += "<p>No blog.</p>\n" }
        body += "<ul class=\"books\">\n"
        for blog in blogs {
            body += item(title: blog.title, book: .blog(blog.id), about: CatalogBlog.about(blog))
        }
        body += "</ul>\n<p class=\"opds\">For e-reader apps: the OPDS catalog is at <a href=\"\(escape(opds.links.href("/opds")))\">/opds</a>.</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(opds.title))</title>
            <link rel="alternate" type="\(OPDSCatalog.MediaType.navigation)" href="\(escape(opds.links.href("/opds")))"/>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func searchForm(_ terms: String?) -> String {
        let token = opds.links.token.map { "<input type=\"hidden\" name=\"token\" value=\"\(escape($0))\"/>" } ?? ""
        return """
            <form action="/" method="get" role="search"><label for="q">Search the blogs by title</label> \
            <input id="q" name="q" type="search" value="\(escape(terms ?? ""))"/>\(token) <button type="submit">Search</button></form>

            """
    }

    private func item(title: String, book: CatalogBook, about: String) -> String {
        let links = opds.links
        return """
            <li><img src="\(escape(links.cover(book, thumbnail: true)))" alt="" width="64" height="102" loading="lazy"/>\
            <a class="title" href="\(escape(links.book(book, nil)))">\(escape(title))</a>
            <p>\(Self.keepingDatesWhole(escape(about)))</p>
            <p class="formats"><a href="\(escape(links.book(book, .epub)))">EPUB</a> \
            <a href="\(escape(links.book(book, .kepub)))">Kobo EPUB</a></p></li>

            """
    }

    private func escape(_ text: String) -> String { XMLText.escape(text, quotes: true) }

    /// Dates (`2026-12-07`) kept on one line: a narrow screen broke them at the hyphen.
    private static func keepingDatesWhole(_ html: String) -> String {
        html.replacing(/\d{4}-\d{2}-\d{2}/) { "<span class=\"date\">\($0.output)</span>" }
    }

    /// Large type and plain links: e-reader browsers are slow and small.
    private static let style = """
        body{font-family:Georgia,serif;max-width:40em;margin:0 auto;padding:1em;line-height:1.4;color:#111;background:#fff}\
        h1{font-size:1.6em;margin:.2em 0 .6em}h2{font-size:1.2em;margin-top:1.4em;border-bottom:1px solid #999}\
        ul.books{list-style:none;padding:0}ul.books li{margin:0 0 1.1em;min-height:106px;overflow:hidden}ul.books p{margin:.2em 0}\
        ul.books img{float:left;margin:0 .8em .4em 0;border:1px solid #ccc}\
        a.title{font-size:1.15em;font-weight:bold}.formats a{margin-right:1em}\
        form{display:flex;flex-wrap:wrap;gap:.4em;align-items:center}input[type=search]{flex:1;min-width:10em;font-size:1em;padding:.3em}\
        button{font-size:1em;padding:.3em .8em}.opds{margin-top:2em;font-size:.9em;color:#444}.date{white-space:nowrap}
        """
}

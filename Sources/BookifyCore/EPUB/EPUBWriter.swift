import Foundation

/// Writes a book as an EPUB 3.3 file with an EPUB 2 NCX (DESIGN §5).
///
/// The same book gives byte-identical files: entries in a fixed order with the book's own
/// modified date as their time stamp.
public struct EPUBWriter: Sendable {
    public var templates: TemplateLibrary
    public var stylesheet: [UInt8]
    /// How deep the table of contents goes: 1 lists posts, 2 adds their top-level headings.
    public var tocDepth: Int

    public init(templates: TemplateLibrary, stylesheet: [UInt8] = TemplateLibrary.defaultStylesheet, tocDepth: Int = 2) {
        self.templates = templates
        self.stylesheet = stylesheet
        self.tocDepth = tocDepth
    }

    /// Writes the EPUB atomically to `destination`.
    public func write(_ content: BookContent, to destination: URL) throws(BookifyError) {
        let resources = try resources(for: content)
        try OutputFile.write(to: destination) { (temporary: URL) throws(BookifyError) in
            let archive = try ZipArchive(creatingAt: temporary.path)
            let date = content.book.metadata.modified
            try archive.add("mimetype", contents: Array("application/epub+zip".utf8), compressed: false, modified: date)
            try archive.add("META-INF/container.xml", contents: Array(Self.container.utf8), compressed: true, modified: date)
            let opf = PackageDocument.make(metadata: content.book.metadata, resources: resources, ncxID: "ncx")
            try archive.add("OEBPS/content.opf", contents: Array(opf.utf8), compressed: true, modified: date)
            for resource in resources {
                try archive.add("OEBPS/" + resource.href, contents: resource.contents, compressed: true, modified: date)
            }
            try archive.close()
        }
    }

    /// Every file of the publication in manifest and spine order.
    func resources(for content: BookContent) throws(BookifyError) -> [EPUBResource] {
        let metadata = content.book.metadata
        let pages = PageRenderer(templates: templates, metadata: metadata, stylesheetHref: "../styles/book.css")
        let postHref = { (document: PostDocument) in "text/\(document.documentID).xhtml" }
        let toc = TableOfContents.entries(chapters: content.chapters.map { ($0.title, $0.documents) },
                                          depth: tocDepth, href: postHref)
        let documents = content.chapters.flatMap(\.documents)

        var resources: [EPUBResource] = [
            .page(id: "title-page", href: "text/title-page.xhtml", xhtml: try checked(pages.titlePage(), .titlePage)),
        ]
        var landmarks = [NavigationDocument.Landmark(type: "titlepage", title: "Title page", href: "text/title-page.xhtml"),
                         NavigationDocument.Landmark(type: "toc", title: "Contents", href: "nav.xhtml#toc")]
        if let first = documents.first {
            landmarks.append(.init(type: "bodymatter", title: "Start of content", href: postHref(first)))
        }
        resources.append(.page(id: "nav", href: "nav.xhtml",
                               xhtml: NavigationDocument.make(metadata: metadata, toc: toc, landmarks: landmarks,
                                                              stylesheetHref: "styles/book.css"),
                               properties: ["nav"]))
        for document in documents {
            resources.append(.page(id: document.documentID, href: postHref(document),
                                   xhtml: try checked(pages.post(document), .post)))
        }
        resources.append(.page(id: "colophon", href: "text/colophon.xhtml",
                               xhtml: try checked(pages.colophon(postCount: documents.count), .colophon)))
        resources.append(EPUBResource(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml",
                                      contents: Array(NCXDocument.make(metadata: metadata, toc: toc).utf8)))
        resources.append(EPUBResource(id: "stylesheet", href: "styles/book.css", mediaType: "text/css", contents: stylesheet))
        return resources
    }

    /// A rendered page, or an error naming the template that made it malformed.
    private func checked(_ xhtml: String, _ template: TemplateLibrary.Name) throws(BookifyError) -> String {
        if let problem = XMLChecker.check(xhtml) {
            let position = problem.location.map { " at \($0) of the rendered page" } ?? ""
            throw .invalidTemplate(path: "\(template.rawValue).mustache",
                                   reason: "the page it renders is not well-formed XHTML\(position): \(problem.message)")
        }
        return xhtml
    }

    private static let container = """
        <?xml version="1.0" encoding="utf-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """
}

/// A planned book with every post converted, grouped as its chapters.
public struct BookContent: Sendable {
    public struct ChapterContent: Sendable {
        public var title: String?
        public var documents: [PostDocument]
    }

    public var book: Book
    public var chapters: [ChapterContent]
}

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
            let images = PackageDocument.ImageAccessibility(
                visual: content.cover != nil || content.images.contains(where: \.informative),
                described: content.everyImageDescribed)
            let opf = PackageDocument.make(metadata: content.book.metadata, resources: resources, ncxID: "ncx", images: images)
            try archive.add("OEBPS/content.opf", contents: Array(opf.utf8), compressed: true, modified: date)
            for resource in resources {
                let compressed = !Self.alreadyCompressed.contains(resource.mediaType)
                if let file = resource.file {
                    try archive.add("OEBPS/" + resource.href, file: file, compressed: compressed, modified: date)
                } else {
                    try archive.add("OEBPS/" + resource.href, contents: resource.contents, compressed: compressed, modified: date)
                }
            }
            try archive.close()
        }
    }

    /// Formats that deflate cannot shrink: stored as they are, which saves the time.
    private static let alreadyCompressed: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// Every file of the publication in manifest and spine order.
    func resources(for content: BookContent) throws(BookifyError) -> [EPUBResource] {
        let metadata = content.book.metadata
        let pages = PageRenderer(templates: templates, metadata: metadata, stylesheetHref: "../styles/book.css")
        let splitPosts = LongPostSplitter().split(content.chapters.flatMap(\.documents))
        let split = Dictionary(splitPosts.map { ($0.document.documentID, $0) }, uniquingKeysWith: { first, _ in first })
        let postHref = { (document: PostDocument, id: String?) -> String in
            guard let post = split[document.documentID] else { return "text/\(document.documentID).xhtml" }
            return "text/" + (id.map { post.fileName(holding: $0) + "#" + $0 } ?? post.fileName(part: 0))
        }
        let chapterID = { (index: Int) in String(format: "c%02d", index + 1) }
        let toc = TableOfContents.entries(chapters: content.chapters, depth: tocDepth,
                                          chapterHref: { "text/\(chapterID($0)).xhtml" }, href: postHref)
        var resources: [EPUBResource] = []
        var landmarks: [NavigationDocument.Landmark] = []
        if let cover = content.cover {
            let imageHref = "images/cover.\(cover.type.fileExtension)"
            resources.append(.page(id: "cover", href: "text/cover.xhtml",
                                   xhtml: try checked(pages.cover(imageHref: "../" + imageHref), .cover)))
            resources.append(EPUBResource(id: "cover-image", href: imageHref, mediaType: cover.type.mediaType,
                                          contents: cover.bytes, properties: ["cover-image"]))
            landmarks.append(.init(type: "cover", title: "Cover", href: "text/cover.xhtml"))
        }
        resources.append(.page(id: "title-page", href: "text/title-page.xhtml", xhtml: try checked(pages.titlePage(), .titlePage)))
        landmarks.append(.init(type: "titlepage", title: "Title page", href: "text/title-page.xhtml"))
        landmarks.append(.init(type: "toc", title: "Contents", href: "nav.xhtml#toc"))
        resources.append(.page(id: "nav", href: "nav.xhtml", xhtml: "", properties: ["nav"]))  // filled below
        let navIndex = resources.count - 1
        for (index, chapter) in content.chapters.enumerated() {
            if let title = chapter.title {
                let posts = chapter.documents.map { (title: $0.post.title, href: "\($0.documentID).xhtml", date: $0.post.date) }
                resources.append(.page(id: chapterID(index), href: "text/\(chapterID(index)).xhtml",
                                       xhtml: try checked(pages.chapterOpener(title: title, posts: posts), .chapter)))
            }
            for document in chapter.documents {
                guard let post = split[document.documentID] else { continue }
                for (index, part) in post.parts.enumerated() {
                    let xhtml = pages.post(document, body: part, part: index, of: post.parts.count)
                    resources.append(.page(id: index == 0 ? document.documentID : "\(document.documentID)-\(index + 1)",
                                           href: "text/" + post.fileName(part: index), xhtml: try checked(xhtml, .post)))
                }
            }
        }
        if resources.count > navIndex + 1 {  // the first chapter opener or post
            landmarks.append(.init(type: "bodymatter", title: "Start of content", href: resources[navIndex + 1].href))
        }
        resources[navIndex].contents = Array(NavigationDocument.make(metadata: metadata, toc: toc, landmarks: landmarks,
                                                                     stylesheetHref: "styles/book.css").utf8)
        let postCount = content.chapters.reduce(0) { $0 + $1.documents.count }
        resources.append(.page(id: "colophon", href: "text/colophon.xhtml",
                               xhtml: try checked(pages.colophon(postCount: postCount), .colophon)))
        resources.append(EPUBResource(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml",
                                      contents: Array(NCXDocument.make(metadata: metadata, toc: toc).utf8)))
        resources.append(EPUBResource(id: "stylesheet", href: "styles/book.css", mediaType: "text/css", contents: stylesheet))
        for (index, image) in content.images.enumerated() {
            resources.append(EPUBResource(id: String(format: "img%03d", index + 1), href: image.href,
                                          mediaType: image.type.mediaType, contents: [], file: image.file))
        }
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
    /// The cover image, when the book has one.
    public var cover: ImageAsset?
    /// The images the posts show, each once.
    public var images: [EmbeddedImage] = []
    /// Images that could not be embedded; the posts show placeholders for them.
    public var warnings: [AssetWarning] = []
    /// Every content image has alt text (an accessibility claim).
    public var everyImageDescribed = true
    /// Keeps the images' files until the book content is gone.
    public var imageSpool: ImageSpool?
}

import Foundation

/// Writes a book as an EPUB 3.3 file with an EPUB 2 NCX (ARCHITECTURE §5).
///
/// The same book gives byte-identical files: entries in a fixed order with the book's own
/// modified date as their time stamp.
public struct EPUBWriter: BookWriter {
    /// The Mustache templates each page is rendered with.
    public var templates: TemplateLibrary
    /// The book's CSS, as bytes.
    public var stylesheet: [UInt8]
    /// How deep the table of contents goes: 1 lists posts, 2 adds their top-level headings.
    public var tocDepth: Int
    /// Writes a KEPUB: Kobo's sentence spans and column wrappers (`KoboSpans`).
    public var kobo = false
    /// The reading device the images are made for (`DeviceImages`).
    public var device = DeviceProfile(.generic)
    /// An EPUB shows a cover (a drawn one when none is given), may be written in volumes for
    /// Send to Kindle's limit, and is made for a device.
    public var needs: WriterNeeds { [.drawnCover, .volumes, .deviceProfile] }
    /// Text diagrams are SVG unless the device shows none.
    private var diagramFormat: ImageType { device.formats.contains(.svg) ? .svg : .png }

    /// A writer with these templates and stylesheet, listing headings down to `tocDepth` in the table of contents.
    public init(templates: TemplateLibrary, stylesheet: [UInt8] = TemplateLibrary.defaultStylesheet, tocDepth: Int = 2) {
        self.templates = templates
        self.stylesheet = stylesheet
        self.tocDepth = tocDepth
    }

    /// Writes the EPUB atomically to `destination`.
    public func write(_ content: BookContent, to destination: URL) throws(BookifyError) {
        let resources = Self.deflatingText(try resources(for: try DeviceImages.adapt(content, for: device)))
        try OutputFile.write(to: destination) { (temporary: URL) throws(BookifyError) in
            let archive = try ZipArchive(creatingAt: temporary.path, inMemory: Self.size(of: resources) <= Self.largestMadeInMemory)
            let date = content.book.metadata.modified
            try archive.add("mimetype", contents: Array("application/epub+zip".utf8), compressed: false, modified: date)
            try archive.add("META-INF/container.xml", contents: Array(Self.container.utf8), compressed: true, modified: date)
            let images = PackageDocument.ImageAccessibility(
                visual: (content.cover ?? content.drawnCover) != nil || content.images.contains(where: \.informative),
                described: content.everyImageDescribed)
            let opf = PackageDocument.make(metadata: content.book.metadata, resources: resources, ncxID: "ncx", images: images)
            try archive.add("OEBPS/content.opf", contents: Array(opf.utf8), compressed: true, modified: date)
            for resource in resources {
                let name = "OEBPS/" + resource.href
                let compressed = !Self.alreadyCompressed.contains(resource.mediaType)
                switch resource.contents {
                case .bytes(let bytes): try archive.add(name, contents: bytes, compressed: compressed, modified: date)
                case .deflated(let deflated): try archive.add(name, deflated: deflated, modified: date)
                case .file(let file): try archive.add(name, file: file, compressed: compressed, modified: date)
                }
            }
            try archive.close()
        }
    }

    /// `resources` with the text still to deflate (the package files, the stylesheet, diagrams)
    /// deflated now, on every core, rather than by libzip one after another when the archive
    /// is written: as libzip would, so the archive's bytes stay the same.
    private static func deflatingText(_ resources: [EPUBResource]) -> [EPUBResource] {
        resources.concurrentMap { resource in
            guard case .bytes(let bytes) = resource.contents, !alreadyCompressed.contains(resource.mediaType),
                  let deflated = ZipArchive.Deflated(asLibzipWould: bytes) else { return resource }
            var resource = resource
            resource.contents = .deflated(deflated)
            return resource
        }
    }

    /// The largest book (before compression) whose archive is made in memory and written at
    /// once (`ZipArchive`); a larger one, mostly images, is written to its file as it goes.
    private static let largestMadeInMemory = 32 * 1024 * 1024

    /// About how many bytes the resources take in the archive.
    private static func size(of resources: [EPUBResource]) -> Int {
        resources.reduce(0) { total, resource in
            switch resource.contents {
            case .bytes(let bytes): total + bytes.count
            case .deflated(let deflated): total + deflated.bytes.count
            // A file whose size cannot be read counts as too large.
            case .file(let file): total + ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int ?? largestMadeInMemory + 1)
            }
        }
    }

    /// Formats that deflate cannot shrink: stored as they are, which saves the time.
    private static let alreadyCompressed: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// Every file of the publication in manifest and spine order.
    func resources(for content: BookContent) throws(BookifyError) -> [EPUBResource] {
        let metadata = content.book.metadata
        let pages = PageRenderer(templates: templates, metadata: metadata, stylesheetHref: "../styles/book.css")
        let mathImages = device.showsMathML ? MathImages() : MathImages(content.documents, format: diagramFormat, device: device)
        let links = EPUBLinks(content: content, diagramFormat: diagramFormat, mathImages: mathImages)
        let chapterID = { (index: Int) in "c" + NumberText.zeroPadded(index + 1, digits: 2) }
        let toc = TableOfContents.entries(chapters: content.chapters, depth: tocDepth,
                                          chapterHref: { "text/\(chapterID($0)).xhtml" },
                                          href: { "text/" + links.href(to: .post($0.documentID, anchor: $1)) })
        var resources: [EPUBResource] = []
        var landmarks: [NavigationDocument.Landmark] = []
        if let cover = content.cover ?? content.drawnCover {
            let imageHref = "images/cover.\(cover.type.fileExtension)"
            resources.append(.page(id: "cover", href: "text/cover.xhtml",
                                   xhtml: try checked(pages.cover(imageHref: "../" + imageHref), .cover)))
            resources.append(EPUBResource(id: "cover-image", href: imageHref, mediaType: cover.type.mediaType,
                                          contents: .bytes(cover.bytes), properties: ["cover-image"]))
            landmarks.append(.init(type: "cover", title: "Cover", href: "text/cover.xhtml"))
        }
        resources.append(.page(id: "title-page", href: "text/title-page.xhtml",
                               xhtml: try checked(pages.titlePage(content.titlePage), .titlePage)))
        landmarks.append(.init(type: "titlepage", title: "Title page", href: "text/title-page.xhtml"))
        landmarks.append(.init(type: "toc", title: "Contents", href: "nav.xhtml#toc"))
        let bodyStart = resources.count
        // Posts are written on every core, with their diagrams' pictures; each only reads the book.
        let (format, device) = (diagramFormat, device)
        let postPages = try content.documents.concurrentMap(startingWithCostliest: \.post.content.utf8.count) { document throws(BookifyError) in
            (pages: try self.pages(of: document, links: links, pages: pages), diagrams: Self.diagrams(in: document, as: format, for: device))
        }
        var next = 0
        for (index, chapter) in content.chapters.enumerated() {
            if let opener = chapter.opener {
                let xhtml = pages.chapterOpener(opener) { links.href(to: .post($0, anchor: nil)) }
                resources.append(.page(id: chapterID(index), href: "text/\(chapterID(index)).xhtml", xhtml: try checked(xhtml, .chapter)))
            }
            resources += postPages[next..<next + chapter.documents.count].map(\.pages).joined()
            next += chapter.documents.count
        }
        if resources.count > bodyStart {  // the first chapter opener or post
            landmarks.append(.init(type: "bodymatter", title: "Start of content", href: resources[bodyStart].href))
        }
        resources.append(.page(id: "colophon", href: "text/colophon.xhtml",
                               xhtml: try checked(pages.colophon(content.colophon), .colophon)))
        // The contents come last, outside the reading order: readers open them from their own
        // menu, and a reader that pages through everything meets the posts first.
        var nav = EPUBResource.page(id: "nav", href: "nav.xhtml",
                                    xhtml: NavigationDocument.make(metadata: metadata, toc: toc, landmarks: landmarks,
                                                                   stylesheetHref: "styles/book.css"), properties: ["nav"])
        nav.linear = false
        resources.append(nav)
        resources.append(EPUBResource(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml",
                                      contents: .bytes(Array(NCXDocument.make(metadata: metadata, toc: toc).utf8))))
        resources.append(EPUBResource(id: "stylesheet", href: "styles/book.css", mediaType: "text/css", contents: .bytes(stylesheet)))
        resources += Self.distinct(postPages.map(\.diagrams).joined())
        resources += mathImages.resources
        for (index, image) in content.images.enumerated() {
            resources.append(EPUBResource(id: "img" + NumberText.zeroPadded(index + 1, digits: 3), href: EPUBLinks.imagePath(image),
                                          mediaType: image.type.mediaType, contents: .file(image.file)))
        }
        return resources
    }

    /// The page or pages (a long post is split) of one post.
    private func pages(of document: PostDocument, links: EPUBLinks, pages: PageRenderer) throws(BookifyError) -> [EPUBResource] {
        guard let post = links.post(document.documentID) else { return [] }
        return try post.parts.enumerated().map { part, body throws(BookifyError) in
            let xhtml = pages.post(document.header, body: links.writer(for: document.documentID, part: part).serialize(body),
                                   part: part, of: post.parts.count)
            // EPUB asks a page that holds MathML to say so.
            let hasMath = device.showsMathML && body.anyNode { if case .math = $0 { true } else { false } }
            return .page(id: part == 0 ? document.documentID : "\(document.documentID)-\(part + 1)",
                         href: "text/" + post.fileName(part: part), xhtml: try checked(xhtml, .post),
                         properties: hasMath ? ["mathml"] : [])
        }
    }

    /// The pictures of a post's diagrams too wide to set as text (SVG, or PNG for a device
    /// without SVG), deflated here on the post's core.
    private static func diagrams(in document: PostDocument, as format: ImageType, for device: DeviceProfile) -> [EPUBResource] {
        document.body.codeBlocks.filter(DiagramImage.isImage).map { pre in
            let bytes = diagram(pre, as: format, for: device)
            let contents = format == .png ? EPUBResource.Contents.bytes(bytes)
                : ZipArchive.Deflated(asLibzipWould: bytes).map(EPUBResource.Contents.deflated) ?? .bytes(bytes)
            return EPUBResource(id: "", href: DiagramImage.path(of: pre, format: format), mediaType: format.mediaType, contents: contents)
        }
    }

    /// One file per distinct diagram (the same drawing in two posts is one file), numbered in
    /// the book's order.
    private static func distinct(_ diagrams: some Sequence<EPUBResource>) -> [EPUBResource] {
        var paths = Set<String>()
        return diagrams.compactMap { diagram in
            guard paths.insert(diagram.href).inserted else { return nil }
            var numbered = diagram
            numbered.id = "diagram-\(paths.count)"
            return numbered
        }
    }

    /// A diagram's SVG, or for a device without SVG that drawing as a PNG at three times its
    /// size (sharp on a 300 ppi screen) within the device's largest image.
    private static func diagram(_ pre: ContentElement, as format: ImageType, for device: DeviceProfile) -> [UInt8] {
        let svg = Array(DiagramImage.svg(for: pre).utf8)
        guard format == .png, let size = ImageSize.read(svg, type: .svg),
              let png = ImageConverter.convert(svg, type: .svg, width: size.width * 3, height: size.height * 3, for: device)
        else { return svg }
        return png.bytes
    }

    /// A rendered page, or an error naming the template that made it malformed.
    private func checked(_ xhtml: String, _ template: TemplateLibrary.Name) throws(BookifyError) -> String {
        if let problem = XMLChecker.check(xhtml) {
            let position = problem.location.map { " at \($0) of the rendered page" } ?? ""
            throw .invalidTemplate(path: "\(template.rawValue).mustache",
                                   reason: "the page it renders is not well-formed XHTML\(position): \(problem.message)")
        }
        return kobo ? KoboSpans.apply(to: xhtml) : xhtml
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

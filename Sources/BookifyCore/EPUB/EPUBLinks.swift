/// Where things are inside the EPUB: each post's files (long posts split over several), the
/// file and fragment a link target leads to from a given page, and each image's path.
struct EPUBLinks: Sendable {
    private let posts: [String: LongPostSplitter.SplitPost]
    private let images: [String: EmbeddedImage]
    /// How wide text diagrams are stored (`XHTMLWriter.diagramFormat`).
    private let diagramFormat: ImageType
    /// Formulas drawn as images (`XHTMLWriter.mathImages`).
    private let mathImages: MathImages

    init(content: BookContent, diagramFormat: ImageType = .svg, mathImages: MathImages = MathImages()) {
        self.diagramFormat = diagramFormat
        self.mathImages = mathImages
        let images = Dictionary(content.images.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.images = images
        // Sizes are measured as the post would be written whole, with no part yet known.
        let whole = { @Sendable (document: PostDocument) in
            XHTMLWriter(documentID: document.documentID, href: { Self.unsplitHref($0, from: document.documentID) },
                        imageSource: { Self.imageSource($0, images: images) })
        }
        let split = content.documents.concurrentMap(startingWithCostliest: \.post.content.utf8.count) { document in
            LongPostSplitter().split(document) { whole(document).serialize($0).utf8.count }
        }
        posts = Dictionary(split.map { ($0.document.documentID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The post `documentID` as it is split into files.
    func post(_ documentID: String) -> LongPostSplitter.SplitPost? { posts[documentID] }

    /// The writer of part `part` of the post `documentID`.
    func writer(for documentID: String, part: Int) -> XHTMLWriter {
        var writer = XHTMLWriter(documentID: documentID, href: { href(to: $0, from: (documentID, part)) },
                                 imageSource: { Self.imageSource($0, images: images) })
        writer.diagramFormat = diagramFormat
        writer.mathImages = mathImages
        return writer
    }

    /// The `href` of `target` relative to the text folder, from the page `page` (a post and its
    /// part) or from any other page: a bare fragment when the target is on the same page.
    func href(to target: LinkTarget, from page: (documentID: String, part: Int)? = nil) -> String {
        switch target {
        case .external(let address):
            return address
        case .post(let documentID, nil):
            return documentID + ".xhtml"
        case .post(let documentID, let anchor?):
            guard let post = posts[documentID] else { return documentID + ".xhtml#" + anchor }
            let part = post.part(holding: anchor)
            if let page, page.documentID == documentID, page.part == part { return "#" + anchor }
            return post.fileName(part: part) + "#" + anchor
        }
    }

    /// The path of an image inside the publication (relative to the package document).
    static func imagePath(_ image: EmbeddedImage) -> String {
        "images/\(image.id).\(image.type.fileExtension)"
    }

    private static func imageSource(_ use: ImageUse, images: [String: EmbeddedImage]) -> String {
        images[use.imageID].map { "../" + imagePath($0) } ?? ""
    }

    private static func unsplitHref(_ target: LinkTarget, from documentID: String) -> String {
        switch target {
        case .external(let address): return address
        case .post(let id, nil): return id + ".xhtml"
        case .post(let id, let anchor?): return id == documentID ? "#" + anchor : id + ".xhtml#" + anchor
        }
    }
}

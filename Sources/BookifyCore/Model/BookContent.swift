/// The book as every writer reads it (ARCHITECTURE §3): the plan, the page chrome as data, every post
/// converted to the book model, and the images they show. Writers conform to `BookWriter`.
public struct BookContent: Sendable {
    /// A chapter with its posts converted.
    public struct ChapterContent: Sendable {
        /// The chapter's title; `nil` for an untitled chapter.
        public var title: String?
        /// The opening page of a titled chapter.
        public var opener: ChapterOpener?
        /// The chapter's posts, converted.
        public var documents: [PostDocument]
    }

    /// The planned book the content was made from.
    public var book: Book
    /// What the title page shows.
    public var titlePage: TitlePage
    /// The chapters, in reading order.
    public var chapters: [ChapterContent]
    /// What the colophon at the end of the book says.
    public var colophon: Colophon
    /// The cover image the user gave, when there is one.
    public var cover: ImageAsset?
    /// The cover bookify drew for a book the user gave none (EPUB only: e-readers show a blank
    /// thumbnail without; a PDF opens on its title page).
    public var drawnCover: ImageAsset?
    /// The images the posts show, each once.
    public var images: [EmbeddedImage] = []
    /// Images that could not be embedded; the posts show placeholders for them.
    public var warnings: [AssetWarning] = []
    /// Every content image has alt text (an accessibility claim).
    public var everyImageDescribed = true
    /// Keeps the images' files until the book content is gone.
    public var imageSpool: ImageSpool?

    /// Every post of the book, in reading order.
    public var documents: [PostDocument] { chapters.flatMap(\.documents) }
}

extension BookContent {
    /// The distinct image references that could not be embedded, in order of first use.
    public var missingImages: [String] {
        var seen = Set<String>()
        return warnings.map(\.reference).filter { seen.insert($0).inserted }
    }

    /// How many links lead nowhere, over all posts.
    public var brokenLinkCount: Int { documents.reduce(0) { $0 + $1.brokenLinks.count } }

    /// The error `--strict` ends a build with when images are missing or links broken; `nil`
    /// when there is nothing to complain about.
    var strictFailure: BookifyError? {
        let images = missingImages.count
        let links = brokenLinkCount
        var problems: [String] = []
        if images > 0 { problems.append("\(images) image\(images == 1 ? "" : "s") could not be embedded") }
        if links > 0 { problems.append("\(links) link\(links == 1 ? "" : "s") lead\(links == 1 ? "s" : "") nowhere") }
        guard !problems.isEmpty else { return nil }
        return .invalidInput(path: book.metadata.title, location: nil,
                             reason: problems.joined(separator: " and ") + ", and --strict makes that an error")
    }
}

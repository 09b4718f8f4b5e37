import Foundation

/// The whole pipeline (DESIGN §3): inputs → posts → plan → content → EPUB.
public struct BookBuilder: Sendable {
    public var settings: BookSettings
    public var tocDepth = 2
    /// Told how many images are loaded, and of how many, while they load.
    public var imageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(settings: BookSettings = BookSettings()) {
        self.settings = settings
    }

    /// Reads every input; the first that fails stops the build.
    public func read(_ inputs: [String]) async throws(BookifyError) -> [Blog] {
        var reader = InputReader()
        reader.includeDrafts = settings.includeDrafts
        reader.offline = settings.offline
        reader.http = settings.http
        var blogs: [Blog] = []
        for input in inputs { blogs.append(try await reader.read(input)) }
        return blogs
    }

    /// Converts every post of the planned book, concurrently, keeping the book's order.
    public func convert(_ book: Book) async -> BookContent {
        let converter = PostConverter(autoFormat: settings.contentFormat)
        let posts = Self.withoutSiteWideImages(book.posts)
        let width = max(3, String(posts.count).count)
        let documentIDs = posts.indices.map { index in
            "p" + String(repeating: "0", count: width - String(index + 1).count) + String(index + 1)
        }
        var links = BookLinks()
        for (post, documentID) in zip(posts, documentIDs) {
            for url in [post.url].compactMap({ $0 }) + post.aliases { links.add(url, documentID: documentID) }
        }
        let converted = await withTaskGroup(of: (Int, PostDocument).self) { [links] group in
            for (index, post) in posts.enumerated() {
                group.addTask { (index, converter.convert(post, documentID: documentIDs[index], links: links)) }
            }
            var converted = [PostDocument?](repeating: nil, count: posts.count)
            for await (index, document) in group { converted[index] = document }
            return converted.map { $0! }
        }
        let embedder = MediaEmbedder(loader: imageLoader, concurrentDownloads: settings.assets.concurrentDownloads,
                                     progress: imageProgress)
        let media = await embedder.embed(CrossReferences.resolve(converted))
        let documents = media.documents
        var chapters: [BookContent.ChapterContent] = []
        var next = 0
        for chapter in book.chapters {
            chapters.append(.init(title: chapter.title, documents: Array(documents[next..<next + chapter.posts.count])))
            next += chapter.posts.count
        }
        return BookContent(book: book, chapters: chapters, cover: nil, images: media.images, warnings: media.warnings,
                           everyImageDescribed: media.everyImageDescribed, imageSpool: media.spool)
    }

    /// Posts without the JSON Feed `image`/`banner_image` that three or more of them share: a
    /// site's default picture (often its favicon) is no post's own lead image.
    static func withoutSiteWideImages(_ posts: [Post]) -> [Post] {
        var uses: [URL: Int] = [:]
        for post in posts {
            for image in Set([post.image, post.bannerImage].compactMap { $0 }) { uses[image, default: 0] += 1 }
        }
        let shared = Set(uses.filter { $0.value >= 3 }.keys)
        guard !shared.isEmpty else { return posts }
        return posts.map { post in
            var post = post
            if let image = post.image, shared.contains(image) { post.image = nil }
            if let banner = post.bannerImage, shared.contains(banner) { post.bannerImage = nil }
            return post
        }
    }

    private var imageLoader: ImageLoader {
        ImageLoader(settings: settings.assets, offline: settings.offline)
    }

    /// Plans the book: its metadata, chapters and post order.
    public func plan(_ blogs: [Blog]) -> Book {
        BookPlanner(settings: settings).plan(blogs)
    }

    /// Fails when the plan holds no post: a book without content helps no one (and an EPUB
    /// needs at least one entry in its table of contents).
    private func requirePosts(in book: Book, blogs: [Blog]) throws(BookifyError) {
        guard book.posts.isEmpty else { return }
        let sources = blogs.map(\.source).joined(separator: ", ")
        let filtered = blogs.contains { !$0.posts.isEmpty }
        throw .invalidInput(path: sources.isEmpty ? "input" : sources, location: nil,
                            reason: filtered ? "no post is left after --tag, --exclude-tag, --since, --until"
                                             : "no posts in it")
    }

    /// An EPUB writer with the templates and stylesheet the settings name.
    public func epubWriter() throws(BookifyError) -> EPUBWriter {
        EPUBWriter(templates: try TemplateLibrary(overrides: settings.templatesDirectory),
                   stylesheet: try loadStylesheet(), tocDepth: tocDepth)
    }

    /// The cover image the settings name (a file or an http(s) URL), checked to be a PNG or JPEG.
    private func loadCover() async throws(BookifyError) -> ImageAsset? {
        guard let cover = settings.cover else { return nil }
        let name = cover.isFileURL ? cover.path : cover.absoluteString
        if cover.isFileURL, !FileManager.default.fileExists(atPath: cover.path) { throw .inputNotFound(path: name) }
        let loaded = cover.isFileURL ? imageLoader.readFile(cover) : await imageLoader.load(cover.absoluteString, at: PostLocation())
        switch loaded {
        case .success(let asset) where asset.type == .png || asset.type == .jpeg:
            return ImageAsset(bytes: asset.bytes, type: asset.type)
        case .success(let asset):
            throw .invalidInput(path: name, location: nil, reason: "a cover must be a PNG or JPEG image "
                                + "(e-readers show no other cover), not \(asset.type.rawValue.uppercased())")
        case .failure(.notAnImage(let what)):
            throw .invalidInput(path: name, location: nil, reason: "not an image (\(what)); a cover must be a PNG or JPEG image")
        case .failure(let failure):
            throw .inputNotReadable(path: name, reason: failure.description)
        }
    }

    /// Everything a book needs from `inputs`: read, planned, converted, with its cover.
    /// Fails before any work on content when the cover is unusable or no post is left.
    public func content(for inputs: [String]) async throws(BookifyError) -> BookContent {
        let cover = try await loadCover()
        let blogs = try await read(inputs)
        let book = plan(blogs)
        try requirePosts(in: book, blogs: blogs)
        var content = await convert(book)
        content.cover = cover
        return content
    }

    /// Builds the book from `inputs` and writes it to `output`.
    @discardableResult
    public func build(inputs: [String], output: URL) async throws(BookifyError) -> Book {
        let writer = try epubWriter()
        let content = try await content(for: inputs)
        try writer.write(content, to: output)
        return content.book
    }

    private func loadStylesheet() throws(BookifyError) -> [UInt8] {
        guard let path = settings.stylesheet?.path else { return TemplateLibrary.defaultStylesheet }
        guard FileManager.default.fileExists(atPath: path) else { throw .inputNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputNotReadable(path: path, reason: "cannot read the stylesheet")
        }
        return Array(data)
    }
}

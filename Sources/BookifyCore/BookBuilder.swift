import Foundation

/// The whole pipeline (ARCHITECTURE §3): inputs → posts → plan → content → writers.
public struct BookBuilder: Sendable {
    /// What the build makes of its inputs.
    public var settings: BookSettings
    /// Told where the build is, at each stage and as its work gets done (from any thread).
    public var progress: BuildProgress.Report?
    /// The archive a book is built from: its images come from there alone.
    private var archive: Archive?

    /// A builder for the stages one at a time (`read`, then `plan`, `convert`, a writer).
    public init(settings: BookSettings = BookSettings()) {
        self.settings = settings
    }

    /// What a finished build did.
    public struct Result: Sendable {
        /// What the books hold, as every writer received it.
        public var content: BookContent
        /// The books written (with `splitSize`, the volumes), each with its format.
        public var books: [OutputBook]
        /// Each output written in volumes, with its volumes' files.
        public var volumes: [String: [String]] = [:]
        /// Books made for a device that are larger than it takes in comfortably.
        public var overBudget: [OverBudget] = []
        /// With an archive: what each input added to it.
        public var imports: [ArchiveImport] = []
        /// What reading each web site found and did (without an archive; with one, in `imports`).
        public var sites: [SiteReport] = []
        /// Built from an archive: what it chose (a digest records it once sent).
        public var archiveSelection: ArchiveSelection?

        /// The paths of the books written, as they were given.
        public var written: [String] { books.map(\.path) }
    }

    /// A book larger than its device's `DeviceProfile.sizeBudget`.
    public struct OverBudget: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var device: DeviceProfile
    }

    /// Builds the book `request` asks for and writes every output it names (each in the
    /// format of its extension). `review` sees the content before anything is written (to
    /// report warnings); with `strict` set, a missing image or a broken link then fails the
    /// build and no book is written.
    public static func build(_ request: BuildRequest, progress: BuildProgress.Report? = nil,
                             review: (BookContent) -> Void = { _ in }) async throws(BookifyError) -> Result {
        let jobs = request.settings.jobs ?? Parallelism.jobs
        let outcome = await Parallelism.$jobs.withValue(max(1, jobs)) { () async -> Swift.Result<Result, BookifyError> in
            do throws(BookifyError) {
                return .success(try await buildWithinJobs(request, progress: progress, review: review))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func buildWithinJobs(_ request: BuildRequest, progress: BuildProgress.Report?,
                                        review: (BookContent) -> Void) async throws(BookifyError) -> Result {
        var builder = BookBuilder(settings: request.settings)
        builder.progress = progress
        // Writers first: a broken template or stylesheet fails before any input is read. With
        // no output named, the book is an EPUB named after its title, known once it is read.
        let outputs: [OutputBook?] = request.outputs.isEmpty ? [nil] : request.outputs
        let writers = try outputs.map { output throws(BookifyError) in (output, try builder.writer(for: output?.format ?? .epub)) }
        let needs = writers.reduce(into: WriterNeeds()) { $0.formUnion($1.1.needs) }
        let (content, archived, sites) = try await builder.contentAndArchive(for: request.inputs, needs: needs)
        review(content)
        if request.settings.strict, let failure = content.strictFailure { throw failure }
        var result = Result(content: content, books: [], imports: archived?.imports ?? [], sites: sites)
        for (index, (output, writer)) in writers.enumerated() {
            progress?(BuildProgress(stage: .write, done: index, total: writers.count))
            let output = output ?? OutputBook(path: content.book.suggestedFileName, format: .epub)
            let files = try builder.write(content, with: writer, to: output)
            result.books += files.map { OutputBook(path: $0, format: output.format) }
            if files != [output.path] { result.volumes[output.path] = files }
            if writer.needs.contains(WriterNeeds.deviceProfile) { result.overBudget += builder.overBudget(files) }
        }
        if let archived {
            result.archiveSelection = archived.selection
            if request.settings.archiveQuery.newSince == .lastBuild, request.settings.archiveQuery.recordsBuild {
                try archived.archive.recordBuild(of: archived.selection, postCount: content.book.posts.count, outputs: result.written)
            }
        }
        return result
    }

    /// Writes `output`, in volumes when the writer makes them and a split size is set; the files written.
    private func write(_ content: BookContent, with writer: any BookWriter, to output: OutputBook) throws(BookifyError) -> [String] {
        if let limit = settings.epub.splitSize, writer.needs.contains(.volumes) {
            let cache = settings.assets.cacheFolder
            return try BookVolumes.write(content, with: writer, to: output.path, limit: limit) { Self.drawnCover(for: $0, keptIn: cache) }
        }
        try writer.write(content, to: URL(fileURLWithPath: output.path))
        return [output.path]
    }

    /// The `files` larger than the device's size budget.
    private func overBudget(_ files: [String]) -> [OverBudget] {
        guard let budget = settings.epub.device.sizeBudget else { return [] }
        return files.compactMap { file in
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > budget else { return nil }
            return OverBudget(path: file, size: size, device: settings.epub.device)
        }
    }

    /// Reads every input; the first that fails stops the build.
    public func read(_ inputs: [String]) async throws(BookifyError) -> [Blog] {
        try await readWithReports(inputs).blogs
    }

    /// Reads every input, with what reading each web site found and did.
    public func readWithReports(_ inputs: [String]) async throws(BookifyError) -> (blogs: [Blog], sites: [SiteReport]) {
        var reader = InputReader(settings: settings)
        reader.progress = progress
        var blogs: [Blog] = []
        var sites: [SiteReport] = []
        for input in inputs {
            progress?(BuildProgress(stage: .read, done: blogs.count, total: inputs.count))
            let fetched = try await reader.fetch(input)
            blogs.append(fetched.blog!)
            if let site = fetched.site { sites.append(site) }
        }
        return (blogs, sites)
    }

    /// Converts every post of the planned book, concurrently, keeping the book's order; then
    /// loads the images they show and puts them in.
    public func convert(_ book: Book) async -> BookContent {
        let posts = Self.withoutSiteWideImages(book.posts)
        let converted = Self.convertConcurrently(posts, converter: PostConverter(autoFormat: settings.content.contentFormat),
                                                       links: Self.bookLinks(posts), authors: book.metadata.authors,
                                                       progress: progress)
        let documents = CrossReferences.resolve(converted)
        let media = await embedMedia(in: documents)
        var chapters: [BookContent.ChapterContent] = []
        var next = 0
        for chapter in book.chapters {
            let chapterDocuments = Array(media.documents[next..<next + chapter.posts.count])
            chapters.append(.init(title: chapter.title, opener: chapter.title.map { ChapterOpener(title: $0, documents: chapterDocuments) },
                                  documents: chapterDocuments))
            next += chapter.posts.count
        }
        return BookContent(book: book, titlePage: TitlePage(metadata: book.metadata), chapters: chapters,
                           colophon: Colophon(metadata: book.metadata, postCount: posts.count), cover: nil,
                           images: media.library.images, warnings: media.warnings,
                           everyImageDescribed: media.library.everyImageDescribed, imageSpool: media.spool)
    }

    /// The document id of each post (`p001`, …, wide enough for the book) by its URLs.
    private static func bookLinks(_ posts: [Post]) -> (links: BookLinks, ids: [String]) {
        let width = max(3, String(posts.count).count)
        let ids = posts.indices.map { index in
            "p" + String(repeating: "0", count: width - String(index + 1).count) + String(index + 1)
        }
        var links = BookLinks()
        for (post, documentID) in zip(posts, ids) {
            for url in [post.url].compactMap({ $0 }) + post.aliases { links.add(url, documentID: documentID) }
        }
        return (links, ids)
    }

    /// Every post converted, on `Parallelism.jobs` threads, the longest first (libxml2 and
    /// cmark-gfm are set up first, once).
    private static func convertConcurrently(_ posts: [Post], converter: PostConverter, links: (links: BookLinks, ids: [String]),
                                            authors: [String], progress: BuildProgress.Report?) -> [PostDocument] {
        LibXML2.initialize()
        MarkdownRenderer.prepare()
        let counter = BuildProgressCounter(.convert, total: posts.count, report: progress)
        return Array(posts.enumerated()).concurrentMap(startingWithCostliest: \.element.content.utf8.count) { index, post in
            let document = converter.convert(post, documentID: links.ids[index], links: links.links, bookAuthors: authors)
            counter.advance()
            return document
        }
    }

    /// The posts with their media references replaced by embedded images or placeholders.
    private func embedMedia(in documents: [PostDocument]) async
        -> (documents: [PostDocument], library: ImageLibrary, warnings: [AssetWarning], spool: ImageSpool?) {
        // The references of each post, found on every core; most posts show no media at all.
        let references = documents.concurrentMap { MediaReference.all(in: $0.body) }
        let requests = zip(documents, references).flatMap { document, references in
            MediaEmbedding.requests(for: references, at: PostLocation(post: document.post))
        }
        let loader = MediaLoader(loader: imageLoader, concurrentDownloads: settings.assets.concurrentDownloads,
                                 progress: progress)
        let loaded = await loader.load(requests)
        // Each post's media are put in on every core, into a library of its own; the libraries
        // are then merged in the posts' order. A post that showed an image an earlier post had
        // stored first under another name is done again with the merged library.
        let embedded = Array(zip(documents, references)).concurrentMap { document, references in
            references.isEmpty ? nil : Self.embed(document, loaded: loaded, library: ImageLibrary())
        }
        var library = ImageLibrary()
        var warnings: [AssetWarning] = []
        var rewritten = documents
        for (index, pass) in embedded.enumerated() {
            guard var pass else { continue }
            if !library.merge(pass.library) {
                // Moved into the pass, so that it updates the library in place rather than a copy.
                pass = Self.embed(documents[index], loaded: loaded, library: consume library)
                library = pass.library
            }
            rewritten[index] = pass.document
            warnings += pass.failures.map {
                AssetWarning(documentID: documents[index].documentID, postTitle: documents[index].post.title, reference: $0.reference, failure: $0.failure)
            }
        }
        return (rewritten, library, warnings, loaded.spool)
    }

    /// `document` with its media put in from `loaded`, the library it added to, and the references that failed.
    private static func embed(_ document: PostDocument, loaded: MediaLoader.Loaded, library: consuming ImageLibrary)
        -> (document: PostDocument, library: ImageLibrary, failures: [(reference: String, failure: AssetFailure)]) {
        var pass = MediaEmbedding(location: PostLocation(post: document.post), loaded: loaded, library: consume library)
        var updated = document
        updated.body = pass.embed(document.body)
        return (updated, pass.library, pass.failures)
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
        ImageLoader(settings: settings.assets, offline: settings.input.offline, archive: archive)
    }

    /// Plans the book: its metadata, chapters and post order.
    public func plan(_ blogs: [Blog]) -> Book {
        BookPlanner(settings: settings).plan(blogs)
    }

    /// Fails when the plan holds no post: a book without content helps no one (and an EPUB
    /// needs at least one entry in its table of contents).
    private func requirePosts(in book: Book, blogs: [Blog], since archived: ArchiveSelection? = nil) throws(BookifyError) {
        guard book.posts.isEmpty else { return }
        if let path = settings.archive, blogs.allSatisfy(\.posts.isEmpty) {
            let query = settings.archiveQuery
            let since = query.newOnly ? archived?.previousBuild.map { " since the last book (\(Archive.timestamp($0)))" } ?? "" : ""
            let asOf = query.asOf.map { " as of \(Archive.timestamp($0))" } ?? ""
            throw .invalidInput(path: path, location: nil, reason: "the archive holds no \(query.newOnly ? "new " : "")posts\(since)\(asOf): no book written")
        }
        let sources = blogs.map(\.source).joined(separator: ", ")
        let filtered = blogs.contains { !$0.posts.isEmpty }
        throw .invalidInput(path: sources.isEmpty ? "input" : sources, location: nil,
                            reason: filtered ? "no post is left after --tag, --exclude-tag, --since, --until"
                                             : "no posts in it")
    }

    /// The writer of `format`, with the templates, stylesheet, device and page settings the
    /// settings name.
    public func writer(for format: BookFormat) throws(BookifyError) -> any BookWriter {
        switch format {
        case .epub, .kepub:
            var writer = EPUBWriter(templates: try TemplateLibrary(overrides: settings.epub.templatesDirectory),
                                    stylesheet: try loadStylesheet(), tocDepth: settings.planning.tocDepth)
            writer.kobo = format == .kepub
            writer.device = settings.epub.device
            return writer
        case .pdf:
            return PDFWriter(pages: settings.pdf, progress: progress)
        }
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

    /// Everything a book needs from `inputs`: read, planned, converted, with its cover and
    /// what else writers with `needs` use (a drawn cover by default, as an EPUB shows one).
    /// Fails before any work on content when the cover is unusable or no post is left.
    public func content(for inputs: [String], needs: WriterNeeds = .drawnCover) async throws(BookifyError) -> BookContent {
        try await contentAndArchive(for: inputs, needs: needs).content
    }

    /// What an archive build read from the archive and added to it.
    private struct ArchivedRead {
        var archive: Archive
        var imports: [ArchiveImport]
        var selection: ArchiveSelection
    }

    /// The book's content; with an archive, the inputs are added to it first and the book is
    /// built from what it then holds for their blogs (for every blog, without inputs).
    private func contentAndArchive(for inputs: [String], needs: WriterNeeds) async throws(BookifyError)
        -> (content: BookContent, archived: ArchivedRead?, sites: [SiteReport]) {
        let cover = try await loadCover()
        var builder = self
        var blogs: [Blog]
        var archived: ArchivedRead?
        var sites: [SiteReport] = []
        if let path = settings.archive {
            let read = try await readArchive(path, inputs: inputs)
            builder.archive = read.archive
            blogs = read.selection.blogs
            archived = read
        } else {
            (blogs, sites) = try await readWithReports(inputs)
        }
        let book = builder.plan(blogs)
        try builder.requirePosts(in: book, blogs: blogs, since: archived?.selection)
        // The cover is drawn beside the conversion (or taken from the covers kept), and only
        // for a writer that shows it.
        let cache = settings.assets.cacheFolder
        async let drawnCover = cover == nil && settings.drawsCover && needs.contains(.drawnCover)
            ? Self.drawnCover(for: book.metadata, keptIn: cache) : nil
        var content = await builder.convert(book)
        content.cover = cover
        content.drawnCover = await drawnCover
        content.colophon.archive = archived?.selection.provenance
        return (content, archived, sites)
    }

    /// The cover drawn for `metadata`, taken from (or kept in) the download cache at `cache` when there is one.
    private static func drawnCover(for metadata: BookMetadata, keptIn cache: URL?) -> ImageAsset? {
        let cover = DrawnCover(metadata: metadata)
        return cache.map { CoverCache(folder: $0).png(for: cover) } ?? cover.png()
    }

    private func readArchive(_ path: String, inputs: [String]) async throws(BookifyError) -> ArchivedRead {
        let archive = try Archive(path: path, create: !inputs.isEmpty)
        let imports = try await ArchiveImporter(archive: archive, settings: settings).importInputs(inputs)
        var query = settings.archiveQuery
        if !inputs.isEmpty { query.sources = imports.map(\.source) }
        return ArchivedRead(archive: archive, imports: imports, selection: try archive.selection(query))
    }

    private func loadStylesheet() throws(BookifyError) -> [UInt8] {
        guard let path = settings.epub.stylesheet?.path else { return TemplateLibrary.defaultStylesheet }
        guard FileManager.default.fileExists(atPath: path) else { throw .inputNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputNotReadable(path: path, reason: "cannot read the stylesheet")
        }
        return Array(data)
    }
}

import Crypto
import Foundation

/// The catalog's books, built on request from the archives and kept by archive revision: a
/// book is built once per revision, however many readers ask for it at once (they share the
/// build); at most `limits.builds` builds run at a time and `limits.waiting` more wait, the
/// rest are refused as busy; the books built are kept up to `limits.cacheBytes`, the least
/// recently asked for leaving first.
public actor BookShelf {
    /// How much the shelf does at once and keeps.
    public struct Limits: Sendable {
        /// Builds that run at once.
        public var builds = 2
        /// Builds that wait for one of those; more are refused (`Refusal.busy`).
        public var waiting = 8
        /// Bytes of books kept.
        public var cacheBytes = 256 * 1024 * 1024
        /// How long a request waits for its book before it is told to come back.
        public var waitSeconds = 120.0

        public init() {}
    }

    /// A book ready to send.
    public struct ShelvedBook: Sendable {
        public var bytes: Data
        /// Its file name, from its title (`My-Blog.kepub.epub`).
        public var fileName: String
        public var format: BookFormat
        /// Its entity tag: the same for the same book, format and archive revision.
        public var etag: String
    }

    /// A drawn cover, as a PNG.
    public struct ShelvedCover: Sendable {
        public var bytes: Data
        /// The same for the same drawing.
        public var etag: String
    }

    /// Why a book is not given.
    public enum Refusal: Error, Sendable {
        /// Too many builds already run or wait; ask again after this many seconds.
        case busy(retryAfter: Int)
        /// The book is still being built after `waitSeconds`; it will be ready later.
        case stillBuilding(retryAfter: Int)
        /// No such book in the catalog.
        case notFound
        /// The build failed.
        case failed(BookifyError)
    }

    private let settings: BookSettings
    private let newestCount: Int
    private let limits: Limits
    private var kept: [String: ShelvedBook] = [:]
    private var keptOrder: [String] = []
    private var keptBytes = 0
    private var builds: [String: Task<ShelvedBook, any Error>] = [:]
    private var covers: [String: ShelvedCover] = [:]
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    /// A shelf whose books are built with `settings` (offline: only the archive is read), the
    /// newest-posts books of `newestCount` posts.
    public init(settings: BookSettings, newestCount: Int, limits: Limits = Limits()) {
        var settings = settings
        settings.input.offline = true
        self.settings = settings
        self.newestCount = newestCount
        self.limits = limits
    }

    /// The entity tag of `book` in `format` at the catalog's revision, known before it is built.
    public nonisolated func etag(_ book: CatalogBook, _ format: BookFormat, in catalog: Catalog) -> String {
        "\"" + String(Hex.string(SHA256.hash(data: Array(Self.key(book, format, catalog).utf8))).prefix(24)) + "\""
    }

    /// `book` in `format`, as the archives stand in `catalog`.
    public func book(_ book: CatalogBook, _ format: BookFormat, in catalog: Catalog) async throws(Refusal) -> ShelvedBook {
        let key = Self.key(book, format, catalog)
        if let shelved = kept[key] {
            keptOrder.removeAll { $0 == key }
            keptOrder.append(key)
            return shelved
        }
        let task: Task<ShelvedBook, any Error>
        if let running = builds[key] {
            task = running
        } else {
            guard builds.count < limits.builds + limits.waiting else { throw .busy(retryAfter: 10) }
            let request = try buildRequest(book, format, catalog)
            let etag = etag(book, format, in: catalog)
            task = Task { try await self.build(request, key: key, etag: etag, format: format) }
            builds[key] = task
        }
        return try await Self.value(of: task, within: limits.waitSeconds)
    }

    /// The cover drawn for `book` (as its EPUB's, when no cover is set): at half size, or a
    /// fifth for a thumbnail. Drawn off the shelf's queue, and kept.
    public func cover(_ book: CatalogBook, thumbnail: Bool, in catalog: Catalog) async throws(Refusal) -> ShelvedCover {
        let metadata: BookMetadata
        switch book {
        case .blog(let id):
            guard let blog = catalog.blog(id: id) else { throw .notFound }
            metadata = BookMetadata(title: blog.title, authors: blog.summary.authors, language: "en", identifier: "", modified: Date(),
                                    source: blog.summary.homePageURL?.absoluteString)
        case .newest:
            guard let newest = catalog.newestBooks(count: newestCount).first(where: { $0.book == book }) else { throw .notFound }
            metadata = BookMetadata(title: newest.title, authors: [], language: "en", identifier: "", modified: Date())
        }
        let drawing = DrawnCover(metadata: metadata)
        let key = drawing.fingerprint + (thumbnail ? "-thumbnail" : "")
        if let kept = covers[key] { return kept }
        guard let png = await Self.draw(drawing, scale: thumbnail ? 0.2 : 0.5) else {
            throw .failed(.writeFailed(path: "cover", reason: "out of memory"))
        }
        let cover = ShelvedCover(bytes: Data(png.bytes), etag: "\"" + String(key.prefix(24)) + (thumbnail ? "t" : "") + "\"")
        if covers.count >= 512 { covers.removeAll() }
        covers[key] = cover
        return cover
    }

    private nonisolated static func draw(_ cover: DrawnCover, scale: Double) async -> ImageAsset? {
        cover.png(scale: scale)
    }

    private func build(_ request: BuildRequest, key: String, etag: String, format: BookFormat) async throws -> ShelvedBook {
        await takeTurn()
        defer { endTurn(); builds[key] = nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-serve-\(UUID().uuidString)")
        TemporaryFiles.register(folder)
        defer {
            try? FileManager.default.removeItem(at: folder)
            TemporaryFiles.unregister(folder)
        }
        var request = request
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Refusal.failed(.outputNotCreatable(path: folder.path, reason: "\(error.localizedDescription)"))
        }
        let name = request.outputs[0].path
        request.outputs = [OutputBook(path: folder.appendingPathComponent(name).path, format: format)]
        let result: BookBuilder.Result
        do { result = try await BookBuilder.build(request) } catch { throw Refusal.failed(error) }
        guard let written = result.written.first, let bytes = FileManager.default.contents(atPath: written) else {
            throw Refusal.failed(.writeFailed(path: name, reason: "the build wrote no book"))
        }
        let fileName = Slug.make(result.content.book.metadata.title, fallback: "blog") + CatalogLinks.fileExtension(format)
        let shelved = ShelvedBook(bytes: bytes, fileName: fileName, format: format, etag: etag)
        keep(shelved, as: key)
        return shelved
    }

    /// The build of `book`, from its archive alone, never recorded there.
    private func buildRequest(_ book: CatalogBook, _ format: BookFormat, _ catalog: Catalog) throws(Refusal) -> BuildRequest {
        var book = (book, settings)
        switch book.0 {
        case .blog(let id):
            guard let blog = catalog.blog(id: id) else { throw .notFound }
            book.1.archive = blog.archivePath
            book.1.archiveQuery = ArchiveQuery(sources: [blog.summary.key])
        case .newest(let index):
            guard catalog.archivePaths.indices.contains(index) else { throw .notFound }
            let path = catalog.archivePaths[index]
            book.1.archive = path
            book.1.archiveQuery = ArchiveQuery()
            book.1.planning.groupBy = .blog
            book.1.planning.order = .newestFirst
            book.1.planning.filter.limit = newestCount
            book.1.planning.title = catalog.newestBooks(count: newestCount).first { $0.book == book.0 }?.title ?? "Newest posts"
            // A new book for each revision: readers must not take it for the last one.
            book.1.planning.identifier = "urn:uuid:" + UUIDv5.make(name: "bookify-newest:\(path):\(catalog.revision)").uuidString.lowercased()
        }
        book.1.archiveQuery.recordsBuild = false
        do {
            return try BuildRequest(inputs: [], outputs: ["book" + CatalogLinks.fileExtension(format)], settings: book.1)
        } catch {
            throw .failed(error)
        }
    }

    private func keep(_ book: ShelvedBook, as key: String) {
        guard book.bytes.count <= limits.cacheBytes else { return }
        kept[key] = book
        keptOrder.append(key)
        keptBytes += book.bytes.count
        while keptBytes > limits.cacheBytes, let oldest = keptOrder.first {
            keptOrder.removeFirst()
            keptBytes -= kept.removeValue(forKey: oldest)?.bytes.count ?? 0
        }
    }

    private func takeTurn() async {
        guard running >= limits.builds else { running += 1; return }
        await withCheckedContinuation { queue.append($0) }
    }

    /// Hands the turn to the next waiting build, else frees it.
    private func endTurn() {
        if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
    }

    private static func key(_ book: CatalogBook, _ format: BookFormat, _ catalog: Catalog) -> String {
        "\(book.path)|\(format.rawValue)|\(catalog.revision)|\(catalog.archivePaths.joined(separator: "|"))"
    }

    /// The build's book, or `stillBuilding` after `seconds` (the build goes on for later requests).
    private static func value(of task: Task<ShelvedBook, any Error>, within seconds: Double) async throws(Refusal) -> ShelvedBook {
        do {
            return try await withThrowingTaskGroup(of: ShelvedBook?.self) { group in
                group.addTask { try await task.value }
                group.addTask { try await Task.sleep(for: .seconds(seconds)); return nil }
                defer { group.cancelAll() }
                guard let book = try await group.next() ?? nil else { throw Refusal.stillBuilding(retryAfter: 30) }
                return book
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw .failed(.writeFailed(path: "book", reason: "\(error)"))
        }
    }
}

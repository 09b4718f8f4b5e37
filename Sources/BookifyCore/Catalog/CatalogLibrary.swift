import Crypto
import Foundation
import Synchronization

/// The archives a catalog serves (`bookify serve --archive FILE|DIR`), opened once, and what
/// they hold now: each request asks for the catalog, which is read again only when an import
/// (a cron job's digest, say) changed an archive since the last read.
public final class CatalogLibrary: Sendable {
    /// The archives, in the order of their paths.
    public let archives: [Archive]
    private let cached = Mutex<Catalog?>(nil)

    /// Opens `path`: an archive file, or a folder whose every bookify archive is served (files
    /// that are not archives are skipped; `skipped` hears of each, with why).
    public init(path: String, skipped: (String, BookifyError) -> Void = { _, _ in }) throws(BookifyError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .inputNotFound(path: path) }
        guard isFolder.boolValue else {
            archives = [try Archive(path: path, create: false)]
            return
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw .inputNotReadable(path: path, reason: "cannot list the folder")
        }
        var opened: [Archive] = []
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("-wal") && !name.hasSuffix("-shm") {
            let file = (path as NSString).appendingPathComponent(name)
            guard Self.isSQLiteFile(file) else { continue }
            do throws(BookifyError) { opened.append(try Archive(path: file, create: false)) } catch { skipped(file, error) }
        }
        guard !opened.isEmpty else {
            throw .invalidInput(path: path, location: nil, reason: "holds no bookify archive (make one with bookify archive add --archive FILE)")
        }
        archives = opened
    }

    /// The catalog as the archives stand now.
    public func catalog() throws(BookifyError) -> Catalog {
        var revisions: [Int64] = []
        for archive in archives { revisions.append(try archive.revision()) }
        let revision = revisions.map(String.init).joined(separator: ".")
        if let catalog = cached.withLock({ $0 }), catalog.revision == revision { return catalog }
        var blogs: [CatalogBlog] = []
        for archive in archives {
            for summary in try archive.blogSummaries() {
                blogs.append(CatalogBlog(id: Self.identifier(archive: archive.path, key: summary.key), archivePath: archive.path, summary: summary))
            }
        }
        let catalog = Catalog(blogs: blogs, revision: revision, archivePaths: archives.map(\.path))
        cached.withLock { $0 = catalog }
        return catalog
    }

    /// A blog's id in the catalog's addresses: stable across restarts, made of hex digits only
    /// (so that no address names a file), and distinct for one blog kept in two archives.
    static func identifier(archive: String, key: String) -> String {
        let digest = SHA256.hash(data: Array((URL(fileURLWithPath: archive).lastPathComponent + "\n" + key).utf8))
        return String(Hex.string(digest).prefix(12))
    }

    private static func isSQLiteFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header.elementsEqual("SQLite format 3\u{0}".utf8)
    }
}

/// What a catalog lists: every blog of its archives, and the revision they were read at.
public struct Catalog: Sendable {
    /// The blogs, archive by archive, each in the order of its first fetch.
    public var blogs: [CatalogBlog]
    /// The archives' revisions: equal revisions, equal books.
    public var revision: String
    /// The archives' paths, in the order the newest-posts books are numbered.
    public var archivePaths: [String]

    /// A book of an archive's newest posts, as the catalog offers it.
    public struct NewestBook: Sendable {
        public var book: CatalogBook
        public var title: String
        public var postCount: Int
        public var blogCount: Int
        public var updated: Date
    }

    /// A book of the newest posts (at most `count`) of each archive that holds any.
    public func newestBooks(count: Int) -> [NewestBook] {
        archivePaths.enumerated().compactMap { index, path in
            let blogs = blogs.filter { $0.archivePath == path }
            let total = blogs.reduce(0) { $0 + $1.summary.postCount }
            guard total > 0, let updated = blogs.map(\.summary.lastFetch).max() else { return nil }
            let name = archivePaths.count > 1 ? " (\(URL(fileURLWithPath: path).lastPathComponent))" : ""
            return NewestBook(book: .newest(index), title: "Newest posts\(name), \(FeedDate.day(updated))",
                              postCount: min(count, total), blogCount: blogs.count, updated: updated)
        }
    }

    /// The most recent import of any blog; the Unix epoch for an empty catalog.
    public var updated: Date { blogs.map(\.summary.lastFetch).max() ?? Date(timeIntervalSince1970: 0) }

    /// The blog with this id.
    public func blog(id: String) -> CatalogBlog? { blogs.first { $0.id == id } }

    /// The blogs whose title, description or author holds every word of `terms` (letter case
    /// and accents aside).
    public func search(_ terms: String) -> [CatalogBlog] {
        let words = terms.split(whereSeparator: { $0.isWhitespace }).map { Self.folded(String($0)) }
        guard !words.isEmpty else { return [] }
        return blogs.filter { blog in
            let text = Self.folded(([blog.title, blog.summary.description ?? ""] + blog.summary.authors).joined(separator: " "))
            return words.allSatisfy { text.contains($0) }
        }
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// One blog of a catalog.
public struct CatalogBlog: Sendable, Hashable {
    /// Its id in addresses (`/books/ID.epub`): twelve hex digits.
    public var id: String
    /// The archive that holds it.
    public var archivePath: String
    /// Its metadata and size, as the archive has them.
    public var summary: ArchivedBlogSummary

    /// Its title, else its home page's host, else its key.
    public var title: String {
        if let title = summary.title?.trimmed, !title.isEmpty { return title }
        return summary.homePageURL?.host ?? summary.key
    }

    /// What a catalog says of a blog: its description, then its size and when it was read.
    static func about(_ blog: CatalogBlog) -> String {
        let size = "\(plural(blog.summary.postCount, "post")), last read \(FeedDate.day(blog.summary.lastFetch))."
        guard let description = blog.summary.description?.trimmed, !description.isEmpty else { return size }
        return description + (".!?".contains(description.last!) ? " " : ". ") + size
    }
}

import Foundation

/// What is new on many blogs, as a book (`bookify digest`): each blog of `blogs:` is read into
/// the archive, the posts first seen since the last digest become one book with a chapter per
/// blog (or a book per blog), the books are mailed when mail is set, and only then is the
/// digest recorded, so that a failed send leaves the next digest with the same posts.
public struct Digest: Sendable {
    /// The settings of the books and the mail, with the archive's path.
    public var settings: BookSettings
    /// The blogs, each with its own reading settings.
    public var blogs: [DigestBlog]
    /// Where relative paths of the blogs' settings are read from (bookify.yml's folder).
    public var paths = SettingPaths()
    /// A book per blog instead of one with a chapter per blog.
    public var each = false
    /// The books of a digest in one book (`.epub`, `.pdf`); default `digest-DAY.epub`.
    public var outputs: [String] = []
    /// The digest's day, in its books' names and titles.
    public var date = Date()

    public init(settings: BookSettings, blogs: [DigestBlog]) {
        self.settings = settings
        self.blogs = blogs
    }

    /// What a digest did.
    public struct Outcome: Sendable {
        /// What reading each blog added to the archive, in the blogs' order.
        public var imports: [ArchiveImport] = []
        /// The books written (and mailed, when mail is set).
        public var books: [String] = []
        /// The posts they hold.
        public var postCount = 0
        /// Whether the books were mailed.
        public var mailed = false
    }

    /// Makes the digest: `imported` hears of each blog read, `sent` of each book mailed.
    public func make(imported: (ArchiveImport) -> Void = { _ in }, sent: (URL) -> Void = { _ in }) async throws(BookifyError) -> Outcome {
        guard let path = settings.archive else {
            throw .usage("A digest keeps what it sent in an archive: name it with --archive FILE (or archive: in bookify.yml).")
        }
        guard !blogs.isEmpty else { throw .usage("Name the blogs of the digest as blogs: in bookify.yml (or as inputs).") }
        let archive = try Archive(path: path, create: true)
        var outcome = Outcome()
        for blog in blogs {
            let blogSettings: BookSettings
            do throws(SettingError) { blogSettings = try blog.settings(over: settings, paths: paths) } catch { throw .setting(error) }
            let result = try await ArchiveImporter(archive: archive, settings: blogSettings).importInput(blog.input)
            outcome.imports.append(result)
            imported(result)
        }
        let sources = outcome.imports.map(\.source)
        var selections: [ArchiveSelection] = []
        for group in each ? sources.map({ [$0] }) : [sources] {
            var query = ArchiveQuery(sources: group, newOnly: true)
            query.newSince = .lastDigest
            let selection = try archive.selection(query)
            let count = selection.blogs.reduce(0) { $0 + $1.posts.count }
            guard count > 0 else { continue }
            let result = try await BookBuilder.build(try request(for: query, blogTitle: selection.blogs.first?.title))
            outcome.books += result.written
            outcome.postCount += count
            if let chosen = result.archiveSelection { selections.append(chosen) }
        }
        guard !outcome.books.isEmpty else { return outcome }
        if settings.mail.isEnabled {
            do throws(MailFailure) {
                try BookMailer(settings: settings.mail).send(outcome.books.map { URL(fileURLWithPath: $0) }, sent: sent)
            } catch {
                throw .mail(error)
            }
            outcome.mailed = true
        }
        // One record, up to the newest fetch any of the books saw.
        if let newest = selections.max(by: { $0.lastFetchID < $1.lastFetchID }) {
            try archive.recordDigest(of: newest, postCount: outcome.postCount, outputs: outcome.books, at: date)
        }
        return outcome
    }

    /// The build of one digest book: from the archive alone, the posts `query` chooses.
    private func request(for query: ArchiveQuery, blogTitle: String?) throws(BookifyError) -> BuildRequest {
        let day = FeedDate.day(date)
        var book = settings
        book.archiveQuery = query
        if each {
            book.planning.subtitle = book.planning.subtitle ?? "New posts, \(day)"
        } else {
            book.planning.groupBy = .blog
            book.planning.title = book.planning.title ?? "Digest \(day)"
        }
        // A digest is a new book each time: readers must not take it for the last one.
        book.planning.identifier = "urn:uuid:" + UUIDv5.make(name: "bookify-digest:\(query.sources ?? []):\(date.timeIntervalSince1970)")
            .uuidString.lowercased()
        let name = each ? Slug.make(blogTitle ?? "blog", fallback: "blog") + "-\(day).epub" : "digest-\(day).epub"
        return try BuildRequest(inputs: [], outputs: each || outputs.isEmpty ? [name] : outputs, settings: book)
    }
}

import Foundation

/// A place a blog is read from (ARCHITECTURE §3): a feed document (a file or standard input), a
/// Markdown site, or a web site with its history (`WebSiteSource`). `InputReader` tells which
/// one an input names; each reads in its own way and gives the same `FetchedInput`.
public protocol BlogSource: Sendable {
    /// The input as the user named it.
    var input: String { get }

    /// Reads the blog now. `request` carries what an archive knows of an earlier read.
    func fetch(_ request: SourceRequest) async throws(BookifyError) -> FetchedInput
}

/// What a reader is told of earlier reads of the same input (by an archive).
public struct SourceRequest: Sendable {
    /// The validators of the last read, for a conditional request.
    public var validators: HTTPValidators?
    /// Identities of the posts read before (ids and URL identities, `URL.postIdentity`): a web
    /// site reads no page of theirs again.
    public var knownPosts: Set<String> = []

    /// A read that knows nothing of earlier ones, or the validators and posts of one.
    public init(validators: HTTPValidators? = nil, knownPosts: Set<String> = []) {
        self.validators = validators
        self.knownPosts = knownPosts
    }
}

/// A feed in a file or on standard input (`-`). Its posts' relative images are looked for
/// beside the file, as a Markdown site's are, before they are resolved against the web.
struct FeedDocumentSource: BlogSource {
    let input: String

    func fetch(_ request: SourceRequest) async throws(BookifyError) -> FetchedInput {
        try read()
    }

    /// The feed read now, on the calling thread.
    func read() throws(BookifyError) -> FetchedInput {
        let source = input == "-" ? "standard input" : input
        let bytes = try load()
        var blog = try InputReader().parse(bytes, source: source, documentURL: nil)
        if input != "-" {
            let folder = URL(fileURLWithPath: input).deletingLastPathComponent().standardizedFileURL
            for index in blog.posts.indices where blog.posts[index].localSite == nil {
                blog.posts[index].localSite = LocalSite(postFolder: folder, roots: [folder])
            }
        }
        return FetchedInput(input: input, blog: blog, bytes: bytes)
    }

    private func load() throws(BookifyError) -> [UInt8] {
        do {
            if input == "-" { return try BoundedRead.standardInput(limit: BoundedRead.maximumFeedBytes) }
            guard FileManager.default.fileExists(atPath: input) else { throw BookifyError.inputNotFound(path: input) }
            return try BoundedRead.file(input, limit: BoundedRead.maximumFeedBytes)
        } catch let error as BoundedRead.Failure {
            throw .inputNotReadable(path: input == "-" ? "standard input" : input, reason: error.reason)
        } catch let error as BookifyError {
            throw error
        } catch {
            throw .inputNotReadable(path: input, reason: "\(error)")
        }
    }
}

/// A folder of Markdown posts, or one `.md` file.
struct MarkdownSiteSource: BlogSource {
    let input: String
    var includeDrafts = false

    func fetch(_ request: SourceRequest) async throws(BookifyError) -> FetchedInput {
        let blog = try MarkdownSiteReader(includeDrafts: includeDrafts).read(URL(fileURLWithPath: input), source: input)
        return FetchedInput(input: input, blog: blog)
    }
}

/// A blog on the web, named by the address of its home page or of a feed: discovered, its
/// history followed and its excerpts read in full (`SiteReader`) unless `site.history` is off.
public struct WebSiteSource: BlogSource {
    public let input: String
    let address: URL
    var settings: BookSettings
    /// Told of pages of history and post pages read.
    public var progress: BuildProgress.Report?

    /// A source for `address`, read with `settings` (limits, cache, offline, `site`).
    public init(_ address: URL, settings: BookSettings) {
        self.input = address.absoluteString
        self.address = address
        self.settings = settings
    }

    public func fetch(_ request: SourceRequest) async throws(BookifyError) -> FetchedInput {
        let read = try await reader(known: request.knownPosts).read(address, source: input, validators: request.validators)
        return FetchedInput(input: input, blog: read.blog, bytes: read.feedBytes, url: address, status: read.blog == nil ? 304 : 200,
                            validators: read.validators, site: read.report)
    }

    /// Where the site's feeds are and which one would be read, without reading its history.
    public func discover() async throws(BookifyError) -> SiteReport {
        var settings = self.settings.input.site
        settings.history = false
        settings.fullText = .never
        var reader = reader(known: [])
        reader.settings = settings
        return try await reader.read(address, source: input).report
    }

    private func reader(known: Set<String>) -> SiteReader {
        let fetcher = SiteFetcher(http: settings.input.http, cacheFolder: settings.assets.cacheFolder, offline: settings.input.offline, settings: settings.input.site)
        return SiteReader(settings: settings.input.site, fetcher: fetcher, known: known, progress: progress)
    }
}

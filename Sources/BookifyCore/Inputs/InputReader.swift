import Foundation

/// Reads a blog from an input as the user named it: a file path, an http(s) URL, or `-` for
/// standard input. It tells which `BlogSource` the input names (a web address, a Markdown
/// folder or file, a feed document) and reads it; the kind of feed is told from its content.
public struct InputReader: Sendable {
    /// How inputs are read: limits, drafts, offline, and for web addresses `site` (history,
    /// full text, politeness) and the cache.
    public var settings = BookSettings()
    /// Told of progress while a web site is read.
    public var progress: BuildProgress.Report?

    /// A reader with the default settings.
    public init() {}

    /// A reader with `settings`.
    public init(settings: BookSettings) {
        self.settings = settings
    }

    /// Reads the blog and tells each post which site it belongs to.
    public func read(_ input: String) async throws(BookifyError) -> Blog {
        // Without validators, a fetch always has a blog.
        try await fetch(input).blog!
    }

    /// The source `input` names.
    public func source(for input: String) throws(BookifyError) -> any BlogSource {
        if let url = URL(string: input), let scheme = url.scheme?.lowercased(), input.contains("://") {
            guard scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
                throw .inputNotReadable(path: input, reason: "only http and https URLs can be read")
            }
            var source = WebSiteSource(url, settings: settings)
            source.progress = progress
            return source
        }
        var isDirectory: ObjCBool = false
        if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
           isDirectory.boolValue || MarkdownSiteReader.isMarkdown(URL(fileURLWithPath: input)) {
            return MarkdownSiteSource(input: input, includeDrafts: settings.input.includeDrafts)
        }
        return FeedDocumentSource(input: input)
    }

    /// One read of an input as the archive keeps it: the bytes it had, the blog in them, and
    /// for a URL the server's validators. Given validators from an earlier fetch of the same
    /// URL, the request is conditional: a 304 answer has no blog and no bytes.
    public func fetch(_ input: String, request: SourceRequest = SourceRequest()) async throws(BookifyError) -> FetchedInput {
        let source = try source(for: input)
        // A feed document reads the same whatever the request: it may have been read ahead.
        if source is FeedDocumentSource, let ready = FeedPrefetch.take(input) { return ready }
        return Self.finished(try await source.fetch(request))
    }

    /// A read blog cleaned, each post told which site it belongs to.
    static func finished(_ read: FetchedInput) -> FetchedInput {
        var fetched = read
        guard var blog = fetched.blog?.cleaned() else { return fetched }
        let site = blog.homePageURL ?? blog.feedURL.flatMap { URL(string: "/", relativeTo: $0)?.absoluteURL }
        for index in blog.posts.indices where blog.posts[index].siteURL == nil {
            blog.posts[index].siteURL = site
        }
        fetched.blog = blog
        return fetched
    }

    /// A feed from its bytes; `documentURL` is where it was fetched from, if it was.
    public func parse(_ bytes: [UInt8], source: String, documentURL: URL?) throws(BookifyError) -> Blog {
        switch InputKind.detect(bytes) {
        case .jsonFeed:
            return try JSONFeedReader().read(bytes, source: source)
        case .xml:
            return try readXMLFeed(bytes, source: source, documentURL: documentURL)
        case .unknown:
            throw .invalidInput(path: source, location: nil,
                                reason: "not a feed bookify can read (expected a JSON Feed, RSS or Atom)")
        }
    }

    /// RSS 2.0, RSS 1.0 (RDF) or Atom, told by the root element.
    private func readXMLFeed(_ bytes: [UInt8], source: String, documentURL: URL?) throws(BookifyError) -> Blog {
        let root: XMLTree
        do {
            root = try XMLTree.parse(Self.declarationFirst(bytes))
        } catch {
            throw .invalidInput(path: source, location: error.location, reason: "invalid XML: \(error.message)")
        }
        switch (root.name, root.namespace) {
        case ("rss", _), ("RDF", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"):
            return RSSReader().read(root, source: source)
        case ("feed", AtomReader.namespace):
            return AtomReader().read(root, source: source, documentURL: documentURL)
        default:
            throw .invalidInput(path: source, location: SourceLocation(line: root.line, column: 1),
                                reason: "an XML document but no feed: its root is <\(root.name)>, not <rss>, <rdf:RDF> or Atom <feed>")
        }
    }

    /// Blank lines before the XML declaration (WordPress and Nikola feeds have them, and every
    /// feed reader takes them) moved after it, where XML allows them: every other line keeps
    /// its number for messages.
    static func declarationFirst(_ bytes: [UInt8]) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let blank = bytes[start...].prefix { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let rest = bytes[(start + blank.count)...]
        guard !blank.isEmpty, rest.starts(with: Array("<?xml".utf8)),
              let close = rest.indices.first(where: { rest[$0] == UInt8(ascii: "?") && $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: ">") })
        else { return bytes }
        return Array(rest[..<(close + 2)]) + blank + rest[(close + 2)...]
    }
}

/// What one read of an input gave.
public struct FetchedInput: Sendable {
    /// The input as the user named it.
    public var input: String
    /// The blog read; nil when the server answered 304 (not modified).
    public var blog: Blog?
    /// The feed's bytes as read (nil for a Markdown folder and a 304 answer).
    public var bytes: [UInt8]?
    /// The URL fetched, after redirects.
    public var url: URL?
    /// The HTTP status (200 or 304) for a URL.
    public var status: Int?
    /// For a later conditional request of the same URL.
    public var validators = HTTPValidators()
    /// For a web address: what reading the site found and did.
    public var site: SiteReport?
}

/// A server's validators for a conditional request (ETag, Last-Modified).
public struct HTTPValidators: Sendable, Hashable {
    /// The server's `ETag`.
    public var etag: String?
    /// The server's `Last-Modified`.
    public var lastModified: String?

    /// Validators as a previous response gave them.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// What an input's bytes look like.
enum InputKind {
    case jsonFeed
    case xml
    case unknown

    static func detect(_ bytes: [UInt8]) -> InputKind {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .unknown }
        switch bytes[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .jsonFeed
        case UInt8(ascii: "<"): return .xml
        default: return .unknown
        }
    }
}

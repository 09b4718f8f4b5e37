import Foundation

/// Reads a blog from an input as the user named it: a file path, an http(s) URL, or `-` for
/// standard input. The kind of input is told from its content, not its name.
public struct InputReader: Sendable {
    /// Fetches feeds named by URL.
    public var http = HTTPClient()
    /// Markdown sites: include drafts.
    public var includeDrafts = false
    /// Never touch the network: a URL input is an error.
    public var offline = false

    public init() {}

    /// Reads the blog and tells each post which site it belongs to.
    public func read(_ input: String) async throws(BookifyError) -> Blog {
        var blog = try await readBlog(input)
        let site = blog.homePageURL ?? blog.feedURL.flatMap { URL(string: "/", relativeTo: $0)?.absoluteURL }
        for index in blog.posts.indices where blog.posts[index].siteURL == nil {
            blog.posts[index].siteURL = site
        }
        return blog
    }

    private func readBlog(_ input: String) async throws(BookifyError) -> Blog {
        if let url = URL(string: input), let scheme = url.scheme?.lowercased(), input.contains("://") {
            guard scheme == "http" || scheme == "https" else {
                throw .inputNotReadable(path: input, reason: "only http and https URLs can be read")
            }
            if offline { throw .inputNotReadable(path: input, reason: "a URL cannot be read with --offline") }
            let response = try await http.get(url)
            return try parse(response.bytes, source: input, documentURL: response.url)
        }
        var isDirectory: ObjCBool = false
        if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
           isDirectory.boolValue || MarkdownSiteReader.isMarkdown(URL(fileURLWithPath: input)) {
            return try MarkdownSiteReader(includeDrafts: includeDrafts).read(URL(fileURLWithPath: input), source: input)
        }
        return try parse(try load(input), source: input == "-" ? "standard input" : input, documentURL: nil)
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
            root = try XMLTree.parse(bytes)
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

    private func load(_ input: String) throws(BookifyError) -> [UInt8] {
        if input == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw .inputNotFound(path: input)
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw .inputNotReadable(path: input, reason: "permission denied or not a regular file")
        }
        return Array(data)
    }
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

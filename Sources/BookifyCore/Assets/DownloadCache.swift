import Crypto
import Foundation

/// Downloads on disk (images; the pages, feeds and sitemaps of a web site), keyed by URL, with
/// the validators (`ETag`, `Last-Modified`) of the response that brought them: a later run asks
/// the server whether they changed, and works offline from them.
public struct DownloadCache: Sendable {
    /// What is known about a cached download.
    struct Entry: Codable, Sendable {
        var url: String
        var etag: String?
        var lastModified: String?
        /// The `Content-Type` it came with (pages: its charset).
        var contentType: String?
    }

    /// Where the cache is kept.
    public let folder: URL
    /// The part of the cache used: `images`, or `pages` for what a site reader fetches.
    public let section: String

    /// A cache in `folder` (created on first store), in its `section`.
    public init(folder: URL, section: String = "images") {
        self.folder = folder
        self.section = section
    }

    /// `$XDG_CACHE_HOME/bookify`, else `~/.cache/bookify`.
    public static var defaultFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return URL(fileURLWithPath: cacheHome).appendingPathComponent("bookify")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/bookify")
    }

    /// The cached bytes of `url` and their validators.
    func lookup(_ url: URL) -> (bytes: [UInt8], entry: Entry)? {
        let (data, meta) = files(for: url)
        guard let metaData = FileManager.default.contents(atPath: meta.path),
              let entry = try? JSONDecoder().decode(Entry.self, from: metaData), entry.url == url.absoluteString,
              let bytes = FileManager.default.contents(atPath: data.path) else { return nil }
        return (Array(bytes), entry)
    }

    /// Keeps `bytes` for `url`. A cache that cannot be written only costs a later download.
    func store(_ bytes: [UInt8], for url: URL, etag: String?, lastModified: String?, contentType: String? = nil) {
        let (data, meta) = files(for: url)
        let entry = Entry(url: url.absoluteString, etag: etag, lastModified: lastModified, contentType: contentType)
        guard (try? FileManager.default.createDirectory(at: data.deletingLastPathComponent(),
                                                       withIntermediateDirectories: true)) != nil,
              let metaData = try? JSONEncoder().encode(entry) else { return }
        // Bytes first, then the entry that vouches for them; each replaced atomically.
        try? Data(bytes).write(to: data, options: .atomic)
        try? metaData.write(to: meta, options: .atomic)
    }

    private func files(for url: URL) -> (data: URL, meta: URL) {
        let key = Hex.string(SHA256.hash(data: Data(url.absoluteString.utf8)))
        let base = folder.appendingPathComponent(section).appendingPathComponent(String(key.prefix(2)))
            .appendingPathComponent(key)
        return (base.appendingPathExtension("bin"), base.appendingPathExtension("json"))
    }
}

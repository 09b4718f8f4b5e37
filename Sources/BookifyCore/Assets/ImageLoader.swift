import Foundation

/// Finds the bytes of one referenced image (ARCHITECTURE §7): in `--assets DIR` and the Markdown
/// site's folders first, then in the cache, then on the network unless offline. Whatever it
/// returns has been checked to be an image (SVG sanitized); everything else is a failure.
struct ImageLoader: Sendable {
    private let settings: AssetSettings
    private let assetFolder: AssetFolder?
    /// Files under `--assets DIR` by name, for the last resort of finding a unique name; the
    /// folder is walked only when a reference needs it.
    private let assetNames: FileNameIndex?
    /// The Markdown sites' folders, their links resolved once per build rather than per image.
    private let siteFolders = ResolvedFolders()
    private let downloads: Downloads
    /// A book built from an archive takes its images from there and nowhere else: the same
    /// archive gives the same book.
    private let archive: Archive?

    init(settings: AssetSettings, offline: Bool, archive: Archive? = nil) {
        self.settings = settings
        self.archive = archive
        assetFolder = settings.folder.map(AssetFolder.init)
        assetNames = assetFolder.map(FileNameIndex.init)
        downloads = Downloads(http: settings.http, cache: settings.cacheFolder.map { DownloadCache(folder: $0) }, offline: offline)
    }

    func load(_ source: String, at location: PostLocation) async -> Result<ImageAsset, AssetFailure> {
        if source.lowercased().hasPrefix("data:") {
            return Self.decodeDataURL(source, maximumBytes: settings.http.maximumBytes).map { $0.from(.inline) }
        }
        if let archive { return archived(source, at: location, in: archive) }
        let paths = ReferencePaths(source: source, location: location)
        if let scheme = paths.url?.scheme?.lowercased(), scheme != "http", scheme != "https" {
            return .failure(.unsupportedScheme(scheme))
        }
        let candidates = localCandidates(paths, location: location)
        var localFailure: AssetFailure?
        for (folder, path) in candidates {
            switch folder.file(at: path) {
            case .success(let file)?: return readFile(file)
            case .failure(let failure)?: localFailure = localFailure ?? failure
            case nil: continue
            }
        }
        if let file = uniquelyNamedFile(paths) { return readFile(file) }
        let remote = settings.baseURL.flatMap(paths.rebased) ?? paths.url
        var folders: [String] = []
        for (folder, _) in candidates where !folders.contains(folder.root.path) { folders.append(folder.root.path) }
        guard let remote, LinkURL.isValidHost(remote.host) else {
            return .failure(localFailure ?? (folders.isEmpty ? .unresolvable : .notFound(folders: folders)))
        }
        let downloaded = await downloads.image(at: remote)
        if case .failure(.offline) = downloaded { return .failure(.offline(searched: folders)) }
        return downloaded
    }

    private func archived(_ source: String, at location: PostLocation, in archive: Archive) -> Result<ImageAsset, AssetFailure> {
        let key = MediaLoader.Request(source: source, location: location).archiveKey
        guard let image = archive.image(forKey: key) else { return .failure(.notArchived(archive.imageFailure(forKey: key))) }
        return ImageAsset.checked(image.bytes).map { $0.from(.archive(image.hash)) }
    }

    /// The folders and paths to try, in order: `--assets DIR` (the path from the post, from a
    /// page bundle, from the site root), then the Markdown site (beside the post, the roots).
    private func localCandidates(_ paths: ReferencePaths, location: PostLocation) -> [(AssetFolder, String)] {
        var candidates: [(AssetFolder, String)] = []
        if let assetFolder, paths.isOnSite {
            for path in [paths.sitePath, paths.bundlePath, paths.postRelative] {
                if let path { candidates.append((assetFolder, path)) }
            }
        }
        if let site = location.localSite, paths.isOnSite {
            if let relative = paths.postRelative { candidates.append((siteFolders[site.postFolder], relative)) }
            for root in site.roots {
                if let sitePath = paths.sitePath { candidates.append((siteFolders[root], sitePath)) }
            }
        }
        return candidates
    }

    /// A file under `--assets DIR` with the reference's file name, when only one has it.
    private func uniquelyNamedFile(_ paths: ReferencePaths) -> URL? {
        guard let assetFolder, paths.isOnSite, let name = paths.sitePath?.split(separator: "/").last,
              let matches = assetNames?.paths(named: String(name)), matches.count == 1,
              case .success(let file)? = assetFolder.file(at: matches[0]) else { return nil }
        return file
    }

    /// A local image file: a regular file within the size cap, checked to be an image.
    func readFile(_ file: URL) -> Result<ImageAsset, AssetFailure> {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: file.path)) ?? [:]
        // A FIFO or device would block the read or never end.
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(.notAnImage("\(file.lastPathComponent) is not a regular file"))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= settings.http.maximumBytes else { return .failure(.tooLarge(settings.http.maximumBytes / 1024 / 1024)) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(.notAnImage("\(file.path) cannot be read"))
        }
        return ImageAsset.checked(Array(data)).map { $0.from(.file(file.path)) }
    }

    /// `data:[type][;base64],payload`: the bytes are in the reference itself.
    static func decodeDataURL(_ source: String, maximumBytes: Int) -> Result<ImageAsset, AssetFailure> {
        guard let comma = source.firstIndex(of: ","), source.utf8.count <= maximumBytes * 4 / 3 + 1024 else {
            return .failure(.notAnImage("a malformed or oversized data: URL"))
        }
        let header = source[..<comma].lowercased()
        let payload = String(source[source.index(after: comma)...])
        let bytes = header.hasSuffix(";base64")
            ? Data(base64Encoded: payload.filter { !$0.isWhitespace }, options: .ignoreUnknownCharacters).map(Array.init)
            : payload.removingPercentEncoding.map { Array($0.utf8) }
        guard let bytes else { return .failure(.notAnImage("a data: URL that does not decode")) }
        return ImageAsset.checked(bytes)
    }
}

/// An asset folder's files by name, read on first use (once, whichever task asks first).
private final class FileNameIndex: @unchecked Sendable {
    private let folder: AssetFolder
    private let lock = NSLock()
    private var names: [String: [String]]?

    init(_ folder: AssetFolder) {
        self.folder = folder
    }

    func paths(named name: String) -> [String]? {
        lock.withLock {
            if names == nil { names = folder.filesByName() }
            return names?[name]
        }
    }
}

/// `AssetFolder`s by the folder they were made for: making one resolves the symbolic links of
/// every component of its path, and a site's posts share a few folders.
private final class ResolvedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [URL: AssetFolder] = [:]

    subscript(folder: URL) -> AssetFolder {
        lock.withLock {
            if let resolved = folders[folder] { return resolved }
            let resolved = AssetFolder(folder)
            folders[folder] = resolved
            return resolved
        }
    }
}

extension ImageAsset {
    /// The bytes as an image bookify can put in a book: their type sniffed, SVG sanitized.
    static func checked(_ bytes: [UInt8]) -> Result<ImageAsset, AssetFailure> {
        guard let type = ImageType.sniff(bytes) else {
            let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
            let what = head.contains("<html") || head.contains("<!doctype html") ? "an HTML page"
                : bytes.isEmpty ? "an empty file" : "\(bytes.count) bytes of an unknown format"
            return .failure(.notAnImage(what))
        }
        guard type == .svg else { return .success(ImageAsset(bytes: bytes, type: type)) }
        guard let clean = SVGSanitizer.sanitize(bytes) else { return .failure(.notAnImage("malformed SVG")) }
        return .success(ImageAsset(bytes: clean, type: .svg))
    }
}

/// Downloads, each URL once per build however many posts show it, through the cache. The first
/// download from a host goes alone: when the host cannot be resolved or reached, the others
/// from it fail at once with the same reason instead of each waiting for its own time-out.
private actor Downloads {
    private let http: HTTPClient
    private let cache: DownloadCache?
    private let offline: Bool
    private var started: [URL: Task<Fetched, Never>] = [:]
    /// Per host, the outcome of its first download: why the host is unreachable, or nil.
    private var firstFromHost: [String: Task<AssetFailure?, Never>] = [:]

    /// A download's outcome, and whether it found the host unreachable (even when a cached
    /// copy then served: the host is no nearer for that).
    private struct Fetched: Sendable {
        var result: Result<ImageAsset, AssetFailure>
        var unreachable: AssetFailure?
    }

    init(http: HTTPClient, cache: DownloadCache?, offline: Bool) {
        self.http = http
        self.cache = cache
        self.offline = offline
    }

    func image(at url: URL) async -> Result<ImageAsset, AssetFailure> {
        if let task = started[url] { return await task.value.result }
        let (http, cache, offline) = (self.http, self.cache, self.offline)
        let host = url.host?.lowercased() ?? ""
        let hostCheck = firstFromHost[host]
        let task = Task {
            let unreachable = await hostCheck?.value
            return await Self.fetch(url, http: http, cache: cache, offline: offline, unreachable: unreachable)
        }
        started[url] = task
        if hostCheck == nil { firstFromHost[host] = Task { await task.value.unreachable } }
        return await task.value.result
    }

    /// The cached copy when offline, when the server says it is current, or when it cannot be
    /// reached (`unreachable`: known before trying); otherwise the download, kept in the cache
    /// when it is an image.
    private static func fetch(_ url: URL, http: HTTPClient, cache: DownloadCache?, offline: Bool,
                              unreachable: AssetFailure?) async -> Fetched {
        let cached = cache?.lookup(url)
        let fromCache = { (bytes: [UInt8]) in ImageAsset.checked(bytes).map { $0.from(.cache(url)) } }
        if offline { return Fetched(result: cached.map { fromCache($0.bytes) } ?? .failure(.offline(searched: []))) }
        if let unreachable { return Fetched(result: cached.map { fromCache($0.bytes) } ?? .failure(unreachable), unreachable: unreachable) }
        switch await http.fetch(url, ifNoneMatch: cached?.entry.etag, ifModifiedSince: cached?.entry.lastModified) {
        case .success(let response):
            if response.status == 304, let cached { return Fetched(result: fromCache(cached.bytes)) }
            let result = ImageAsset.checked(response.bytes).map { $0.from(.download(url)) }
            if case .success = result {
                cache?.store(response.bytes, for: url, etag: response.etag, lastModified: response.lastModified)
            }
            return Fetched(result: result)
        case .failure(let failure):
            let reason: String
            if case .inputNotReadable(_, let why) = failure.error { reason = why } else { reason = "\(failure.error)" }
            let unreachable = failure.isHostUnreachable ? AssetFailure.hostUnreachable(host: url.host ?? "", reason: reason) : nil
            if let cached { return Fetched(result: fromCache(cached.bytes), unreachable: unreachable) }
            return Fetched(result: .failure(unreachable ?? .download(reason)), unreachable: unreachable)
        }
    }
}

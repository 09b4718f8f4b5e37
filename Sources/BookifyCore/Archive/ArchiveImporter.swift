import Foundation

/// Adds what inputs hold now to an archive: each input is read (a URL conditionally, with the
/// validators of its last fetch), the images its posts show are loaded unless the archive has
/// them, and everything is written in one transaction per input.
public struct ArchiveImporter: Sendable {
    /// The archive the inputs are added to.
    public let archive: Archive
    /// How inputs are read and images loaded (offline, limits, drafts).
    public var settings: BookSettings
    /// The time an import is recorded at.
    public var now: @Sendable () -> Date = { Date() }

    /// An importer into `archive`.
    public init(archive: Archive, settings: BookSettings) {
        self.archive = archive
        self.settings = settings
    }

    /// Imports `inputs` in order; the first that fails stops the run, after those before it
    /// were kept.
    public func importInputs(_ inputs: [String]) async throws(BookifyError) -> [ArchiveImport] {
        var imports: [ArchiveImport] = []
        for input in inputs { imports.append(try await importInput(input)) }
        return imports
    }

    /// Reads `input` and records it. A web site is asked only for what the archive lacks: its
    /// newest feed pages and the pages of posts not archived yet. Offline, a site the archive
    /// holds is not read at all: the book comes from the archive.
    public func importInput(_ input: String) async throws(BookifyError) -> ArchiveImport {
        let reader = InputReader(settings: settings)
        let isAddress = try reader.source(for: input) is WebSiteSource
        if isAddress, settings.input.offline, let key = try archive.sourceKey(forInput: input) {
            return ArchiveImport(input: input, source: key, notModified: true, offline: true)
        }
        let request = isAddress ? SourceRequest(validators: try archive.validators(forInput: input), knownPosts: try archive.knownPosts(forInput: input))
                                : SourceRequest()
        let fetched = try await reader.fetch(input, request: request)
        guard let blog = fetched.blog else { return try archive.recordUnchanged(fetched, at: now()) }
        let posts = try versions(of: blog.posts, source: fetched.input)
        let images = await loadImages(posts.flatMap(\.images))
        var imported = try archive.record(fetched, blog: blog, posts: posts, images: images, at: now())
        imported.site = fetched.site
        return imported
    }

    /// Each post as the archive keeps it: its JSON, the hash of that, and the images it shows.
    private func versions(of posts: [Post], source: String) throws(BookifyError) -> [ArchivedPostVersion] {
        let requests = ImageReferences.requests(in: posts, autoFormat: settings.content.contentFormat)
        var versions: [ArchivedPostVersion] = []
        for (post, requests) in zip(posts, requests) {
            let json: Data
            do {
                json = try ArchiveJSON.encode(post)
            } catch {
                throw .invalidInput(path: source, location: nil, reason: "post \(post.id) cannot be archived: \(error)")
            }
            versions.append(ArchivedPostVersion(post: post, json: ArchiveBlob([UInt8](json)), images: requests))
        }
        return versions
    }

    /// Loads the images the archive does not hold yet (a reference that failed before is tried
    /// again), through `--assets`, the cache and the network as a build would.
    private func loadImages(_ requests: [MediaLoader.Request]) async -> [ArchivedImageOutcome] {
        var unique: [MediaLoader.Request] = []
        var seen = Set<String>()
        for request in requests where seen.insert(request.archiveKey).inserted { unique.append(request) }
        let held = (try? archive.referencesWithImages(among: unique.map(\.archiveKey))) ?? []
        let missing = unique.filter { !held.contains($0.archiveKey) }
        let loader = MediaLoader(loader: ImageLoader(settings: settings.assets, offline: settings.input.offline),
                                 concurrentDownloads: settings.assets.concurrentDownloads)
        let loaded = await loader.load(missing)
        return missing.map { request in
            switch loaded.results[request] {
            case .success(let entry)?:
                guard let bytes = FileManager.default.contents(atPath: entry.file.path) else {
                    return ArchivedImageOutcome(request: request, image: nil, failure: "cannot read \(entry.file.path)")
                }
                return ArchivedImageOutcome(request: request, image: ArchivedImage(hash: entry.hash, type: entry.type, bytes: bytes), failure: nil)
            case .failure(let failure)?:
                return ArchivedImageOutcome(request: request, image: nil, failure: failure.description)
            case nil:
                return ArchivedImageOutcome(request: request, image: nil, failure: "not loaded")
            }
        }
    }
}

/// What one import added.
public struct ArchiveImport: Sendable, Hashable {
    /// The input as the caller named it.
    public var input: String
    /// The blog's key in the archive (its feed URL, home page or path).
    public var source: String
    /// The server said nothing changed since the last fetch (HTTP 304).
    public var notModified = false
    /// How many posts the input holds.
    public var postCount = 0
    /// How many of them the archive did not hold before.
    public var newPosts = 0
    /// Posts already held whose content changed.
    public var newVersions = 0
    /// How many images the archive did not hold before.
    public var newImages = 0
    /// Images the posts show that could not be had (tried again on the next import).
    public var missingImages = 0
    /// Offline: the archive's copy is used, nothing was read.
    public var offline = false
    /// For a web site: what reading it found and did.
    public var site: SiteReport?
}

/// A post as one import archives it.
struct ArchivedPostVersion: Sendable {
    var post: Post
    var json: ArchiveBlob
    var images: [MediaLoader.Request]
}

struct ArchivedImage: Sendable {
    var hash: String
    var type: ImageType
    var bytes: Data
}

/// An image reference an import tried: the image, or why not.
struct ArchivedImageOutcome: Sendable {
    var request: MediaLoader.Request
    var image: ArchivedImage?
    var failure: String?
}

extension MediaLoader.Request {
    /// The reference with everything it resolves against (the post's URL, its site, its local
    /// folder): the archive's key for the image it gives.
    var archiveKey: String {
        [source, location.url?.absoluteString ?? "", location.siteURL?.absoluteString ?? "",
         location.localSite?.postFolder.path ?? ""].joined(separator: "\n")
    }
}

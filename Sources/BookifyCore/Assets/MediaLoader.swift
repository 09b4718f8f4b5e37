import Foundation

/// Loads every image the posts refer to, once per reference and post location, several at a
/// time, into a spool on disk. What the posts then show is the content stage's business
/// (`MediaEmbedding`).
struct MediaLoader: Sendable {
    /// What to load: a reference as one post makes it (relative paths depend on the post).
    struct Request: Hashable, Sendable {
        var source: String
        var location: PostLocation
    }

    /// The outcome of every request, and the spool holding the loaded images.
    struct Loaded: Sendable {
        var results: [Request: Result<ImageSpool.Entry, AssetFailure>] = [:]
        /// `nil` when nothing was requested.
        var spool: ImageSpool?
    }

    var loader: ImageLoader
    var concurrentDownloads = 6
    /// Told how many of the images are loaded (`.images`), and of how many, as loading goes on.
    var progress: BuildProgress.Report?

    /// Loads `requests` (repeated ones once), at most `concurrentDownloads` at a time.
    func load(_ requests: [Request]) async -> Loaded {
        var unique: [Request] = []
        var seen = Set<Request>()
        for request in requests where seen.insert(request).inserted { unique.append(request) }
        guard !unique.isEmpty else { return Loaded() }
        let spool = Result { () throws(AssetFailure) in try ImageSpool() }
        let loader = self.loader
        let loadAndKeep = { @Sendable (request: Request) async -> (Request, Result<ImageSpool.Entry, AssetFailure>) in
            let loaded = await loader.load(request.source, at: request.location)
            return (request, loaded.flatMap { asset in spool.flatMap { $0.store(asset) } })
        }
        let results = await withTaskGroup(of: (Request, Result<ImageSpool.Entry, AssetFailure>).self) { group in
            var results: [Request: Result<ImageSpool.Entry, AssetFailure>] = [:]
            var pending = unique.makeIterator()
            for _ in 0..<max(1, concurrentDownloads) {
                guard let request = pending.next() else { break }
                group.addTask { await loadAndKeep(request) }
            }
            for await (request, result) in group {
                results[request] = result
                progress?(BuildProgress(stage: .images, done: results.count, total: unique.count))
                if let next = pending.next() { group.addTask { await loadAndKeep(next) } }
            }
            return results
        }
        return Loaded(results: results, spool: try? spool.get())
    }
}

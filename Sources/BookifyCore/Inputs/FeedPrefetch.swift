import Foundation

/// A feed file read ahead: the command line names its input first, and while ArgumentParser
/// works through the rest of it (a few milliseconds), the warm-up thread (`Warmup`) reads and
/// parses the feed as `InputReader` would. The build then takes the blog instead of reading it
/// again, on the path every later stage waits for.
///
/// A feed document's read depends on its bytes alone, not on any setting, so the blog read
/// ahead is the one the build would read: it is used once, and only if the file is still the
/// one read (same device, inode, size and modification time); otherwise the build reads it.
enum FeedPrefetch {
    private struct Entry {
        var path: String
        var identity: FileIdentity
        /// nil when the read failed: the build reads again, and reports why.
        var fetched: FetchedInput?
        var done = false
    }

    /// Guards `entry`, and tells a build waiting for a read under way that it is done.
    private static let condition = NSCondition()
    private nonisolated(unsafe) static var entry: Entry?

    /// Reads the feed at `path` now, on the calling thread, for `take` to find. Not a feed
    /// document (a folder, a Markdown file, a URL, standard input): nothing is read.
    static func read(_ path: String) {
        guard path != "-", let identity = FileIdentity(path),
              (try? InputReader().source(for: path)) is FeedDocumentSource else { return }
        condition.withLock { entry = Entry(path: path, identity: identity) }
        let fetched = try? InputReader.finished(FeedDocumentSource(input: path).read())
        condition.withLock {
            entry?.fetched = fetched
            entry?.done = true
            condition.broadcast()
        }
    }

    /// The input read ahead for `path`, if it was and the file has not changed since; waits for
    /// a read under way. Each read ahead is taken once.
    static func take(_ path: String) -> FetchedInput? {
        let taken = condition.withLock { () -> Entry? in
            guard entry?.path == path else { return nil }
            while entry?.done == false { condition.wait() }
            defer { entry = nil }
            return entry
        }
        guard let taken, taken.identity == FileIdentity(path) else { return nil }
        return taken.fetched
    }
}

/// What tells one version of a file from another without reading it.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec

    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = status.st_mtim
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool {
        left.device == right.device && left.inode == right.inode && left.size == right.size
            && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
    }
}

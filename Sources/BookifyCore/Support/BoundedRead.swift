import Foundation

/// Reads a local file or standard input whole, but never more than a cap: endless input
/// (`yes | bookify -`) or a sparse file of gigabytes gets a clear error at once, instead of
/// an abort when memory runs out.
enum BoundedRead {
    /// The most read from one feed file or standard input (a feed of 100 times the seed blog
    /// is 60 MB).
    static let maximumFeedBytes = 256 * 1024 * 1024
    /// The most read from one Markdown post.
    static let maximumPostBytes = 32 * 1024 * 1024

    enum Failure: Error {
        case notReadable
        case tooLarge(limit: Int)

        /// The reason as a message gives it.
        var reason: String {
            switch self {
            case .notReadable: "permission denied or not a regular file"
            case .tooLarge(let limit): "larger than \(limit / 1024 / 1024) MB, the most bookify reads from one input"
            }
        }
    }

    /// The bytes of the file at `path`.
    static func file(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .notReadable }
        defer { try? handle.close() }
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
            throw .tooLarge(limit: limit)
        }
        return try read(handle, limit: limit)
    }

    /// Everything on standard input.
    static func standardInput(limit: Int) throws(Failure) -> [UInt8] {
        try read(FileHandle.standardInput, limit: limit)
    }

    private static func read(_ handle: FileHandle, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw .notReadable }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes += chunk
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
    }
}

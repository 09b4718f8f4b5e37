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

    /// The bytes of the file at `path`: a regular file is read straight into an array of its
    /// size (one allocation, no copy), anything else (a pipe, a device) in chunks.
    static func file(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .notReadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return try chunks(FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), limit: limit)
        }
        let size = Int(status.st_size)
        if size > limit { throw .tooLarge(limit: limit) }
        // One byte more than the size: a file that grew since `fstat` is read to its end.
        var bytes = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count throws(Failure) in
            count = try fill(buffer, from: descriptor)
        }
        if bytes.count > size { bytes += try chunks(FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), limit: limit - bytes.count) }
        return bytes
    }

    /// Everything on standard input.
    static func standardInput(limit: Int) throws(Failure) -> [UInt8] {
        try chunks(FileHandle.standardInput, limit: limit)
    }

    /// Reads into `buffer` until it is full or the file ends; the bytes read.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32) throws(Failure) -> Int {
        var count = 0
        while count < buffer.count {
            let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw .notReadable
            }
            count += read
        }
        return count
    }

    private static func chunks(_ handle: FileHandle, limit: Int) throws(Failure) -> [UInt8] {
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

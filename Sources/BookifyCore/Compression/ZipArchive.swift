import CLibZip
import Foundation

/// Writes a zip archive with libzip, in the shape EPUB needs: entries in the order added,
/// each stored or deflated, with a fixed modification time so builds are reproducible.
final class ZipArchive {
    /// The version of libzip loaded now.
    static var libraryVersion: String { String(cString: zip_libzip_version()) }

    private var archive: OpaquePointer?
    private let path: String
    /// Where an archive made in memory is written (a libzip buffer source, kept past `zip_close`).
    private var buffer: OpaquePointer?

    /// Creates (or truncates) the archive at `path`; nothing is written before `close()`.
    /// `inMemory`: libzip writes the archive into memory, and `close()` writes it to `path` at
    /// once. Written to a file, libzip makes a temporary file of its own (seeding OpenSSL's
    /// random generator to name it) and writes each entry with a seek back to its header: for a
    /// small book that was a twentieth of the whole run. Large books (images) stay on disk.
    init(creatingAt path: String, inMemory: Bool = false) throws(BookifyError) {
        self.path = path
        if inMemory {
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else {
                throw .outputNotCreatable(path: path, reason: String(cString: zip_error_strerror(&error)))
            }
            zip_source_keep(buffer)
            self.buffer = buffer
            archive = zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &error)
            if archive == nil { throw .outputNotCreatable(path: path, reason: String(cString: zip_error_strerror(&error))) }
        } else {
            var errorCode: Int32 = 0
            archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &errorCode)
            if archive == nil { throw .outputNotCreatable(path: path, reason: Self.describe(errorCode: errorCode)) }
        }
    }

    deinit {
        if let archive { zip_discard(archive) }
        if let buffer { zip_source_free(buffer) }
    }

    /// Adds an entry. `compressed: false` stores it as is (the EPUB `mimetype` entry).
    func add(_ name: String, contents: [UInt8], compressed: Bool, modified: Date) throws(BookifyError) {
        guard let archive else { return }
        let buffer = Self.ownedCopy(of: contents)
        guard let source = zip_source_buffer(archive, buffer, zip_uint64_t(contents.count), 1) else {
            free(buffer)
            throw failure("cannot add \(name)")
        }
        try add(name, source: source, compressed: compressed, modified: modified)
    }

    /// Adds an entry deflated beforehand (on any thread, see `Deflated`): libzip copies its
    /// bytes as they are.
    func add(_ name: String, deflated: Deflated, modified: Date) throws(BookifyError) {
        guard let archive else { return }
        let buffer = Self.ownedCopy(of: deflated.bytes)
        guard let source = bookify_deflated_source(archive, buffer, zip_uint64_t(deflated.bytes.count),
                                                   zip_uint64_t(deflated.size), deflated.crc) else {
            free(buffer)
            throw failure("cannot add \(name)")
        }
        try add(name, source: source, compressed: nil, modified: modified)
    }

    /// libzip reads an added buffer only when the archive is closed: it gets a copy of its own
    /// (malloc'd; libzip frees it).
    private static func ownedCopy(of bytes: [UInt8]) -> UnsafeMutableRawPointer {
        let buffer = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
        }
        return buffer
    }

    /// Adds an entry whose bytes libzip reads from `file` when the archive is closed, so large
    /// files never need to be in memory.
    func add(_ name: String, file: URL, compressed: Bool, modified: Date) throws(BookifyError) {
        guard let archive else { return }
        guard let source = zip_source_file(archive, file.path, 0, -1) else { throw failure("cannot add \(name) from \(file.path)") }
        try add(name, source: source, compressed: compressed, modified: modified)
    }

    /// `compressed: nil` leaves the method to the source (already deflated).
    private func add(_ name: String, source: OpaquePointer, compressed: Bool?, modified: Date) throws(BookifyError) {
        guard let archive else { return }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure("cannot add \(name)")
        }
        let (time, date) = Self.dosDateTime(modified)
        let methodSet = compressed.map { compressed in
            zip_set_file_compression(archive, zip_uint64_t(index), compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     compressed ? Deflated.level : 0) == 0
        }
        guard methodSet ?? true, zip_file_set_dostime(archive, zip_uint64_t(index), time, date, 0) == 0 else {
            throw failure("cannot set the attributes of \(name)")
        }
    }

    /// Writes the archive to disk.
    func close() throws(BookifyError) {
        guard let archive else { return }
        if zip_close(archive) != 0 {
            let error = failure("cannot write the archive")
            zip_discard(archive)
            self.archive = nil
            throw error
        }
        self.archive = nil
        if let buffer { try write(buffer) }
    }

    /// Writes the bytes of the archive made in memory to `path`.
    private func write(_ buffer: OpaquePointer) throws(BookifyError) {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(buffer, &stat) == 0, stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0, zip_source_open(buffer) == 0 else {
            throw .writeFailed(path: path, reason: "cannot read the archive made in memory")
        }
        defer { zip_source_close(buffer) }
        var bytes = [UInt8](repeating: 0, count: max(1, Int(stat.size)))
        let read = bytes.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress!, stat.size) }
        guard read == Int64(stat.size) else { throw .writeFailed(path: path, reason: "cannot read the archive made in memory") }
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { Glibc.close(file) }
        var written = 0
        while written < read {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
            written += count
        }
    }

    private func failure(_ what: String) -> BookifyError {
        let message = archive.flatMap { zip_strerror($0) }.map { String(cString: $0) } ?? "unknown error"
        return .writeFailed(path: path, reason: "\(what): \(message)")
    }

    private static func describe(errorCode: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, errorCode)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    /// An entry's bytes deflated as a zip entry holds them, with the size and CRC its headers
    /// need. Made on any thread, so that a book's pages are compressed on every core while
    /// libzip writes the archive on one.
    struct Deflated: Sendable {
        /// The default level (libzip's zlib uses it too, for the entries it deflates): level 9
        /// took twice the time for a book 0.5% smaller.
        static let level: zip_uint32_t = 6
        var bytes: [UInt8]
        var size: Int
        var crc: UInt32

        /// `contents` deflated (with libdeflate); nil only when memory runs out.
        init?(_ contents: [UInt8]) {
            guard let deflated = RawDeflate.compress(contents, level: Int32(Self.level)) else { return nil }
            size = contents.count
            crc = RawDeflate.crc32(contents)
            bytes = deflated
        }

        /// `contents` deflated as libzip would deflate them at `close()` (zlib): the same
        /// archive, with the work done beforehand, on any thread.
        init?(asLibzipWould contents: [UInt8]) {
            guard let deflated = RawDeflate.compressAsLibzip(contents, level: Int32(Self.level)) else { return nil }
            size = contents.count
            crc = RawDeflate.crc32(contents)
            bytes = deflated
        }
    }

    /// MS-DOS time and date fields in UTC; zip cannot hold dates before 1980.
    /// (`zip_file_set_mtime` would go through the local time zone.)
    static func dosDateTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        let clamped = min(max(date, Date(timeIntervalSince1970: 315_532_800)), Date(timeIntervalSince1970: 4_354_819_198))
        let parts = UTCCalendar.fields(of: clamped)
        let time = UInt16(parts.hour << 11 | parts.minute << 5 | parts.second / 2)
        let day = UInt16((parts.year - 1980) << 9 | parts.month << 5 | parts.day)
        return (time, day)
    }
}

import CLibZip

/// Raw deflate (no zlib or gzip header) with libdeflate, as zip entries and the archive's
/// stored feeds hold bytes. Pure functions, safe on any thread.
enum RawDeflate {
    /// `bytes` deflated at `level` (1–12); nil only when memory runs out.
    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        let capacity = bookify_deflate_bound(bytes.count)
        var output = [UInt8](repeating: 0, count: capacity)
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { bookify_deflate_raw(input.baseAddress, input.count, $0.baseAddress, capacity, level) }
        }
        guard written > 0 else { return nil }
        output.removeSubrange(written...)
        return output
    }

    /// `bytes` deflated as libzip deflates an entry itself (zlib, not libdeflate): the bytes
    /// libzip would write, made beforehand; nil only when memory runs out.
    static func compressAsLibzip(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        let capacity = bookify_zlib_bound(bytes.count)
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = bytes.withUnsafeBytes { bookify_deflate_raw_as_libzip($0.baseAddress, $0.count, buffer.baseAddress, capacity, level) }
        }
        return output.isEmpty ? nil : output
    }

    /// `bytes` deflated in a zlib wrapper (RFC 1950), as PNG image data holds them; nil only
    /// when memory runs out.
    static func compressZlib(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        let capacity = bookify_deflate_bound(bytes.count) + 6
        // Only what is written is kept: the bound (the input's size and more) is not zeroed first.
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = bytes.withUnsafeBytes { bookify_deflate_zlib($0.baseAddress, $0.count, buffer.baseAddress, capacity, level) }
        }
        return output.isEmpty ? nil : output
    }

    /// The `size` bytes `deflated` holds; nil when they are damaged or of another size.
    static func decompress(_ deflated: [UInt8], size: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: size)
        let succeeded = deflated.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { bookify_inflate_raw(input.baseAddress, input.count, $0.baseAddress, size) }
        }
        return succeeded == 1 ? output : nil
    }

    /// The CRC-32 zip headers carry.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(bookify_crc32($0.baseAddress, $0.count)) }
    }

    /// `crc` continued over `bytes`.
    static func crc32(_ bytes: [UInt8], continuing crc: UInt32) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(bookify_crc32_continue(UInt(crc), $0.baseAddress, $0.count)) }
    }
}

import CLibZip

/// Encodes drawn pixels as a PNG, with libdeflate. Cairo's own PNG writer (libpng and zlib)
/// took a quarter of a second for the 1600 × 2560 drawn cover, longer than converting a whole
/// blog; this takes a few hundredths. Pure: the same pixels give the same bytes.
enum PNGEncoder {
    /// A PNG of `width` × `height` pixels, each 32 bits of native-endian xRGB (Cairo's RGB24),
    /// rows `stride` bytes apart. Rows are filtered with "Up" (the difference from the row
    /// above), which turns a drawn picture's flat colour into zeros. Nil when memory runs out.
    static func encode(xrgb pixels: UnsafeRawPointer, stride: Int, width: Int, height: Int) -> [UInt8]? {
        // Every byte is written by the filter: no need to zero 12 MB first.
        let rows = [UInt8](unsafeUninitializedCapacity: (3 * width + 1) * height) { buffer, count in
            bookify_png_rows_from_xrgb(pixels, stride, width, height, buffer.baseAddress!)
            count = buffer.count
        }
        guard let data = RawDeflate.compressZlib(rows, level: 6) else { return nil }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // 8 bits a sample, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
        append(chunk: "IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], to: &png)
        append(chunk: "IDAT", data, to: &png)
        append(chunk: "IEND", [], to: &png)
        return png
    }

    private static func append(chunk type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count)) + typeBytes + data
        png += bigEndian(RawDeflate.crc32(data, continuing: RawDeflate.crc32(typeBytes)))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

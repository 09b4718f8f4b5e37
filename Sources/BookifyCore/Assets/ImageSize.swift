import Foundation

/// An image's size in pixels, read from its header (no decoding): what a writer needs to lay
/// the image out before it reads the bytes. SVG gives its declared size (`width`/`height` in
/// px or unitless, else its `viewBox`).
struct ImageSize: Sendable, Hashable {
    var width: Int
    var height: Int

    /// The largest side an SVG may declare: far beyond any page, well within `Int`.
    private static let maximumSide = 1_000_000

    /// The size `bytes` declare, or `nil` when the header does not tell.
    static func read(_ bytes: [UInt8], type: ImageType) -> ImageSize? {
        let size: ImageSize?
        switch type {
        case .png: size = bytes.count >= 24 ? ImageSize(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4)) : nil
        case .gif: size = bytes.count >= 10 ? ImageSize(width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2)) : nil
        case .jpeg: size = jpeg(bytes)
        case .webp: size = webp(bytes)
        case .svg: size = svg(String(decoding: bytes.prefix(4096), as: UTF8.self))
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The first start-of-frame marker's size (SOF0–SOF15 but DHT, JPG and DAC).
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageSize(width: bigEndian(bytes, offset + 7, 2), height: bigEndian(bytes, offset + 5, 2))
            }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            offset += 2 + bigEndian(bytes, offset + 2, 2)
        }
        return nil
    }

    /// Lossy (VP8), lossless (VP8L) and extended (VP8X) WebP.
    private static func webp(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ": return ImageSize(width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return ImageSize(width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        default: return nil
        }
    }

    private static func svg(_ text: String) -> ImageSize? {
        guard let tag = text.firstMatch(of: /<svg\b[^>]*>/)?.output else { return nil }
        let attribute = { (name: String) -> String? in
            let pattern = try! Regex("\\s\(name)\\s*=\\s*[\"']([^\"']*)[\"']")
            return tag.firstMatch(of: pattern)?.output[1].substring.map(String.init)
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return ImageSize(width: width, height: height)
        }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let box, box.count == 4, let width = pixels(box[2]), let height = pixels(box[3]) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// An SVG length ("120", "120px") in whole pixels, or nil unless it is a number an image's
    /// size could be: "1e300", "nan" and "inf" parse as `Double` but trap when made an `Int`.
    private static func pixels(_ value: String?) -> Int? {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        let number = Double(value.hasSuffix("px") ? String(value.dropLast(2)) : value)
        guard let number, number.isFinite, number >= 0, number <= Double(maximumSide) else { return nil }
        return Int(number.rounded())
    }
}

/// Image formats a book may hold, told from the bytes, never from the file name (ARCHITECTURE §7).
public enum ImageType: String, Sendable, CaseIterable {
    case png, jpeg, gif, webp, svg

    /// The image's media type, as the EPUB's manifest names it.
    public var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .gif: return "image/gif"
        case .webp: return "image/webp"
        case .svg: return "image/svg+xml"
        }
    }

    /// The file extension images of this type get in the book.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The type the bytes have, or `nil` when they are no image bookify knows.
    public static func sniff(_ bytes: [UInt8]) -> ImageType? {
        // A signature alone is no image: each format's first header must follow it.
        if bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
           Array(bytes[12..<16]) == Array("IHDR".utf8) { return .png }
        if bytes.count > 32, bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count > 13, bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.count > 16, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<15]) == Array("WEBPVP8".utf8) {
            return .webp
        }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if head.contains("<svg") { return .svg }
        return nil
    }
}

/// An image read into memory with its real type.
public struct ImageAsset: Sendable, Hashable {
    /// The image's bytes (an SVG sanitized).
    public var bytes: [UInt8]
    /// Its format, sniffed from the bytes.
    public var type: ImageType
    /// Where it was found, when it was loaded for a post.
    public var origin: ImageOrigin?

    /// An image of `type`, from `origin`.
    public init(bytes: [UInt8], type: ImageType, origin: ImageOrigin? = nil) {
        self.bytes = bytes
        self.type = type
        self.origin = origin
    }

    /// The same image, found at `origin`.
    func from(_ origin: ImageOrigin) -> ImageAsset {
        var found = self
        found.origin = origin
        return found
    }
}

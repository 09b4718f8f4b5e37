import BookifyCore

/// `--verbose`: each image of the book with where it came from and its size, then a count by
/// origin.
struct ImageReport {
    let images: [EmbeddedImage]

    var lines: [String] {
        var counts: [String: Int] = [:]
        var lines = images.map { image -> String in
            let origin = image.origin ?? .inline
            counts[Self.kind(origin), default: 0] += 1
            return "bookify: \(image.id).\(image.type.fileExtension) (\(image.width)×\(image.height), \(readableSize(image.byteCount))) \(origin)"
        }
        let order = ["from disk", "from the cache", "downloaded", "inline", "from the archive"]
        let summary = order.compactMap { kind in counts[kind].map { "\($0) \(kind)" } }.joined(separator: ", ")
        if !images.isEmpty { lines.append("bookify: \(plural(images.count, "image")): \(summary)") }
        return lines
    }

    func print() {
        for line in lines { printError(line) }
    }

    private static func kind(_ origin: ImageOrigin) -> String {
        switch origin {
        case .file: return "from disk"
        case .cache: return "from the cache"
        case .download: return "downloaded"
        case .inline: return "inline"
        case .archive: return "from the archive"
        }
    }
}

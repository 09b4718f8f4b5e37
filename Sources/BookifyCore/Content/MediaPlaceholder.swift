import Foundation

/// What a post shows in place of an image or video that is not in the book: its alt text
/// and a link to the original, never a broken reference (DESIGN §5).
struct MediaPlaceholder {
    static let className = "media-placeholder"

    private static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "webm", "ogv", "mkv", "avi"]
    private static let audioExtensions: Set<String> = ["mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"]

    let element: XHTMLElement
    let baseURL: URL?

    /// The original's absolute URL, when it has one that can be opened.
    var originalURL: URL? {
        let source = element["src"] ?? element["href"] ?? element["xlink:href"] ?? element["poster"]
        guard let source, let url = LinkURL.parse(source.trimmingCharacters(in: .whitespaces), relativeTo: baseURL),
              ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return nil }
        return url
    }

    var kind: String {
        let pathExtension = originalURL?.pathExtension.lowercased() ?? ""
        if element.name == "video" || Self.videoExtensions.contains(pathExtension) { return "Video" }
        if element.name == "audio" || Self.audioExtensions.contains(pathExtension) { return "Audio" }
        return "Image"
    }

    var description: String {
        let alt = (element["alt"] ?? element["title"] ?? element.textContent)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !alt.isEmpty { return alt }
        return originalURL?.lastPathComponent ?? "no description"
    }

    var node: XHTMLElement {
        var children: [XHTMLNode] = [.text("\(kind): \(description) ")]
        if let originalURL {
            children.append(.element(XHTMLElement("a", attributes: [XHTMLAttribute("href", originalURL.absoluteString)],
                                                  children: [.text("(view online)")])))
        } else {
            children.append(.text("(not available)"))
        }
        return XHTMLElement("span", attributes: [XHTMLAttribute("class", Self.className)], children: children)
    }
}

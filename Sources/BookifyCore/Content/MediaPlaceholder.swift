import Foundation

/// What a post shows in place of an image or video that is not in the book: its alt text
/// and a link to the original, never a broken reference (DESIGN §5).
struct MediaPlaceholder {
    static let className = "media-placeholder"

    private static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "webm", "ogv", "mkv", "avi"]
    private static let audioExtensions: Set<String> = ["mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"]

    let element: XHTMLElement
    let baseURL: URL?

    /// `picture` stands for its `img`; `video` and `audio` without `src` for their first `source`.
    init(element: XHTMLElement, baseURL: URL?) {
        self.baseURL = baseURL
        let inner = Self.firstDescendant(of: element) { $0.name == "img" }
        let source = Self.firstDescendant(of: element) { $0.name == "source" && $0["src"] != nil }
        if element.name == "picture", let inner {
            self.element = inner
        } else if element["src"] == nil, let source {
            var media = element
            media["src"] = source["src"]
            self.element = media
        } else {
            self.element = element
        }
    }

    private static func firstDescendant(of element: XHTMLElement, where matches: (XHTMLElement) -> Bool) -> XHTMLElement? {
        for case .element(let child) in element.children {
            if matches(child) { return child }
            if let found = firstDescendant(of: child, where: matches) { return found }
        }
        return nil
    }

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

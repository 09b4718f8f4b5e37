import Foundation

/// Reading media references out of parsed HTML, for the sanitizer.
extension MediaReference {
    private static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "webm", "ogv", "mkv", "avi"]
    private static let audioExtensions: Set<String> = ["mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"]

    /// The reference an HTML media element makes: `picture` stands for its `img`; an element
    /// without `src` for its first `source` (or the first `srcset` candidate).
    init(html element: HTMLElement, baseURL: URL?) {
        let inner = Self.firstDescendant(of: element) { $0.name == "img" }
        let media = element.name == "picture" ? inner ?? element : element
        let raw = Self.address(of: media) ?? Self.firstDescendant(of: element) { $0.name == "source" && Self.address(of: $0) != nil }
            .flatMap(Self.address) ?? ""
        var trimmed = raw.trimmed
        // A protocol-relative address with nothing to take the protocol from: the web's default.
        if trimmed.hasPrefix("//"), baseURL == nil { trimmed = "https:" + trimmed }
        source = trimmed.lowercased().hasPrefix("data:") ? trimmed
            : LinkURL.parse(trimmed, relativeTo: baseURL)?.absoluteString ?? trimmed
        alt = (media["alt"] ?? media["aria-label"]).map(Self.collapsed)
        let text = Self.collapsed(element.textContent)
        title = media["title"].map(Self.collapsed) ?? (element.name == "img" || text.isEmpty ? nil : text)
        let pathExtension = URL(string: source)?.pathExtension.lowercased() ?? ""
        if element.name == "video" || Self.videoExtensions.contains(pathExtension) {
            kind = .video
        } else if element.name == "audio" || Self.audioExtensions.contains(pathExtension) {
            kind = .audio
        } else {
            kind = .image
        }
    }

    /// A 1×1 image (a tracking pixel, as feeds such as golem.de's append to every item): no
    /// content, and fetching it would tell the tracker.
    static func isTrackingPixel(_ element: HTMLElement) -> Bool {
        guard element.name == "img" else { return false }
        let size = { (name: String) in element[name].flatMap { Int($0.trimmed) } }
        guard let width = size("width"), let height = size("height") else { return false }
        return width <= 1 && height <= 1
    }

    /// Every reference in `nodes`, in document order.
    static func all(in nodes: [ContentNode]) -> [MediaReference] {
        var references: [MediaReference] = []
        nodes.forEachNode { if case .media(let reference) = $0 { references.append(reference) } }
        return references
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Where an element's media is. Lazy-loading scripts keep the real image in a data
    /// attribute and a blank in `src`.
    private static func address(of element: HTMLElement) -> String? {
        let attributes = ["data-src", "data-lazy-src", "data-original", "src", "href", "xlink:href"]
        if let value = attributes.lazy.compactMap({ element[$0] }).first { return value }
        return element["srcset"].flatMap(firstCandidate)
    }

    private static func firstCandidate(_ srcset: String) -> String? {
        srcset.split(separator: ",").first.flatMap { $0.split(whereSeparator: \.isWhitespace).first }.map(String.init)
    }

    private static func firstDescendant(of element: HTMLElement, where matches: (HTMLElement) -> Bool) -> HTMLElement? {
        for case .element(let child) in element.children {
            if matches(child) { return child }
            if let found = firstDescendant(of: child, where: matches) { return found }
        }
        return nil
    }
}

import Foundation

/// An image, video or audio a post shows, as the sanitizer leaves it for the asset stage: an
/// `img` whose `src` is the reference resolved against the post (as written when it is relative
/// and the post has no URL), with `alt` and `title`, and for video or audio a
/// `data-bookify-media` attribute. The asset stage replaces every such `img` with the embedded
/// image or a placeholder, so none reaches the book as it is.
struct MediaReference: Sendable, Hashable {
    enum Kind: String, Sendable {
        case image, video, audio
    }

    static let kindAttribute = "data-bookify-media"
    /// The class of a post's lead image (JSON Feed `image`): decorative, shown above the text.
    static let leadImageClass = "lead-image"

    private static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "webm", "ogv", "mkv", "avi"]
    private static let audioExtensions: Set<String> = ["mp3", "m4a", "ogg", "oga", "wav", "flac", "aac"]

    /// The reference: an absolute URL, a `data:` URL, or a relative path no URL could resolve.
    var source: String
    var alt: String?
    var title: String?
    var kind: Kind

    init(source: String, alt: String? = nil, title: String? = nil, kind: Kind = .image) {
        self.source = source
        self.alt = alt
        self.title = title
        self.kind = kind
    }

    /// The reference an HTML media element makes: `picture` stands for its `img`; an element
    /// without `src` for its first `source` (or the first `srcset` candidate).
    init(html element: XHTMLElement, baseURL: URL?) {
        let inner = Self.firstDescendant(of: element) { $0.name == "img" }
        let media = element.name == "picture" ? inner ?? element : element
        let raw = Self.address(of: media) ?? Self.firstDescendant(of: element) { $0.name == "source" && Self.address(of: $0) != nil }
            .flatMap(Self.address) ?? ""
        var trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
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
    static func isTrackingPixel(_ element: XHTMLElement) -> Bool {
        guard element.name == "img" else { return false }
        let size = { (name: String) in element[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        guard let width = size("width"), let height = size("height") else { return false }
        return width <= 1 && height <= 1
    }

    /// The reference a sanitized `img` stands for; `nil` for any other element.
    init?(marker element: XHTMLElement) {
        guard element.name == "img", let source = element["src"] else { return nil }
        self.init(source: source, alt: element["alt"], title: element["title"],
                  kind: element[Self.kindAttribute].flatMap(Kind.init) ?? .image)
    }

    /// Every reference in `nodes`, in document order.
    static func all(in nodes: [XHTMLNode]) -> [MediaReference] {
        nodes.flatMap { node -> [MediaReference] in
            guard case .element(let element) = node else { return [] }
            return MediaReference(marker: element).map { [$0] } ?? all(in: element.children)
        }
    }

    /// The `img` the sanitizer leaves in the body.
    var marker: XHTMLElement {
        var element = XHTMLElement("img", attributes: [XHTMLAttribute("src", source)])
        if let alt { element["alt"] = alt }
        if let title { element["title"] = title }
        if kind != .image { element[Self.kindAttribute] = kind.rawValue }
        return element
    }

    /// The original's absolute web address, when it has one a reader could open.
    var webURL: URL? {
        guard let url = URL(string: source), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", LinkURL.isValidHost(url.host) else { return nil }
        return url
    }

    /// What the media shows, in words: its alt text or title, else its file name.
    var description: String {
        if let alt, !alt.isEmpty { return alt }
        if let title, !title.isEmpty { return title }
        if source.lowercased().hasPrefix("data:") { return "embedded image" }
        let name = (URL(string: source)?.lastPathComponent ?? source).removingPercentEncoding ?? source
        return name.isEmpty || name == "/" ? "no description" : name
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Where an element's media is. Lazy-loading scripts keep the real image in a data
    /// attribute and a blank in `src`.
    private static func address(of element: XHTMLElement) -> String? {
        let attributes = ["data-src", "data-lazy-src", "data-original", "src", "href", "xlink:href"]
        if let value = attributes.lazy.compactMap({ element[$0] }).first { return value }
        return element["srcset"].flatMap(firstCandidate)
    }

    private static func firstCandidate(_ srcset: String) -> String? {
        srcset.split(separator: ",").first.flatMap { $0.split(whereSeparator: \.isWhitespace).first }.map(String.init)
    }

    private static func firstDescendant(of element: XHTMLElement, where matches: (XHTMLElement) -> Bool) -> XHTMLElement? {
        for case .element(let child) in element.children {
            if matches(child) { return child }
            if let found = firstDescendant(of: child, where: matches) { return found }
        }
        return nil
    }
}

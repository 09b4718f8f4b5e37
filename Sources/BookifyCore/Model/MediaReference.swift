import Foundation

/// An image, video or audio a post shows, as the sanitizer leaves it for the asset stage: the
/// reference resolved against the post (as written when it is relative and the post has no
/// URL), with its `alt` and `title`. The asset stage replaces every one with the embedded image
/// or a placeholder, so none reaches a writer.
public struct MediaReference: Sendable, Hashable {
    /// What kind of media a reference shows.
    public enum Kind: String, Sendable {
        case image, video, audio
    }

    /// The reference: an absolute URL, a `data:` URL, or a relative path no URL could resolve.
    public var source: String
    /// The text that stands for it (`alt`).
    public var alt: String?
    /// Its title.
    public var title: String?
    /// What it is.
    public var kind: Kind

    init(source: String, alt: String? = nil, title: String? = nil, kind: Kind = .image) {
        self.source = source
        self.alt = alt
        self.title = title
        self.kind = kind
    }

    /// The original's absolute web address, when it has one a reader could open.
    public var webURL: URL? {
        guard let url = URL(string: source), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", LinkURL.isValidHost(url.host) else { return nil }
        return url
    }

    /// What the media shows, in words: its alt text or title, else what it is ("Image"); a
    /// file name says nothing to a reader.
    public var description: String {
        if let alt, !alt.trimmingCharacters(in: .whitespaces).isEmpty { return alt }
        if let title, !title.trimmingCharacters(in: .whitespaces).isEmpty { return title }
        return kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }
}

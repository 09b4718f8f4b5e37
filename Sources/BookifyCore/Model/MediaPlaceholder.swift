import Foundation

/// What a post shows in place of media that is not in the book: what it showed, in words,
/// why it is missing, and a link to the original; never a broken reference (ARCHITECTURE §5).
public struct MediaPlaceholder: Sendable, Hashable {
    /// How the placeholder stands in the text.
    public enum Layout: Sendable, Hashable {
        /// A block of its own, for media that stood alone in its paragraph.
        case figure
        /// Within running text.
        case inline
    }

    /// What the media showed: its alt text or title, else what it is ("Image").
    public var description: String
    /// What the missing media was: an image, a video, an audio file, an embed.
    public var kind: MediaReference.Kind
    /// The original, when it has a web address and the placeholder may link to it (a
    /// placeholder inside a link adds no link of its own).
    public var original: URL?
    /// How it stands in the text.
    public var layout: Layout

    init(reference: MediaReference, layout: Layout, insideLink: Bool = false) {
        description = reference.description
        kind = reference.kind
        original = insideLink ? nil : reference.webURL
        self.layout = layout
    }

    /// Why the media is missing, in words.
    public var reason: String {
        switch kind {
        case .image: return "image not available"
        case .video: return "video not included"
        case .audio: return "audio not included"
        }
    }

    /// What a figure placeholder says: the description and why it is missing ("A chart (image
    /// not available)"), or just the reason when nothing describes the media ("Image not
    /// available").
    public var label: String {
        let reason = reason
        return description.lowercased() == kind.rawValue ? reason.prefix(1).uppercased() + reason.dropFirst()
                                                         : "\(description) (\(reason))"
    }

    /// What a reader can do about it, as the text of the link to the original.
    public var action: String {
        switch kind {
        case .image: return "view the original"
        case .video: return "watch it online"
        case .audio: return "listen online"
        }
    }
}

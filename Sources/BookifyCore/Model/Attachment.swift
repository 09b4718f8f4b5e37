import Foundation

/// A file a post links to as an enclosure: a podcast episode, a download.
public struct Attachment: Sendable, Hashable, Codable {
    /// Where the file is.
    public var url: URL
    /// Its media type, such as `audio/mpeg`.
    public var mimeType: String
    /// A name for it.
    public var title: String?
    /// Its size, as the feed gives it.
    public var sizeInBytes: Int?
    /// Its length, for audio and video.
    public var durationInSeconds: Double?

    /// An attachment; its URL and media type are required.
    public init(url: URL, mimeType: String, title: String? = nil,
                sizeInBytes: Int? = nil, durationInSeconds: Double? = nil) {
        self.url = url
        self.mimeType = mimeType
        self.title = title
        self.sizeInBytes = sizeInBytes
        self.durationInSeconds = durationInSeconds
    }
}

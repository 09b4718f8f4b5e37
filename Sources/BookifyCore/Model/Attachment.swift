import Foundation

/// A file a post links to as an enclosure: a podcast episode, a download.
public struct Attachment: Sendable, Hashable, Codable {
    public var url: URL
    public var mimeType: String
    public var title: String?
    public var sizeInBytes: Int?
    public var durationInSeconds: Double?

    public init(url: URL, mimeType: String, title: String? = nil,
                sizeInBytes: Int? = nil, durationInSeconds: Double? = nil) {
        self.url = url
        self.mimeType = mimeType
        self.title = title
        self.sizeInBytes = sizeInBytes
        self.durationInSeconds = durationInSeconds
    }
}

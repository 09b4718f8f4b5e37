import Foundation

/// An image stored in the book, once however often posts show it.
public struct EmbeddedImage: Sendable, Hashable {
    /// Unique in the book: named after the first reference and the bytes' hash
    /// (`diagram-3f2a9c01de`). Posts refer to the image by it (`ImageUse.imageID`).
    public var id: String
    public var type: ImageType
    /// The size in pixels, read once when the image was loaded (for SVG, its declared size).
    public var width: Int
    public var height: Int
    /// Where the bytes wait until the book is written (in the content's `ImageSpool`).
    public var file: URL
    /// Shown at least once as content, not only as a decorative lead image.
    public var informative: Bool
    public var byteCount: Int
    /// Where it was found first.
    public var origin: ImageOrigin?
}

/// An image that could not be put in the book: the post shows a placeholder instead.
public struct AssetWarning: Sendable, Hashable {
    public var documentID: String
    public var postTitle: String
    /// The reference as resolved against the post.
    public var reference: String
    public var failure: AssetFailure
}

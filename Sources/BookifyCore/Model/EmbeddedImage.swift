import Foundation

/// An image stored in the book, once however often posts show it.
public struct EmbeddedImage: Sendable, Hashable {
    /// Unique in the book: named after the first reference and the bytes' hash
    /// (`diagram-3f2a9c01de`). Posts refer to the image by it (`ImageUse.imageID`).
    public var id: String
    /// Its format.
    public var type: ImageType
    /// The size in pixels, read once when the image was loaded (for SVG, its declared size).
    public var width: Int
    /// Its height in pixels.
    public var height: Int
    /// Where the bytes wait until the book is written (in the content's `ImageSpool`).
    public var file: URL
    /// Shown at least once as content, not only as a decorative lead image.
    public var informative: Bool
    /// Its size in bytes, as stored in the book.
    public var byteCount: Int
    /// Where it was found first.
    public var origin: ImageOrigin?
}

/// An image that could not be put in the book: the post shows a placeholder instead.
public struct AssetWarning: Sendable, Hashable {
    /// The document (post) that shows the image.
    public var documentID: String
    /// That post's title, for messages.
    public var postTitle: String
    /// The reference as resolved against the post.
    public var reference: String
    /// Why the image could not be embedded.
    public var failure: AssetFailure
}

import Foundation

/// An image stored in the book, once however often posts show it.
public struct EmbeddedImage: Sendable, Hashable {
    /// The path inside the publication (`images/…`), named after the first reference and
    /// the bytes' hash, with the extension of the real type.
    public var href: String
    public var type: ImageType
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

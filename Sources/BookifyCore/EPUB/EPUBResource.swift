import Foundation

/// A file of the publication, listed in the package document's manifest.
struct EPUBResource: Sendable {
    /// The manifest id.
    var id: String
    /// The path relative to the package document (inside `OEBPS/`).
    var href: String
    var mediaType: String
    var contents: Contents
    /// Manifest properties (`nav`, `cover-image`, …).
    var properties: [String] = []
    /// Whether the file is a reading-order document, in spine order.
    var inSpine = false
    /// A spine document outside the linear reading order (the contents, which readers open
    /// from their own menu).
    var linear = true

    /// A resource's bytes, as the archive gets them.
    enum Contents: Sendable {
        /// Bytes the archive deflates (or stores, for compressed image formats).
        case bytes([UInt8])
        /// Bytes deflated already (pages, on every core).
        case deflated(ZipArchive.Deflated)
        /// A file on disk (images), read when the archive is written.
        case file(URL)
    }

    static let xhtmlType = "application/xhtml+xml"

    static func page(id: String, href: String, xhtml: String, inSpine: Bool = true, properties: [String] = []) -> EPUBResource {
        let bytes = Array(xhtml.utf8)
        return EPUBResource(id: id, href: href, mediaType: xhtmlType, contents: ZipArchive.Deflated(bytes).map(Contents.deflated) ?? .bytes(bytes),
                     properties: properties, inSpine: inSpine)
    }
}

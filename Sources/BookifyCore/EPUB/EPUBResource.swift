import Foundation

/// A file of the publication, listed in the package document's manifest.
struct EPUBResource: Sendable {
    /// The manifest id.
    var id: String
    /// The path relative to the package document (inside `OEBPS/`).
    var href: String
    var mediaType: String
    var contents: [UInt8]
    /// Where the contents are on disk instead (images), read when the archive is written.
    var file: URL?
    /// Manifest properties (`nav`, `cover-image`, …).
    var properties: [String] = []
    /// Whether the file is a reading-order document, in spine order.
    var inSpine = false
    /// A spine document outside the linear reading order (the contents, which readers open
    /// from their own menu).
    var linear = true

    static let xhtmlType = "application/xhtml+xml"

    static func page(id: String, href: String, xhtml: String, inSpine: Bool = true, properties: [String] = []) -> EPUBResource {
        EPUBResource(id: id, href: href, mediaType: xhtmlType, contents: Array(xhtml.utf8),
                     properties: properties, inSpine: inSpine)
    }
}

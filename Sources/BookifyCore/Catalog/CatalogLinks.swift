import Foundation

/// The addresses a catalog document links to. A reader that gave the server's token in the
/// query (`?token=`: readers that cannot send HTTP Basic credentials) gets it on every link,
/// so that it can follow them; one that sent credentials gets plain links.
public struct CatalogLinks: Sendable, Hashable {
    /// The token to carry in links; nil for none.
    public var token: String?

    public init(token: String? = nil) { self.token = token }

    /// `path` with `query` (and the token) as a percent-encoded query string.
    public func href(_ path: String, query: [(String, String)] = []) -> String {
        let parameters = query + (token.map { [("token", $0)] } ?? [])
        guard !parameters.isEmpty else { return path }
        return path + "?" + parameters.map { "\($0)=\(Self.encoded($1))" }.joined(separator: "&")
    }

    /// A book's address: `/books/ID.epub` or `/books/ID.kepub.epub`; with no format, the
    /// address where the server chooses by the reader.
    public func book(_ book: CatalogBook, _ format: BookFormat?) -> String {
        href(book.path + (format.map(Self.fileExtension) ?? ""))
    }

    /// A book's drawn cover, or its thumbnail.
    public func cover(_ book: CatalogBook, thumbnail: Bool) -> String {
        href(book.path.replacingOccurrences(of: "/books/", with: "/covers/") + (thumbnail ? "-thumbnail" : "") + ".png")
    }

    /// The file name extension of a catalog book of `format`.
    static func fileExtension(_ format: BookFormat) -> String {
        switch format {
        case .kepub: ".kepub.epub"
        case .epub: ".epub"
        case .pdf: ".pdf"
        }
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

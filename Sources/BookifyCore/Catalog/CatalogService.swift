import Crypto
import Foundation

/// A request to the catalog, as the HTTP server hands it over: only what the catalog reads.
public struct CatalogRequest: Sendable {
    public var method: String
    /// The path as received, still percent-encoded: the routes are plain, so an encoded path
    /// (`%2e%2e%2f`) matches none.
    public var path: String
    /// The query's parameters, decoded.
    public var query: [String: String]
    public var headers: [String: String]

    /// `headers` by lower-case name.
    public init(method: String, path: String, query: [String: String], headers: [String: String]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }
}

/// An answer of the catalog: status, headers and body.
public struct CatalogResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    /// What went wrong when the status is 500, for the server's log (never sent to the reader).
    public var failure: BookifyError?

    init(_ status: Int, _ headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer: an error a person reads.
    public static func plain(_ status: Int, _ message: String, _ headers: [(String, String)] = []) -> CatalogResponse {
        CatalogResponse(status, [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Data((message + "\n").utf8))
    }
}

/// The catalog server's behaviour without the server: which document or book a request gets,
/// with its headers (types, entity tags, `Retry-After`), and who may ask (`token`).
public struct CatalogService: Sendable {
    public var library: CatalogLibrary
    public var shelf: BookShelf
    /// The catalog's title.
    public var title: String
    /// How many posts the newest-posts books hold.
    public var newestCount: Int
    /// The token every request must give (HTTP Basic password, Bearer, or `?token=`); nil: none.
    public var token: String?

    public init(library: CatalogLibrary, shelf: BookShelf, title: String, newestCount: Int, token: String?) {
        self.library = library
        self.shelf = shelf
        self.title = title
        self.newestCount = newestCount
        self.token = token
    }

    /// The answer to `request`; never throws: every failure is an HTTP status.
    public func respond(to request: CatalogRequest) async -> CatalogResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .plain(405, "Only GET and HEAD: the catalog is read-only.", [("Allow", "GET, HEAD")])
        }
        let access = CatalogAccess(token: token)
        guard access.admits(request) else {
            return .plain(401, "This catalog needs its token (HTTP Basic password, or ?token=).",
                         [("WWW-Authenticate", "Basic realm=\"bookify\", charset=\"UTF-8\"")])
        }
        guard let route = CatalogRoute(path: request.path, query: request.query) else { return .plain(404, "Not found.") }
        let catalog: Catalog
        do { catalog = try library.catalog() } catch {
            var response = CatalogResponse.plain(500, "The archive cannot be read; the server's log says why.")
            response.failure = error
            return response
        }
        let links = CatalogLinks(token: request.query["token"] != nil ? token : nil)
        let opds = OPDSCatalog(catalog: catalog, links: links, title: title, newestCount: newestCount)
        switch route {
        case .page: return document(CatalogPage(opds: opds).html(), "text/html; charset=utf-8", request)
        case .search(let terms) where request.path == "/":
            return document(CatalogPage(opds: opds).html(searching: terms), "text/html; charset=utf-8", request)
        case .root: return document(opds.root(), OPDSCatalog.MediaType.navigation + ";charset=utf-8", request)
        case .blogs: return document(opds.blogs(), OPDSCatalog.MediaType.acquisition + ";charset=utf-8", request)
        case .newest: return document(opds.newest(), OPDSCatalog.MediaType.acquisition + ";charset=utf-8", request)
        case .search(let terms): return document(opds.search(terms), OPDSCatalog.MediaType.acquisition + ";charset=utf-8", request)
        case .searchDescription: return document(opds.searchDescription(), OPDSCatalog.MediaType.openSearch + "; charset=utf-8", request)
        case .book(let book, let format): return await self.book(book, format ?? Self.format(for: request), catalog, request)
        case .cover(let book, let thumbnail): return await cover(book, thumbnail: thumbnail, catalog, request)
        }
    }

    private func cover(_ book: CatalogBook, thumbnail: Bool, _ catalog: Catalog, _ request: CatalogRequest) async -> CatalogResponse {
        do throws(BookShelf.Refusal) {
            let cover = try await shelf.cover(book, thumbnail: thumbnail, in: catalog)
            if Self.matches(request, cover.etag) { return CatalogResponse(304, [("ETag", cover.etag)]) }
            return CatalogResponse(200, [("Content-Type", "image/png"), ("ETag", cover.etag), ("Cache-Control", "max-age=3600")], body: cover.bytes)
        } catch {
            return refused(error)
        }
    }

    private func book(_ book: CatalogBook, _ format: BookFormat, _ catalog: Catalog, _ request: CatalogRequest) async -> CatalogResponse {
        let etag = shelf.etag(book, format, in: catalog)
        if Self.matches(request, etag) { return CatalogResponse(304, [("ETag", etag)]) }
        do throws(BookShelf.Refusal) {
            let shelved = try await shelf.book(book, format, in: catalog)
            return CatalogResponse(200, [
                ("Content-Type", format == .kepub ? OPDSCatalog.MediaType.kepub : OPDSCatalog.MediaType.epub),
                ("Content-Disposition", "attachment; filename=\"\(shelved.fileName)\""),
                ("ETag", shelved.etag), ("Cache-Control", "no-cache"),
            ], body: shelved.bytes)
        } catch {
            return refused(error)
        }
    }

    private func refused(_ refusal: BookShelf.Refusal) -> CatalogResponse {
        switch refusal {
        case .notFound: return .plain(404, "Not found.")
        case .busy(let seconds): return .plain(503, "Busy building other books; try again shortly.", [("Retry-After", String(seconds))])
        case .stillBuilding(let seconds): return .plain(503, "The book is still being built; try again shortly.", [("Retry-After", String(seconds))])
        case .failed(let failure):
            var response = CatalogResponse.plain(500, "The book could not be built; the server's log says why.")
            response.failure = failure
            return response
        }
    }

    /// A catalog document, tagged by its bytes.
    private func document(_ text: String, _ type: String, _ request: CatalogRequest) -> CatalogResponse {
        let body = Data(text.utf8)
        let etag = "\"" + String(Hex.string(SHA256.hash(data: body)).prefix(24)) + "\""
        if Self.matches(request, etag) { return CatalogResponse(304, [("ETag", etag)]) }
        return CatalogResponse(200, [("Content-Type", type), ("ETag", etag), ("Cache-Control", "no-cache")], body: body)
    }

    private static func matches(_ request: CatalogRequest, _ etag: String) -> Bool {
        guard let tags = request.headers["if-none-match"] else { return false }
        return tags == "*" || tags.split(separator: ",").contains { $0.trimmed.replacingOccurrences(of: "W/", with: "") == etag }
    }

    /// The format a reader gets when it names none: Kobo's readers (their browser says "Kobo")
    /// get a KEPUB, others an EPUB.
    static func format(for request: CatalogRequest) -> BookFormat {
        (request.headers["user-agent"] ?? "").range(of: "kobo", options: .caseInsensitive) != nil ? .kepub : .epub
    }
}

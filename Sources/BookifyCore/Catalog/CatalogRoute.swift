import Foundation

/// What a request to the catalog server asks for, told from its path and query alone. The
/// paths are a fixed set: none names a file, so that no address, however encoded, reaches the
/// file system.
public enum CatalogRoute: Sendable, Hashable {
    /// `/`: the page for a browser.
    case page
    /// `/opds`: the catalog's root, a navigation feed.
    case root
    /// `/opds/blogs`: every blog's full book.
    case blogs
    /// `/opds/new`: the newest posts of all blogs as one book.
    case newest
    /// `/opds/search?q=TERMS` (and `/?q=` for a browser): the blogs whose title has the terms.
    case search(String)
    /// `/opds/search.xml`: the OpenSearch description.
    case searchDescription
    /// `/books/ID.epub`, `/books/ID.kepub.epub`, `/books/ID` (format by `?format=`, else by the reader).
    case book(CatalogBook, BookFormat?)
    /// `/covers/ID.png` and `/covers/ID-thumbnail.png`: a book's drawn cover.
    case cover(CatalogBook, thumbnail: Bool)

    /// The route of `path` with its `query` parameters (already percent-decoded); nil for any
    /// other path.
    public init?(path: String, query: [String: String]) {
        let terms = query["q"]?.trimmed
        switch path {
        case "/": self = terms.map { .search($0) } ?? .page
        case "/opds", "/opds/": self = .root
        case "/opds/blogs": self = .blogs
        case "/opds/new": self = .newest
        case "/opds/search": self = .search(terms ?? "")
        case "/opds/search.xml": self = .searchDescription
        default:
            if path.hasPrefix("/covers/"), path.hasSuffix(".png") {
                var stem = path.dropFirst("/covers/".count).dropLast(".png".count)
                let thumbnail = stem.hasSuffix("-thumbnail")
                if thumbnail { stem = stem.dropLast("-thumbnail".count) }
                guard let (book, format) = Self.book(String(stem)), format == nil else { return nil }
                self = .cover(book, thumbnail: thumbnail)
                return
            }
            guard path.hasPrefix("/books/"), let (book, named) = Self.book(String(path.dropFirst("/books/".count))) else { return nil }
            guard let asked = query["format"] else { self = .book(book, named); return }
            guard let format = Self.format(asked) else { return nil }
            self = .book(book, format)
        }
    }

    /// A book's name in an address (`ID`, `ID.epub`, `ID.kepub.epub`, `new.epub`) and the
    /// format its extension names, if any.
    private static func book(_ name: String) -> (CatalogBook, BookFormat?)? {
        var stem = Substring(name)
        var format: BookFormat?
        for (suffix, named) in [(".kepub.epub", BookFormat.kepub), (".epub", .epub)] where stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            format = named
            break
        }
        if stem == "new" { return (.newest(0), format) }
        if stem.hasPrefix("new-"), let number = Int(stem.dropFirst(4)), number >= 2, String(number) == stem.dropFirst(4) {
            return (.newest(number - 1), format)
        }
        guard stem.count == 12, stem.allSatisfy(\.isHexDigit), stem == stem.lowercased() else { return nil }
        return (.blog(String(stem)), format)
    }

    /// `?format=`: epub or kepub; nil for anything else (a 404, not a guess).
    private static func format(_ name: String) -> BookFormat? {
        BookFormat(rawValue: name.lowercased()).flatMap { $0 == .pdf ? nil : $0 }
    }
}

/// A book the catalog offers.
public enum CatalogBook: Sendable, Hashable {
    /// Every post a blog's archive holds, by its catalog id.
    case blog(String)
    /// The newest posts of every blog of one archive (by its index), a chapter per blog.
    case newest(Int)

    /// Its address without extension: `/books/ID`, `/books/new` (the first archive's newest
    /// posts), `/books/new-2`.
    public var path: String {
        switch self {
        case .blog(let id): "/books/\(id)"
        case .newest(let archive): archive == 0 ? "/books/new" : "/books/new-\(archive + 1)"
        }
    }
}

import Foundation

/// Where an image was found (shown with `--verbose`).
public enum ImageOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A `data:` URL in the post itself.
    case inline
    /// A local file (`--assets`, a Markdown site's folders).
    case file(String)
    /// The cache, offline or because the server said it had not changed.
    case cache(URL)
    case download(URL)
    /// The archive (`--archive FILE`), by the SHA-256 of its bytes.
    case archive(String)

    /// Where the image came from, for `--verbose`.
    public var description: String {
        switch self {
        case .inline: return "from a data: URL"
        case .file(let path): return "from \(path)"
        case .cache(let url): return "from the cache (\(url.absoluteString))"
        case .download(let url): return "downloaded from \(url.absoluteString)"
        case .archive(let hash): return "from the archive (\(hash.prefix(12)))"
        }
    }
}

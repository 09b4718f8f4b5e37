/// Why an image could not be put in the book. Each becomes one warning (an error with
/// `--strict`), and the post shows a placeholder instead.
public enum AssetFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reference leads nowhere bookify may read: `file:`, `javascript:`, …
    case unsupportedScheme(String)
    /// A relative reference in a post without a URL, and no file for it under the asset folders.
    case unresolvable
    /// The path would leave the asset folder (`..`, a symbolic link pointing out).
    case outsideRoot(String)
    /// `--offline`, and the image is neither on disk nor in the cache.
    case offline
    /// The download failed: an HTTP status, a timeout, too large, a bad redirect.
    case download(String)
    /// The file was read, but its bytes are no PNG, JPEG, GIF, WebP or well-formed SVG.
    case notAnImage(String)
    /// A local file larger than the size cap.
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme): return "\(scheme): references are never read"
        case .unresolvable: return "a relative path in a post without a URL; give --assets DIR or --base-url URL"
        case .outsideRoot(let path): return "\(path) is outside the asset folder"
        case .offline: return "not on disk and not in the cache, and --offline forbids downloading it"
        case .download(let reason): return reason
        case .notAnImage(let detail): return "not an image (\(detail))"
        case .tooLarge(let megabytes): return "larger than \(megabytes) MB"
        }
    }
}

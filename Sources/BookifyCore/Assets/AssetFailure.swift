/// Why an image could not be put in the book. Each becomes one warning (an error with
/// `--strict`), and the post shows a placeholder instead.
public enum AssetFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reference leads nowhere bookify may read: `file:`, `javascript:`, …
    case unsupportedScheme(String)
    /// A relative reference in a post without a URL, and no file for it under the asset folders.
    case unresolvable
    /// Not in the local folders searched, and nowhere to download it from.
    case notFound(folders: [String])
    /// The path would leave the asset folder (`..`, a symbolic link pointing out).
    case outsideRoot(String)
    /// `--offline`, and the image is neither on disk (in the folders searched) nor in the cache.
    case offline(searched: [String])
    /// The download failed: an HTTP status, a timeout, too large, a bad redirect.
    case download(String)
    /// The image's host cannot be resolved or reached, or did not answer: one try per host and
    /// build, whose reason every image from the host shares.
    case hostUnreachable(host: String, reason: String)
    /// The file was read, but its bytes are no PNG, JPEG, GIF, WebP or well-formed SVG.
    case notAnImage(String)
    /// A local file larger than the size cap.
    case tooLarge(Int)
    /// A book built from an archive, and the archive holds no image for the reference (every
    /// import that met it failed to load it).
    case notArchived(String?)
    /// The image could not be kept on disk while the book is built (disk full, no `TMPDIR`).
    case cannotKeep(String)

    /// The reason, as a warning names it.
    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme): return "\(scheme): references are never read"
        case .unresolvable: return "a relative path in a post without a URL; give --assets DIR or --base-url URL"
        case .notFound(let folders): return "not found in \(folders.joined(separator: ", "))"
        case .outsideRoot(let path): return "\(path) is outside the asset folder"
        case .offline(let folders):
            let searched = folders.isEmpty ? "" : " (looked in \(folders.joined(separator: ", ")))"
            return "not on disk\(searched) and not in the cache, and --offline forbids downloading it"
        case .download(let reason), .hostUnreachable(_, let reason): return reason
        case .notAnImage(let detail): return "not an image (\(detail))"
        case .tooLarge(let megabytes): return "larger than \(megabytes) MB"
        case .cannotKeep(let reason): return reason
        case .notArchived(let reason): return "not in the archive" + (reason.map { " (when imported: \($0))" } ?? "")
        }
    }
}

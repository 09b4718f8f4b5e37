import Foundation

/// The folders of a Markdown site that hold a post's images.
public struct LocalSite: Sendable, Hashable, Codable {
    /// The folder of the post's file: page bundles keep their images beside it.
    public var postFolder: URL
    /// Folders the site serves at its root (Hugo's `static/`, the site folder itself).
    public var roots: [URL]

    /// A post at `postFolder` of a site whose static files live under `roots`.
    public init(postFolder: URL, roots: [URL]) {
        self.postFolder = postFolder
        self.roots = roots
    }
}

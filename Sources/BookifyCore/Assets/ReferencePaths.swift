import Foundation

/// Where a post stands on its site, for resolving the images it references.
struct PostLocation: Sendable, Hashable {
    /// What relative references resolve against (the post's URL or its content base).
    var url: URL?
    /// The site's home page; the post's own origin when the input names none.
    var siteURL: URL?
    /// The Markdown site the post was read from, if any.
    var localSite: LocalSite?

    init(url: URL? = nil, siteURL: URL? = nil, localSite: LocalSite? = nil) {
        self.url = url
        self.siteURL = siteURL
        self.localSite = localSite
    }

    init(post: Post) {
        url = post.contentBase ?? post.url
        siteURL = post.siteURL ?? url.flatMap { URL(string: "/", relativeTo: $0)?.absoluteURL }
        localSite = post.localSite
    }
}

/// An image reference as paths inside the site, to look for it in local folders and to move
/// it to `--base-url`. All paths are percent-decoded and have no leading slash.
struct ReferencePaths: Sendable, Hashable {
    /// The reference as a URL, when it is absolute.
    var url: URL?
    /// Whether the reference points into the post's own site (or is relative without a URL).
    var isOnSite = false
    /// The path from the site's root.
    var sitePath: String?
    /// The path from the folder of the post.
    var postRelative: String?
    /// The path from a folder named after the post (a page bundle whose URL has no final slash).
    var bundlePath: String?

    init(source: String, location: PostLocation) {
        guard let url = URL(string: source), url.scheme != nil else {
            // Relative, and the post had no URL to resolve it against. A query or fragment
            // names no file.
            let bare = String(source.prefix { $0 != "?" && $0 != "#" })
            let path = bare.removingPercentEncoding ?? bare
            isOnSite = true
            sitePath = path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path
            postRelative = path.hasPrefix("/") ? nil : path
            return
        }
        self.url = url
        guard let site = location.siteURL, Self.sameSite(url, site) else { return }
        isOnSite = true
        let path = Self.path(of: url)
        let siteRoot = Self.folderPath(Self.path(of: site))
        sitePath = path.hasPrefix(siteRoot) ? String(path.dropFirst(siteRoot.count)) : String(path.dropFirst())
        guard let postURL = location.url, Self.sameSite(postURL, site) else { return }
        let postPath = Self.path(of: postURL)
        let postFolder = postPath.hasSuffix("/") ? postPath : String(postPath[...postPath.lastIndex(of: "/")!])
        guard path.hasPrefix(postFolder) else { return }
        postRelative = String(path.dropFirst(postFolder.count))
        if !postPath.hasSuffix("/"), let relative = postRelative {
            let postInSite = postPath.hasPrefix(siteRoot) ? String(postPath.dropFirst(siteRoot.count)) : String(postPath.dropFirst())
            bundlePath = postInSite + "/" + relative
        }
    }

    /// Same host (ignoring case and a leading `www.`) and port: a site moved from http to https
    /// keeps its old links.
    static func sameSite(_ url: URL, _ site: URL) -> Bool {
        let host = { (url: URL) in url.host?.lowercased().withoutPrefix("www.") }
        return host(url) != nil && host(url) == host(site) && url.port == site.port
    }

    /// The URL's path, percent-decoded, keeping its final slash (which `URL.path` drops).
    private static func path(of url: URL) -> String {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: true)?.path ?? url.path
        return path.isEmpty ? "/" : path
    }

    private static func folderPath(_ path: String) -> String {
        path.isEmpty ? "/" : path.hasSuffix("/") ? path : path + "/"
    }

    /// The reference moved from its site onto `baseURL`.
    func rebased(onto baseURL: URL) -> URL? {
        guard isOnSite, let sitePath else { return nil }
        let encoded = sitePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sitePath
        var target = Self.folderPath(baseURL.absoluteString.components(separatedBy: "?")[0]) + encoded
        if let query = url?.query { target += "?" + query }
        return URL(string: target)
    }
}

private extension String {
    func withoutPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

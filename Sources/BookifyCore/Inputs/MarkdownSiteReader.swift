import Foundation

/// Reads a folder of Markdown posts with front matter: a Hugo site (`content/`), a Jekyll site
/// (`_posts/`), or any folder of `.md` files; or a single `.md` file.
struct MarkdownSiteReader {
    /// Include drafts (`draft: true`, Jekyll `_drafts/`).
    var includeDrafts = false

    private static let extensions: Set<String> = ["md", "markdown", "mdown", "mkd"]

    func read(_ path: URL, source: String) throws(BookifyError) -> Blog {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
        let root = isDirectory.boolValue ? path : path.deletingLastPathComponent()
        let site = try SiteConfig.load(in: root)
        let layout = SiteLayout(root: root)
        let files = isDirectory.boolValue ? layout.postFiles(includeDrafts: includeDrafts, language: site.language ?? "en")
                                          : [path]
        if files.isEmpty {
            throw .invalidInput(path: source, location: nil,
                                reason: "no Markdown posts here (looked for .md files in content/, _posts/ or the folder itself)")
        }
        let postURLs = Dictionary(files.map { ($0.deletingPathExtension().lastPathComponent,
                                               layout.url(for: $0, fields: [:], base: site.baseURL)?.absoluteString ?? "") },
                                  uniquingKeysWith: { first, _ in first })
        let shortcodes = ShortcodeRenderer(dialect: layout.kind == .jekyll ? .jekyll : .hugo, baseURL: site.baseURL,
                                           siteValues: ["title": site.title ?? "", "url": site.baseURL?.absoluteString ?? "",
                                                        "baseurl": site.baseURL?.path ?? ""],
                                           postURLs: postURLs)
        var posts: [Post] = []
        for file in files {
            if let post = try post(from: file, layout: layout, site: site, shortcodes: shortcodes) { posts.append(post) }
        }
        return Blog(title: site.title ?? root.lastPathComponent, homePageURL: site.baseURL, description: site.description,
                    language: site.language, authors: site.author.map { [Author(name: $0)] } ?? [],
                    posts: posts, source: source)
    }

    private func post(from file: URL, layout: SiteLayout, site: SiteConfig, shortcodes: ShortcodeRenderer) throws(BookifyError) -> Post? {
        let data: [UInt8]
        do {
            data = try BoundedRead.file(file.path, limit: BoundedRead.maximumPostBytes)
        } catch {
            throw .inputNotReadable(path: file.path, reason: error.reason)
        }
        let matter = try FrontMatter.split(String(decoding: data, as: UTF8.self), path: file.path)
        let fields = Dictionary(matter.fields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        if !includeDrafts, fields["draft"] == .bool(true) || fields["draft"]?.stringValue == "true" { return nil }
        if fields["headless"] == .bool(true) { return nil }
        if let kind = fields["layout"]?.stringValue?.lowercased(), ["archives", "search", "redirect"].contains(kind) { return nil }
        let stem = file.deletingPathExtension().lastPathComponent
        let fileDate = FeedDate.parseISO8601(String(stem.prefix(10)))
        let date = fields["date"]?.stringValue.flatMap { FeedDate.parseISO8601($0) ?? FeedDate.parseRFC822($0) } ?? fileDate
        let modified = (fields["lastmod"] ?? fields["last_modified_at"] ?? fields["updated"])?.stringValue.flatMap(FeedDate.parseISO8601)
        let url = layout.url(for: file, fields: fields, base: site.baseURL)
        let body = shortcodes.render(matter.body)
        var tags: [String] = []
        for value in [fields["tags"], fields["categories"], fields["category"]].compactMap({ $0 }) {
            for tag in (value.stringValue.map { [$0] } ?? value.arrayValue.compactMap(\.stringValue))
            where !tags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) {
                tags.append(tag)
            }
        }
        let seriesName = fields["series"].flatMap { $0.stringValue ?? $0.arrayValue.first?.stringValue }
        let order = ["series_order", "series_weight", "weight", "part"].lazy.compactMap { fields[$0]?.numberValue }.first
        let authors = fields["author"].map { value -> [Author] in
            if let name = value.stringValue { return [Author(name: name)] }
            if let name = value["name"]?.stringValue { return [Author(name: name)] }
            return value.arrayValue.compactMap(\.stringValue).map { Author(name: $0) }
        } ?? []
        var post = Post(
            id: url?.absoluteString ?? layout.relativePath(of: file),
            url: url,
            title: fields["title"]?.stringValue ?? PostTitle.derived(summary: nil, content: body, format: .markdown),
            content: body, contentFormat: .markdown,
            summary: (fields["summary"] ?? fields["description"] ?? fields["excerpt"])?.stringValue,
            published: date, modified: modified, authors: authors, tags: tags,
            language: fields["lang"]?.stringValue.flatMap(LanguageTag.normalized),
            series: seriesName.map { SeriesMembership(name: $0, order: order) })
        post.localSite = LocalSite(postFolder: file.deletingLastPathComponent(), roots: layout.assetRoots)
        post.image = Self.leadImage(fields, postURL: url)
        if let base = site.baseURL {
            post.aliases = (fields["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
                .compactMap { URL(string: $0, relativeTo: base)?.absoluteURL }
        }
        return post
    }
}

/// Where a static site keeps its posts and how it publishes them.
struct SiteLayout {
    enum Kind { case hugo, jekyll, folder }

    let root: URL
    let kind: Kind
    /// The folders served at the site's root: Hugo copies `static/` there, Jekyll the site
    /// folder itself; a plain folder is its own root.
    let assetRoots: [URL]
    private let postsRoot: URL

    init(root: URL) {
        self.root = root
        let exists = { (name: String) in FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) }
        if exists("_posts") {
            kind = .jekyll
            postsRoot = root.appendingPathComponent("_posts")
        } else if exists("content") {
            kind = .hugo
            postsRoot = root.appendingPathComponent("content")
        } else {
            kind = .folder
            postsRoot = root
        }
        let hugoStatic = root.appendingPathComponent("static")
        assetRoots = kind == .hugo && exists("static") ? [hugoStatic, root] : [root]
    }

    /// The Markdown files that are posts, sorted by path. Hugo: pages in sections (not the
    /// top-level pages, `_index` lists or other languages' translations); Jekyll: `_posts`
    /// (and `_drafts` when asked); a plain folder: every Markdown file but README and LICENSE.
    func postFiles(includeDrafts: Bool, language: String) -> [URL] {
        var roots = [postsRoot]
        if kind == .jekyll, includeDrafts { roots.append(root.appendingPathComponent("_drafts")) }
        let primaryLanguage = language.split(separator: "-").first.map(String.init)?.lowercased() ?? "en"
        // A symbolic link that leads out of the site (to /etc/passwd, to a home folder) is no
        // post of it, as an image there is none of its pictures.
        let siteFolder = root.resolvingSymlinksInPath().path + "/"
        return roots.flatMap { folder -> [URL] in
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
            return enumerator.compactMap { $0 as? URL }.filter { file in
                let name = file.lastPathComponent
                guard MarkdownSiteReader.isMarkdown(file), !name.hasPrefix("_index"), !name.hasPrefix("."),
                      file.resolvingSymlinksInPath().path.hasPrefix(siteFolder) else { return false }
                if ["readme", "license", "changelog"].contains(file.deletingPathExtension().lastPathComponent.lowercased()) { return false }
                if kind == .hugo, file.deletingLastPathComponent().standardizedFileURL == postsRoot.standardizedFileURL { return false }
                let stem = file.deletingPathExtension().lastPathComponent
                if let suffix = stem.split(separator: ".").dropFirst().last, suffix.count == 2, suffix.lowercased() != primaryLanguage {
                    return false  // a translation: name.fr.md
                }
                return true
            }
        }.sorted { $0.path < $1.path }
    }

    func relativePath(of file: URL) -> String {
        String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// The post's published URL: `url` from front matter, else as the generator would make it.
    func url(for file: URL, fields: [String: JSONValue], base: URL?) -> URL? {
        guard let base else { return nil }
        if let explicit = fields["url"]?.stringValue ?? fields["permalink"]?.stringValue {
            return URL(string: explicit, relativeTo: base)?.absoluteURL
        }
        var stem = file.deletingPathExtension().lastPathComponent
        if stem == "index" { stem = file.deletingLastPathComponent().lastPathComponent }  // a page bundle
        let slug = fields["slug"]?.stringValue ?? stem
        switch kind {
        case .jekyll:
            let date = String(stem.prefix(10))
            let title = stem.count > 11 ? String(stem.dropFirst(11)) : stem
            guard FeedDate.parseISO8601(date) != nil else { return base.appendingPathComponent(title + ".html") }
            return base.appendingPathComponent(date.replacingOccurrences(of: "-", with: "/") + "/" + title + ".html")
        case .hugo, .folder:
            let relative = relativePath(of: file.deletingLastPathComponent())
            let section = relative.hasPrefix("content/") ? String(relative.dropFirst("content/".count)) : relative
            let folder = stem == file.deletingLastPathComponent().lastPathComponent && file.lastPathComponent.hasPrefix("index.")
                ? (section as NSString).deletingLastPathComponent : section
            let path = [folder, slug].filter { !$0.isEmpty && $0 != "content" }.joined(separator: "/")
            return URL(string: path + "/", relativeTo: base)?.absoluteURL
        }
    }
}

extension MarkdownSiteReader {
    /// The post's own picture from its front matter (PaperMod `cover.image`, `image`,
    /// `images`, `featured_image`), resolved against the post's URL when it has one; a relative
    /// path otherwise, which the asset stage looks for beside the post.
    static func leadImage(_ fields: [String: JSONValue], postURL: URL?) -> URL? {
        let value = fields["cover"]?["image"]?.stringValue ?? fields["image"]?.stringValue
            ?? fields["images"]?.arrayValue.first?.stringValue ?? fields["featured_image"]?.stringValue
        guard let value, !value.isEmpty else { return nil }
        return URL(string: value, relativeTo: postURL)?.absoluteURL
            ?? value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed).flatMap { URL(string: $0, relativeTo: postURL) }
    }

    static func isMarkdown(_ file: URL) -> Bool { extensions.contains(file.pathExtension.lowercased()) }
}

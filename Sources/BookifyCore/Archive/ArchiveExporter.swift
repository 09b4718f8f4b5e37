import Foundation

/// Writes what an archive holds in formats other tools read (no lock-in): a JSON Feed 1.1, or
/// a Markdown site, each with the archived images at their paths on the site and a
/// `bookify.yml` that builds the same book from them with no network.
public struct ArchiveExporter: Sendable {
    /// What an archive is exported as.
    public enum Format: String, Sendable, CaseIterable {
        case jsonfeed
        case markdown
    }

    /// The format written.
    public var format: Format
    /// How the posts' `content_html` is read when finding their images (as at import).
    public var contentFormat: ContentFormat?

    /// An exporter to `format`; `contentFormat` decides how ambiguous post bodies are read.
    public init(format: Format, contentFormat: ContentFormat? = nil) {
        self.format = format
        self.contentFormat = contentFormat
    }

    /// What an export wrote.
    public struct Summary: Sendable {
        /// The inputs to build from (a feed file or a site folder per blog).
        public var inputs: [String]
        /// How many posts were written.
        public var posts = 0
        /// How many images were written.
        public var images = 0
    }

    /// Exports the blogs `query` selects into `folder`, which must be new or empty (nothing
    /// is ever overwritten). One blog fills the folder; several get a subfolder each.
    public func export(_ archive: Archive, query: ArchiveQuery = ArchiveQuery(), to folder: URL) throws(BookifyError) -> Summary {
        try Self.prepare(folder)
        let selection = try archive.selection(query)
        guard !selection.blogs.isEmpty else { throw .invalidInput(path: archive.path, location: nil, reason: "the archive holds no blog") }
        var summary = Summary(inputs: [])
        let names = selection.blogs.count == 1 ? [""]
            : MarkdownSiteExport.uniqueSlugs(selection.blogs.map { $0.title ?? $0.homePageURL?.host ?? "blog" }, fallback: "blog")
        for (blog, name) in zip(selection.blogs, names) {
            let target = name.isEmpty ? folder : folder.appendingPathComponent(name)
            try write(blog, archive: archive, to: target, summary: &summary)
        }
        return summary
    }

    private func write(_ blog: Blog, archive: Archive, to folder: URL, summary: inout Summary) throws(BookifyError) {
        let assets: URL
        do {
            switch format {
            case .jsonfeed:
                assets = folder.appendingPathComponent("assets")
                try Self.save(Data(try JSONFeedExport.document(for: blog)), to: folder.appendingPathComponent("feed.json"))
                try Self.save(Data("input: feed.json\nassets: assets\noffline: true\n".utf8), to: folder.appendingPathComponent("bookify.yml"))
                summary.inputs.append(folder.appendingPathComponent("feed.json").path)
            case .markdown:
                assets = folder.appendingPathComponent("static")
                try Self.save(Data(try MarkdownSiteExport.config(for: blog).utf8), to: folder.appendingPathComponent("config.yaml"))
                let posts = folder.appendingPathComponent("content/posts")
                for (post, name) in zip(blog.posts, MarkdownSiteExport.fileNames(for: blog.posts)) {
                    try Self.save(Data(try MarkdownSiteExport.file(for: post).utf8), to: posts.appendingPathComponent(name))
                }
                try Self.save(Data("input: .\noffline: true\n".utf8), to: folder.appendingPathComponent("bookify.yml"))
                summary.inputs.append(folder.path)
            }
        } catch let error as BookifyError {
            throw error
        } catch {
            throw .writeFailed(path: folder.path, reason: "\(error)")
        }
        summary.posts += blog.posts.count
        do {
            // There even when no image is: bookify.yml names it.
            try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: assets.path, reason: error.localizedDescription)
        }
        summary.images += try writeImages(of: blog.posts, from: archive, to: assets)
    }

    /// Each archived image a post shows, at its path on the blog's site under `assets`
    /// (where `--assets` and a Hugo site's `static/` look first). Images from other sites
    /// have no such path and are left out; a build fetches them again.
    private func writeImages(of posts: [Post], from archive: Archive, to assets: URL) throws(BookifyError) -> Int {
        var written = Set<String>()
        for request in ImageReferences.requests(in: posts, autoFormat: contentFormat).joined() {
            let paths = ReferencePaths(source: request.source, location: request.location)
            guard paths.isOnSite, let path = paths.sitePath, !path.isEmpty, Self.isSafe(path), !written.contains(path),
                  let image = archive.image(forKey: request.archiveKey) else { continue }
            try Self.save(Data(image.bytes), to: assets.appendingPathComponent(path))
            written.insert(path)
        }
        return written.count
    }

    /// A relative path that stays inside the folder it is joined to.
    private static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." } && !path.contains("\0")
    }

    private static func prepare(_ folder: URL) throws(BookifyError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                throw .outputNotCreatable(path: folder.path, reason: "it exists and is not an empty folder; export writes into a new or empty one")
            }
        }
    }

    private static func save(_ data: Data, to file: URL) throws(BookifyError) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .withoutOverwriting)
        } catch {
            throw .writeFailed(path: file.path, reason: error.localizedDescription)
        }
    }
}

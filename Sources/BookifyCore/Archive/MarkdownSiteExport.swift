import Foundation
import Yams

/// A blog as a Hugo-style Markdown site: `config.yaml` with the blog's metadata and one
/// `content/posts/NAME.md` per post, its fields in YAML front matter. bookify (and Hugo) read
/// it back; a post written in HTML keeps its HTML, which Markdown passes through.
enum MarkdownSiteExport {
    /// The site's settings file.
    static func config(for blog: Blog) throws -> String {
        var fields: [String: Any] = ["title": blog.title ?? "Untitled blog"]
        if let home = blog.homePageURL { fields["baseURL"] = home.absoluteString }
        if let language = blog.language { fields["languageCode"] = language }
        if let description = blog.description { fields["description"] = description }
        if let author = blog.authors.first { fields["author"] = ["name": author.name] }
        return try Yams.dump(object: fields, allowUnicode: true, sortKeys: true)
    }

    /// A post's file: front matter, then the body as the post holds it.
    static func file(for post: Post) throws -> String {
        var fields: [String: Any] = ["title": post.title]
        if let url = post.url { fields["url"] = url.absoluteString }
        if let date = post.published { fields["date"] = timestamp(date) }
        if let modified = post.modified { fields["lastmod"] = timestamp(modified) }
        if let summary = post.summary { fields["summary"] = summary }
        if !post.tags.isEmpty { fields["tags"] = post.tags }
        if let series = post.series {
            fields["series"] = series.name
            if let order = series.order { fields["series_order"] = order }
        }
        if !post.authors.isEmpty { fields["author"] = post.authors.map(\.name) }
        if let language = post.language { fields["lang"] = language }
        if let image = post.bannerImage ?? post.image { fields["image"] = image.absoluteString }
        if !post.aliases.isEmpty { fields["aliases"] = post.aliases.map(\.absoluteString) }
        let matter = try Yams.dump(object: fields, allowUnicode: true, sortKeys: true)
        return "---\n" + matter + "---\n\n" + post.content + (post.content.hasSuffix("\n") ? "" : "\n")
    }

    /// A file name for each post, from its URL's last segment or its title, unique in the site.
    static func fileNames(for posts: [Post]) -> [String] {
        uniqueSlugs(posts.map { post in post.url?.pathComponents.last(where: { $0 != "/" }) ?? post.title }, fallback: "post")
            .map { $0 + ".md" }
    }

    /// A slug of each text, unique (ignoring case) among them: `name`, `name-2`, …
    static func uniqueSlugs(_ texts: [String], fallback: String) -> [String] {
        var names = UniqueNames(ignoringCase: true)
        return texts.map { names.claim(Slug.make($0, fallback: fallback)) }
    }

    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

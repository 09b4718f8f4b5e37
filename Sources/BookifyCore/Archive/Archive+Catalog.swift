import Foundation
import GRDB

/// One blog of an archive as a catalog lists it (`bookify serve`): its latest metadata and how
/// much the archive holds of it.
public struct ArchivedBlogSummary: Sendable, Hashable {
    /// The blog's archive key (feed URL, home page or path): what a build asks the archive for.
    public var key: String
    /// The blog's title as its latest fetch gave it; nil when the feed has none.
    public var title: String?
    /// The blog's description.
    public var description: String?
    /// The blog's home page.
    public var homePageURL: URL?
    /// The blog's language as a BCP 47 tag.
    public var language: String?
    /// The blog's authors' names.
    public var authors: [String]
    /// How many posts the archive holds.
    public var postCount: Int
    /// When the blog was last imported.
    public var lastFetch: Date
}

extension Archive {
    /// Every blog the archive holds at least one post of, in the order of their first fetch.
    public func blogSummaries() throws(BookifyError) -> [ArchivedBlogSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.key, f.blog, f.fetched_at, (SELECT count(*) FROM post WHERE source_id = s.id) AS posts
                FROM source s JOIN fetch f ON f.id = (SELECT id FROM fetch WHERE source_id = s.id ORDER BY fetched_at DESC, id DESC LIMIT 1)
                ORDER BY s.id
                """)
            return try rows.compactMap { row in
                let posts: Int = row["posts"]
                guard posts > 0 else { return nil }
                let blog = try ArchiveJSON.decode(ArchivedBlog.self, from: row["blog"])
                return ArchivedBlogSummary(key: row["key"], title: blog.title, description: blog.description,
                                           homePageURL: blog.homePageURL, language: blog.language,
                                           authors: blog.authors.map(\.name), postCount: posts,
                                           lastFetch: Date(timeIntervalSince1970: row["fetched_at"]))
            }
        }
    }

    /// A number that grows with every import: equal numbers mean equal contents, so that books
    /// built from the archive can be cached (and tagged) by it.
    public func revision() throws(BookifyError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM fetch") ?? 0 }
    }
}

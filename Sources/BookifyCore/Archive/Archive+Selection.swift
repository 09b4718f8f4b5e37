import Foundation
import GRDB

/// Which of an archive's posts a book is built from.
public struct ArchiveQuery: Sendable, Hashable {
    /// The blogs by their archive keys; nil: every blog in the archive.
    public var sources: [String]?
    /// The blogs as they were at this moment: posts first seen by then, each in the version
    /// seen last by then.
    public var asOf: Date?
    /// Only posts first seen since the last book built from the archive (or the last digest).
    public var newOnly = false
    /// What `newOnly` counts from.
    public var newSince = NewSince.lastBuild
    /// Whether a book built by this query is recorded for the next `--new-only` (when
    /// `newSince` is `.lastBuild`). A served book is not: serving never writes to the archive.
    public var recordsBuild = true

    /// The book whose posts `newOnly` leaves out.
    public enum NewSince: Sendable, Hashable {
        /// The last book built from the archive (`--new-only`); the build is recorded.
        case lastBuild
        /// The last digest sent (`bookify digest`), which the digest records once it is sent.
        case lastDigest
    }

    /// A query for the posts of `sources` (all when `nil`) as they stood at `asOf` (now when `nil`),
    /// only those new in the last import when `newOnly`.
    public init(sources: [String]? = nil, asOf: Date? = nil, newOnly: Bool = false) {
        self.sources = sources
        self.asOf = asOf
        self.newOnly = newOnly
    }
}

/// Where an archived book's posts came from, for its colophon.
public struct ArchiveProvenance: Sendable, Hashable {
    /// Each blog's address (home page, else feed, else the path it was read from).
    public var sources: [String]
    /// When the oldest import the book draws on ran.
    public var firstFetch: Date
    /// When the newest import the book draws on ran.
    public var lastFetch: Date
}

/// The blogs an archive query gives, with what a build needs from the archive besides.
public struct ArchiveSelection: Sendable {
    /// The blogs, with the chosen version of each chosen post.
    public var blogs: [Blog]
    /// Where and when the posts were fetched, for the colophon.
    public var provenance: ArchiveProvenance?
    /// The newest fetch the selection saw: a build records it for the next `--new-only`.
    var lastFetchID: Int64
    /// When `newOnly` was asked: the time of the book it followed (nil: no book yet).
    public var previousBuild: Date?
}

extension Archive {
    /// The blogs `query` asks for, rebuilt from the archive alone.
    public func selection(_ query: ArchiveQuery) throws(BookifyError) -> ArchiveSelection {
        let cutoff = query.asOf?.timeIntervalSince1970 ?? .infinity
        return try read { db in
            let table = query.newSince == .lastBuild ? "SELECT built_at, last_fetch_id FROM build" : "SELECT made_at AS built_at, last_fetch_id FROM digest"
            let previous = query.newOnly ? try Row.fetchOne(db, sql: table + " ORDER BY id DESC LIMIT 1") : nil
            let newAfter: Int64 = previous?["last_fetch_id"] ?? 0
            var blogs: [Blog] = []
            var addresses: [String] = []
            for source in try Self.sources(query.sources, in: db) {
                guard let latest = try Row.fetchOne(db, sql: """
                    SELECT input, blog FROM fetch WHERE source_id = ? AND fetched_at <= ? ORDER BY fetched_at DESC, id DESC LIMIT 1
                    """, arguments: [source.id, cutoff]) else { continue }
                let metadata = try ArchiveJSON.decode(ArchivedBlog.self, from: latest["blog"])
                let posts = try Self.posts(ofSource: source.id, cutoff: cutoff, firstSeenAfter: newAfter, in: db)
                blogs.append(metadata.blog(posts: posts, source: latest["input"]))
                addresses.append(metadata.homePageURL?.absoluteString ?? metadata.feedURL?.absoluteString ?? source.key)
            }
            let ids = try Self.sources(query.sources, in: db).map(\.id)
            let span = try Row.fetchOne(db, sql: """
                SELECT min(fetched_at) AS first, max(fetched_at) AS last, max(id) AS last_id FROM fetch
                WHERE fetched_at <= ? AND source_id IN (\(ids.map(String.init).joined(separator: ",")))
                """, arguments: [cutoff])
            let provenance = (span?["first"] as Double?).map { first in
                ArchiveProvenance(sources: addresses, firstFetch: Date(timeIntervalSince1970: first),
                                  lastFetch: Date(timeIntervalSince1970: span!["last"]))
            }
            return ArchiveSelection(blogs: blogs, provenance: provenance, lastFetchID: span?["last_id"] ?? 0,
                                    previousBuild: (previous?["built_at"] as Double?).map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// The archive's blogs with those `keys` (all when nil), in the order of their first fetch.
    private static func sources(_ keys: [String]?, in db: Database) throws -> [(id: Int64, key: String)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, key FROM source ORDER BY id")
        let all = rows.map { (id: $0["id"] as Int64, key: $0["key"] as String) }
        guard let keys else { return all }
        return keys.reduce(into: []) { found, key in
            if let source = all.first(where: { $0.key == key }), !found.contains(where: { $0.id == source.id }) { found.append(source) }
        }
    }

    /// A blog's posts, each in the version its latest fetch up to `cutoff` held, ordered as
    /// the newest feed lists them, then the posts it no longer lists, as their last fetch did.
    private static func posts(ofSource sourceID: Int64, cutoff: Double, firstSeenAfter: Int64, in db: Database) throws -> [Post] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT v.post_id, v.content, v.content_size FROM sighting s
            JOIN fetch f ON f.id = s.fetch_id JOIN post_version v ON v.id = s.version_id JOIN post p ON p.id = v.post_id
            WHERE f.source_id = ? AND f.fetched_at <= ? AND p.first_fetch_id > ?
            ORDER BY f.fetched_at DESC, f.id DESC, s.position
            """, arguments: [sourceID, cutoff, firstSeenAfter])
        var seen = Set<Int64>()
        var posts: [Post] = []
        while let row = try rows.next() {
            guard seen.insert(row["post_id"]).inserted else { continue }
            posts.append(try ArchiveBlob.post(row["content"], size: row["content_size"]))
        }
        return posts
    }

    /// Records a book built from `selection`, for the next `--new-only`.
    public func recordBuild(of selection: ArchiveSelection, postCount: Int, outputs: [String], at date: Date = Date()) throws(BookifyError) {
        try write { db in
            try db.execute(sql: "INSERT INTO build (built_at, last_fetch_id, post_count, outputs) VALUES (?, ?, ?, ?)",
                           arguments: [date.timeIntervalSince1970, selection.lastFetchID, postCount, outputs.joined(separator: "\n")])
        }
    }

    /// Records a digest made of `selection` and sent, for the next digest.
    public func recordDigest(of selection: ArchiveSelection, postCount: Int, outputs: [String], at date: Date = Date()) throws(BookifyError) {
        try write { db in
            try db.execute(sql: "INSERT INTO digest (made_at, last_fetch_id, post_count, outputs) VALUES (?, ?, ?, ?)",
                           arguments: [date.timeIntervalSince1970, selection.lastFetchID, postCount, outputs.joined(separator: "\n")])
        }
    }

    /// The image an archived reference gave, by its key; nil when the archive has none.
    func image(forKey key: String) -> (bytes: [UInt8], type: ImageType, hash: String)? {
        try? database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT i.hash, i.type, i.bytes FROM image_reference r JOIN image i ON i.hash = r.hash WHERE r.key = ?
                """, arguments: [key]), let type = ImageType(rawValue: row["type"]) else { return nil }
            return ([UInt8](row["bytes"] as Data), type, row["hash"])
        }
    }
}

extension Archive {
    /// Why the last import that tried an image reference could not load it.
    func imageFailure(forKey key: String) -> String? {
        try? database.read { db in
            try String.fetchOne(db, sql: "SELECT failure FROM image_reference WHERE key = ?", arguments: [key])
        }
    }
}

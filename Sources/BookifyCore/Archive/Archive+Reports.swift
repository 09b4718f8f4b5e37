import Crypto
import Foundation
import GRDB

/// One archived post as `archive list` shows it.
public struct ArchivedPostSummary: Sendable, Hashable {
    /// The blog's key (feed URL, home page or path).
    public var source: String
    /// The post's identity: its id in the feed, else its URL.
    public var identity: String
    /// The title of its latest version.
    public var title: String
    /// When an import first met the post.
    public var firstSeen: Date
    /// When an import last met the post.
    public var lastSeen: Date
    /// How many different versions of the post the archive keeps.
    public var versions: Int
    /// Images its latest version shows that the archive could not get.
    public var missingImages: Int
}

/// What `archive stats` reports.
public struct ArchiveStatistics: Sendable, Hashable {
    /// How many feeds or sites the archive follows.
    public var sources: Int
    /// How many imports it recorded.
    public var fetches: Int
    /// How many posts it holds.
    public var posts: Int
    /// How many post versions it holds, all posts together.
    public var versions: Int
    /// How many distinct images it holds.
    public var images: Int
    /// The images' size in bytes.
    public var imageBytes: Int
    /// Images the posts show that no import could load.
    public var missingImages: Int
    /// The stored feeds, compressed, and what they hold uncompressed.
    public var rawFeedBytes: Int
    /// The raw feeds' size before compression.
    public var rawFeedBytesUncompressed: Int
    /// How many books were built from it.
    public var builds: Int
    /// When the first import ran; `nil` for an empty archive.
    public var firstFetch: Date?
    /// When the last import ran; `nil` for an empty archive.
    public var lastFetch: Date?
    /// The archive file with its write-ahead log.
    public var fileBytes: Int
}

extension Archive {
    /// Every post, by blog, newest first seen first.
    public func postSummaries() throws(BookifyError) -> [ArchivedPostSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.key, p.id, p.identity, ff.fetched_at AS first_seen, lf.fetched_at AS last_seen,
                       (SELECT count(*) FROM post_version WHERE post_id = p.id) AS versions,
                       (SELECT content FROM post_version WHERE post_id = p.id ORDER BY first_fetch_id DESC, id DESC LIMIT 1) AS content,
                       (SELECT content_size FROM post_version WHERE post_id = p.id ORDER BY first_fetch_id DESC, id DESC LIMIT 1) AS content_size,
                       (SELECT count(*) FROM image_use u JOIN image_reference r ON r.key = u.reference_key
                         WHERE u.version_id = (SELECT id FROM post_version WHERE post_id = p.id ORDER BY first_fetch_id DESC, id DESC LIMIT 1)
                           AND r.hash IS NULL) AS missing
                FROM post p JOIN source s ON s.id = p.source_id
                JOIN fetch ff ON ff.id = p.first_fetch_id JOIN fetch lf ON lf.id = p.last_fetch_id
                ORDER BY s.id, p.first_fetch_id DESC, p.id
                """)
            return try rows.map { row in
                let post = try ArchiveBlob.post(row["content"], size: row["content_size"])
                return ArchivedPostSummary(source: row["key"], identity: row["identity"], title: post.title,
                                           firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                                           lastSeen: Date(timeIntervalSince1970: row["last_seen"]),
                                           versions: row["versions"], missingImages: row["missing"])
            }
        }
    }

    /// Counts and sizes of everything the archive holds.
    public func statistics() throws(BookifyError) -> ArchiveStatistics {
        let fileBytes = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        return try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let span = try Row.fetchOne(db, sql: "SELECT min(fetched_at) AS first, max(fetched_at) AS last FROM fetch")
            return ArchiveStatistics(
                sources: try count("SELECT count(*) FROM source"), fetches: try count("SELECT count(*) FROM fetch"),
                posts: try count("SELECT count(*) FROM post"), versions: try count("SELECT count(*) FROM post_version"),
                images: try count("SELECT count(*) FROM image"), imageBytes: try count("SELECT coalesce(sum(length(bytes)), 0) FROM image"),
                missingImages: try count("SELECT count(*) FROM image_reference WHERE hash IS NULL"),
                rawFeedBytes: try count("SELECT coalesce(sum(length(bytes)), 0) FROM feed_body"),
                rawFeedBytesUncompressed: try count("SELECT coalesce(sum(size), 0) FROM feed_body"),
                builds: try count("SELECT count(*) FROM build"),
                firstFetch: (span?["first"] as Double?).map(Date.init(timeIntervalSince1970:)),
                lastFetch: (span?["last"] as Double?).map(Date.init(timeIntervalSince1970:)),
                fileBytes: fileBytes)
        }
    }

    /// Everything wrong with the archive, one line each; empty when it is sound. SQLite's own
    /// checks (pages, indexes, references), then bookify's: every version decodes to a post,
    /// every stored feed inflates to its size, every image has the hash of its bytes.
    public func problems() throws(BookifyError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("table \(row[0] as String) row \(row[1] as Int64? ?? -1) refers to a missing row of \(row[2] as String)")
            }
            guard problems.isEmpty else { return problems }
            problems += try Self.contentProblems(in: db)
            return problems
        }
    }

    private static func contentProblems(in db: Database) throws -> [String] {
        var problems: [String] = []
        let posts = try Row.fetchCursor(db, sql: """
            SELECT v.id, v.hash, v.content, v.content_size, p.identity FROM post_version v JOIN post p ON p.id = v.post_id
            """)
        while let row = try posts.next() {
            let json = ArchiveBlob.inflate(row["content"], size: row["content_size"])
            if json.map({ Hex.string(SHA256.hash(data: $0)) }) != row["hash"] as String
                || (try? ArchiveBlob.post(row["content"], size: row["content_size"])) == nil {
                problems.append("version \(row["id"] as Int64) of post \(row["identity"] as String) is damaged")
            }
        }
        let feeds = try Row.fetchCursor(db, sql: "SELECT hash, bytes, size FROM feed_body")
        while let row = try feeds.next() {
            if ArchiveBlob.inflate(row["bytes"], size: row["size"]).map({ Hex.string(SHA256.hash(data: $0)) }) != row["hash"] as String {
                problems.append("the stored feed \(row["hash"] as String) is damaged")
            }
        }
        let images = try Row.fetchCursor(db, sql: "SELECT hash, bytes FROM image")
        while let row = try images.next() {
            if Hex.string(SHA256.hash(data: row["bytes"] as Data)) != row["hash"] as String {
                problems.append("image \(row["hash"] as String) is damaged")
            }
        }
        let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM post_version WHERE post_id = p.id)") ?? 0
        if orphans > 0 { problems.append("\(orphans) posts have no version") }
        return problems
    }
}

import Foundation
import GRDB

/// The import side of the archive: each import is one write transaction.
extension Archive {
    /// The validators of the last fetch of `input` that the server answered with content, for
    /// a conditional request.
    func validators(forInput input: String) throws(BookifyError) -> HTTPValidators? {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT etag, last_modified FROM fetch WHERE input = ? AND status IN (200, 304) ORDER BY id DESC LIMIT 1
                """, arguments: [input])
            let validators = HTTPValidators(etag: row?["etag"], lastModified: row?["last_modified"])
            return validators.isEmpty ? nil : validators
        }
    }

    /// Which of the image reference `keys` already have their image.
    func referencesWithImages(among keys: [String]) throws(BookifyError) -> Set<String> {
        try read { db in
            var held = Set<String>()
            for key in keys where try Bool.fetchOne(db, sql: "SELECT hash IS NOT NULL FROM image_reference WHERE key = ?", arguments: [key]) == true {
                held.insert(key)
            }
            return held
        }
    }

    /// A 304 answer: the fetch is recorded, holding what the last fetch of the input held.
    func recordUnchanged(_ fetched: FetchedInput, at date: Date) throws(BookifyError) -> ArchiveImport {
        let path = self.path
        return try write { db in
            guard let previous = try Row.fetchOne(db, sql: "SELECT id, source_id, blog FROM fetch WHERE input = ? ORDER BY id DESC LIMIT 1",
                                                  arguments: [fetched.input]) else {
                throw BookifyError.invalidInput(path: fetched.input, location: nil, reason: "the server answered 304 (not modified) to a first fetch")
            }
            let previousID: Int64 = previous["id"]
            let sourceID: Int64 = previous["source_id"]
            try db.execute(sql: """
                INSERT INTO fetch (source_id, input, url, fetched_at, status, etag, last_modified, blog) VALUES (?, ?, ?, ?, 304, ?, ?, ?)
                """, arguments: [sourceID, fetched.input, fetched.url?.absoluteString, date.timeIntervalSince1970,
                                 fetched.validators.etag, fetched.validators.lastModified, previous["blog"] as Data])
            let fetchID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO sighting (fetch_id, version_id, position) SELECT ?, version_id, position FROM sighting WHERE fetch_id = ?",
                           arguments: [fetchID, previousID])
            try db.execute(sql: """
                UPDATE post SET last_fetch_id = ? WHERE id IN (SELECT post_id FROM post_version v JOIN sighting s ON s.version_id = v.id WHERE s.fetch_id = ?)
                """, arguments: [fetchID, fetchID])
            let key = try String.fetchOne(db, sql: "SELECT key FROM source WHERE id = ?", arguments: [sourceID]) ?? path
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM sighting WHERE fetch_id = ?", arguments: [fetchID]) ?? 0
            return ArchiveImport(input: fetched.input, source: key, notModified: true, postCount: count)
        }
    }

    /// A fetch with its blog: its posts (new ones, new versions), the images they show.
    func record(_ fetched: FetchedInput, blog: Blog, posts: [ArchivedPostVersion], images: [ArchivedImageOutcome],
                at date: Date) throws(BookifyError) -> ArchiveImport {
        let key = ArchivedBlog.key(of: blog, input: fetched.input)
        let metadata: Data
        do { metadata = try ArchiveJSON.encode(ArchivedBlog(blog)) } catch {
            throw .invalidInput(path: fetched.input, location: nil, reason: "the blog cannot be archived: \(error)")
        }
        let body = fetched.bytes.map { ArchiveBlob($0) }
        return try write { db in
            try db.execute(sql: "INSERT INTO source (key) VALUES (?) ON CONFLICT (key) DO NOTHING", arguments: [key])
            if let body {
                try db.execute(sql: "INSERT INTO feed_body (hash, bytes, size) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING",
                               arguments: [body.hash, body.deflated, body.size])
            }
            let sourceID = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [key])!
            try db.execute(sql: """
                INSERT INTO fetch (source_id, input, url, fetched_at, status, etag, last_modified, body_hash, blog)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sourceID, fetched.input, fetched.url?.absoluteString, date.timeIntervalSince1970, fetched.status,
                                 fetched.validators.etag, fetched.validators.lastModified, body?.hash, metadata])
            let fetchID = db.lastInsertedRowID
            var summary = ArchiveImport(input: fetched.input, source: key, postCount: posts.count)
            summary.newImages = try Self.recordImages(images, fetchID: fetchID, in: db)
            for (position, version) in posts.enumerated() {
                try Self.recordPost(version, position: position, sourceID: sourceID, fetchID: fetchID, in: db, summary: &summary)
            }
            summary.missingImages = try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT r.key) FROM sighting s JOIN image_use u ON u.version_id = s.version_id
                JOIN image_reference r ON r.key = u.reference_key WHERE s.fetch_id = ? AND r.hash IS NULL
                """, arguments: [fetchID]) ?? 0
            return summary
        }
    }

    private static func recordPost(_ version: ArchivedPostVersion, position: Int, sourceID: Int64, fetchID: Int64,
                                   in db: Database, summary: inout ArchiveImport) throws {
        var postID = try Int64.fetchOne(db, sql: "SELECT id FROM post WHERE source_id = ? AND identity = ?",
                                        arguments: [sourceID, version.post.id])
        if let postID {
            try db.execute(sql: "UPDATE post SET last_fetch_id = ? WHERE id = ?", arguments: [fetchID, postID])
        } else {
            try db.execute(sql: "INSERT INTO post (source_id, identity, first_fetch_id, last_fetch_id) VALUES (?, ?, ?, ?)",
                           arguments: [sourceID, version.post.id, fetchID, fetchID])
            postID = db.lastInsertedRowID
            summary.newPosts += 1
        }
        var versionID = try Int64.fetchOne(db, sql: "SELECT id FROM post_version WHERE post_id = ? AND hash = ?",
                                           arguments: [postID, version.json.hash])
        if versionID == nil {
            try db.execute(sql: "INSERT INTO post_version (post_id, hash, content, content_size, first_fetch_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [postID, version.json.hash, version.json.deflated, version.json.size, fetchID])
            versionID = db.lastInsertedRowID
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM post_version WHERE post_id = ?", arguments: [postID])! > 1 {
                summary.newVersions += 1
            }
        }
        // A feed that lists one post twice holds it once.
        try db.execute(sql: "INSERT INTO sighting (fetch_id, version_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       arguments: [fetchID, versionID, position])
        for request in version.images {
            try db.execute(sql: """
                INSERT INTO image_reference (key, reference, failure, tried_fetch_id) VALUES (?, ?, 'not tried', ?) ON CONFLICT (key) DO NOTHING
                """, arguments: [request.archiveKey, request.source, fetchID])
            try db.execute(sql: "INSERT INTO image_use (version_id, reference_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           arguments: [versionID, request.archiveKey])
        }
    }

    /// Stores each image once by its hash and points its reference at it; returns how many
    /// images were new.
    private static func recordImages(_ outcomes: [ArchivedImageOutcome], fetchID: Int64, in db: Database) throws -> Int {
        var added = 0
        for outcome in outcomes {
            if let image = outcome.image {
                try db.execute(sql: "INSERT INTO image (hash, type, bytes, first_fetch_id) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
                               arguments: [image.hash, image.type.rawValue, image.bytes, fetchID])
                added += db.changesCount
            }
            try db.execute(sql: """
                INSERT INTO image_reference (key, reference, hash, failure, tried_fetch_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET hash = coalesce(excluded.hash, hash), failure = excluded.failure, tried_fetch_id = excluded.tried_fetch_id
                """, arguments: [outcome.request.archiveKey, outcome.request.source, outcome.image?.hash, outcome.failure, fetchID])
        }
        return added
    }
}

extension Archive {
    /// The blog's archive key for `input`, when an import of it was recorded.
    func sourceKey(forInput input: String) throws(BookifyError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT s.key FROM fetch f JOIN source s ON s.id = f.source_id WHERE f.input = ? ORDER BY f.id DESC LIMIT 1
                """, arguments: [input])
        }
    }

    /// The identities of the posts archived for the blog `input` names: each post's id and
    /// its URL's identity (in its newest version), for a web site's reader to read none of
    /// their pages again.
    func knownPosts(forInput input: String) throws(BookifyError) -> Set<String> {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.identity, v.content, v.content_size FROM post p
                JOIN post_version v ON v.id = (SELECT max(id) FROM post_version WHERE post_id = p.id)
                WHERE p.source_id IN (SELECT source_id FROM fetch WHERE input = ?)
                """, arguments: [input])
            var known = Set<String>()
            while let row = try rows.next() {
                known.insert(row["identity"])
                if let url = try ArchiveBlob.post(row["content"], size: row["content_size"]).url { known.insert(url.postIdentity) }
            }
            return known
        }
    }
}

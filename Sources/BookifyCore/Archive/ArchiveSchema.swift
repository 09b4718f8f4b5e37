import GRDB

/// The archive's tables, versioned with GRDB migrations: a later bookify adds migrations and
/// never changes one that shipped. Times are seconds since 1970 (UTC).
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 sources, fetches, posts, versions, images, builds") { db in
            try db.execute(sql: "PRAGMA application_id = \(Archive.applicationID)")
            try db.execute(sql: version1)
        }
        migrator.registerMigration("2 digests") { db in
            try db.execute(sql: version2)
        }
        return migrator
    }

    /// A digest sent (`bookify digest`): the newest fetch it covered, so that the next one holds
    /// only the posts first seen after it. Kept apart from `build`, so that books built by hand
    /// do not move the digests on.
    private static let version2 = """
        CREATE TABLE digest (
            id INTEGER PRIMARY KEY,
            made_at REAL NOT NULL,
            last_fetch_id INTEGER NOT NULL,
            post_count INTEGER NOT NULL,
            outputs TEXT NOT NULL
        );
        """

    private static let version1 = """
        -- A blog, by its feed URL, else its home page, else the input it was read from.
        CREATE TABLE source (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE
        );
        -- A feed's bytes as fetched, raw-deflated, once however many fetches got them.
        CREATE TABLE feed_body (
            hash TEXT PRIMARY KEY,
            bytes BLOB NOT NULL,
            size INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- One read of one input, with the feed's bytes (none for a Markdown folder, and for a
        -- 304 answer, which repeats the fetch before it); `blog` is the blog's own metadata as
        -- JSON.
        CREATE TABLE fetch (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES source(id),
            input TEXT NOT NULL,
            url TEXT,
            fetched_at REAL NOT NULL,
            status INTEGER,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT REFERENCES feed_body(hash),
            blog BLOB NOT NULL
        );
        CREATE INDEX fetch_by_source ON fetch(source_id, fetched_at);
        CREATE INDEX fetch_by_input ON fetch(input, id);
        -- A post by its identity within its blog (the feed's id, else its URL).
        CREATE TABLE post (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES source(id),
            identity TEXT NOT NULL,
            first_fetch_id INTEGER NOT NULL REFERENCES fetch(id),
            last_fetch_id INTEGER NOT NULL REFERENCES fetch(id),
            UNIQUE (source_id, identity)
        );
        -- Each distinct content of a post: the whole post as JSON, raw-deflated, by the SHA-256
        -- of the JSON.
        CREATE TABLE post_version (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES post(id),
            hash TEXT NOT NULL,
            content BLOB NOT NULL,
            content_size INTEGER NOT NULL,
            first_fetch_id INTEGER NOT NULL REFERENCES fetch(id),
            UNIQUE (post_id, hash)
        );
        -- Which version of which post each fetch held, in the feed's order.
        CREATE TABLE sighting (
            fetch_id INTEGER NOT NULL REFERENCES fetch(id),
            version_id INTEGER NOT NULL REFERENCES post_version(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (fetch_id, version_id)
        ) WITHOUT ROWID;
        CREATE INDEX sighting_by_version ON sighting(version_id);
        -- Every image once, by the SHA-256 of its bytes.
        CREATE TABLE image (
            hash TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            bytes BLOB NOT NULL,
            first_fetch_id INTEGER NOT NULL REFERENCES fetch(id)
        ) WITHOUT ROWID;
        -- An image reference as a post makes it (with what it resolves against), and the image
        -- it gave; `hash` NULL and `failure` set while it could not be had.
        CREATE TABLE image_reference (
            key TEXT PRIMARY KEY,
            reference TEXT NOT NULL,
            hash TEXT REFERENCES image(hash),
            failure TEXT,
            tried_fetch_id INTEGER NOT NULL REFERENCES fetch(id)
        ) WITHOUT ROWID;
        CREATE TABLE image_use (
            version_id INTEGER NOT NULL REFERENCES post_version(id),
            reference_key TEXT NOT NULL REFERENCES image_reference(key),
            PRIMARY KEY (version_id, reference_key)
        ) WITHOUT ROWID;
        -- Each book built from the archive: `--new-only` takes what came after the last one.
        CREATE TABLE build (
            id INTEGER PRIMARY KEY,
            built_at REAL NOT NULL,
            last_fetch_id INTEGER NOT NULL,
            post_count INTEGER NOT NULL,
            outputs TEXT NOT NULL
        );
        """
}

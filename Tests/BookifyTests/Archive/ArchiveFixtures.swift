@testable import BookifyCore
import Foundation

/// Feeds for the archive's tests, made from the seed.
enum ArchiveFixtures {
    /// The text the second half adds to the post both halves hold.
    static let editedText = "EDITED: a paragraph the second fetch added."

    /// The seed's items as JSON objects, and the feed around them.
    static func seedFeed() throws -> (feed: [String: Any], items: [[String: Any]]) {
        let data = try Data(contentsOf: TestPaths.seedFeed!)
        let feed = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (feed, feed["items"] as! [[String: Any]])
    }

    /// The seed split in two overlapping halves (items 0–34 and 25–58), the first item of the
    /// second half (also in the first) edited: `half1.json`, `half2.json` in `folder`.
    /// Returns the edited post's title.
    @discardableResult
    static func writeHalves(in folder: URL) throws -> String {
        let (feed, items) = try seedFeed()
        var second = Array(items[25...])
        second[0]["content_html"] = (second[0]["content_html"] as! String) + "\n\n\(editedText)\n"
        try write(feed, items: Array(items[..<35]), to: folder.appendingPathComponent("half1.json"))
        try write(feed, items: second, to: folder.appendingPathComponent("half2.json"))
        return second[0]["title"] as! String
    }

    /// The seed's posts `copies` times over (each copy with its own ids and URLs): a feed
    /// large enough that an import takes a while.
    static func writeLargeFeed(copies: Int, to file: URL) throws {
        let (feed, items) = try seedFeed()
        var all: [[String: Any]] = []
        for copy in 0..<copies {
            for var item in items {
                item["id"] = "\(item["id"] as! String)#copy\(copy)"
                item["url"] = "\(item["url"] as! String)?copy=\(copy)"
                all.append(item)
            }
        }
        try write(feed, items: all, to: file)
    }

    static func write(_ feed: [String: Any], items: [[String: Any]], to file: URL) throws {
        var feed = feed
        feed["items"] = items
        try JSONSerialization.data(withJSONObject: feed).write(to: file)
    }

    /// What the archive at `path` holds, read through the library.
    static func statistics(_ path: URL) throws -> ArchiveStatistics {
        try Archive(path: path.path, create: false).statistics()
    }
}

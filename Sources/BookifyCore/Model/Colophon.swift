import Foundation

/// The page at the back that says what the book is: where it came from, as of when, how many
/// posts, and what made it.
public struct Colophon: Sendable, Hashable {
    /// The book's title.
    public var title: String
    /// Where the posts came from.
    public var source: String?
    /// The date of the newest post (or `SOURCE_DATE_EPOCH`).
    public var modified: Date
    /// How many posts the book holds.
    public var postCount: Int
    /// The tool and its version: `bookify 0.1.0`.
    public var generator: String
    /// The book's identifier.
    public var identifier: String
    /// For a book built from an archive: its blogs and when they were fetched.
    public var archive: ArchiveProvenance?

    /// The colophon of a book described by `metadata`.
    public init(metadata: BookMetadata, postCount: Int) {
        title = metadata.title
        source = metadata.source
        modified = metadata.modified
        self.postCount = postCount
        generator = "bookify \(BookifyVersion.current)"
        identifier = metadata.identifier
    }
}

extension Colophon {
    /// For a book built from an archive, the sentence that says what it was built from: "Kept
    /// in a bookify archive from https://a.example and https://b.example, fetched between
    /// March 5, 2026 and December 1, 2026." Dates in `longDate`'s style.
    public func archiveNote(longDate: (Date) -> String) -> String? {
        guard let archive, !archive.sources.isEmpty else { return nil }
        let sources = archive.sources.count == 1 ? archive.sources[0]
            : archive.sources.dropLast().joined(separator: ", ") + " and " + archive.sources.last!
        let (first, last) = (longDate(archive.firstFetch), longDate(archive.lastFetch))
        return "Kept in a bookify archive from \(sources), fetched " + (first == last ? "on \(first)." : "between \(first) and \(last).")
    }
}

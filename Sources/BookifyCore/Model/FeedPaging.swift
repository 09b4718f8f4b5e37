import Foundation

/// What one feed document says about the rest of the blog's history: where older entries are
/// (RFC 5005 paged and archived feeds, JSON Feed `next_url`), whether it is whole, and which
/// engine wrote it (WordPress and Blogger page their feeds in their own ways).
public struct FeedPaging: Sendable, Hashable {
    /// The next page of a paged feed (RFC 5005 §3 `next`, JSON Feed `next_url`): older entries.
    public var next: URL?
    /// The archive document before this one (RFC 5005 §4 `prev-archive`).
    public var previousArchive: URL?
    /// The document holds the whole feed (RFC 5005 §2 `fh:complete`): there is nothing to page.
    public var isComplete = false
    /// The feed's `generator`, as written (`https://wordpress.org/?v=6.5`, `Blogger`, `Hugo`).
    public var generator: String?
    /// Blogger and other OpenSearch feeds: how many entries the whole feed holds.
    public var totalResults: Int?

    /// A document that says nothing about its history.
    public init(next: URL? = nil, previousArchive: URL? = nil, isComplete: Bool = false, generator: String? = nil,
                totalResults: Int? = nil) {
        self.next = next
        self.previousArchive = previousArchive
        self.isComplete = isComplete
        self.generator = generator
        self.totalResults = totalResults
    }

    /// RFC 5005's namespace (`fh:complete`, `fh:archive`).
    static let historyNamespace = "http://purl.org/syndication/history/1.0"

    /// The engine the generator names, lower-cased (`wordpress`, `blogger`), if a known one.
    var engine: String? {
        let generator = (self.generator ?? "").lowercased()
        return ["wordpress", "blogger", "hugo", "jekyll", "ghost", "substack", "medium"].first { generator.contains($0) }
    }
}

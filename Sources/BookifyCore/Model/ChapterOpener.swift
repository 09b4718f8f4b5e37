import Foundation

/// The page that opens a titled chapter: its title, how many posts it holds and over which
/// years, and, while they are few, the list of them.
public struct ChapterOpener: Sendable, Hashable {
    /// A post as the opener lists it.
    public struct Entry: Sendable, Hashable {
        /// The post's title.
        public var title: String
        /// The post's `PostDocument.documentID`, to link to it.
        public var documentID: String
    }

    /// The chapter's title.
    public var title: String
    /// The chapter's posts, for its table of contents.
    public var posts: [Entry]
    /// The first and last year of the chapter's posts (the same when they share one); `nil`
    /// when none is dated.
    public var years: ClosedRange<Int>?

    /// The opener of the chapter `title` holding `documents`.
    public init(title: String, documents: [PostDocument]) {
        self.title = title
        posts = documents.map { Entry(title: $0.post.title, documentID: $0.documentID) }
        let years = documents.compactMap(\.post.date).map { UTCCalendar.fields(of: $0).year }
        self.years = years.min().map { $0...years.max()! }
    }

    /// The most posts an opener lists; a longer chapter is listed by the book's contents.
    public static let listLimit = 12

    /// The posts the opener lists: all of them while there are few, else none.
    public var listedPosts: [Entry] { posts.count <= Self.listLimit ? posts : [] }

    /// The years as the opener prints them ("2017–2026"); `nil` when no post is dated or the
    /// title already says them (a chapter of one year).
    public var yearsText: String? {
        guard let years else { return nil }
        let text = years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
        return title.contains(text) ? nil : text
    }
}

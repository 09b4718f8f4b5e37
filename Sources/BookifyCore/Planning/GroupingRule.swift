/// How posts are gathered into chapters (ARCHITECTURE §2).
public enum GroupingRule: String, Sendable, CaseIterable {
    /// Series if any post has one, then tags if at least half the posts have them, then URL
    /// sections if there is more than one, else years.
    case auto
    case series
    case tag
    case section
    case year
    /// A chapter per blog, for a book of several (a digest).
    case blog
    /// One run of posts without chapters.
    case none

    /// The rules that can group, in the order posts fall through them.
    static let fallThroughOrder: [GroupingRule] = [.series, .tag, .section, .year]

    /// The title of the last chapter, for posts no rule could place.
    static let otherPostsTitle = "Other posts"
}

/// What the planner makes of the posts: the book's metadata where the user overrides the blog's,
/// which posts, how they are grouped into chapters and ordered, and how deep the contents go.
/// Every metadata property is optional; `nil` means "from the input, else the default".
public struct PlanningSettings: Sendable {
    /// The book's title; `nil`: the blog's.
    public var title: String?
    /// A subtitle for the title page.
    public var subtitle: String?
    /// The book's authors; empty: the blog's.
    public var authors: [String] = []
    /// The book's language as a BCP 47 tag (`en`, `de-DE`); `nil`: the blog's, else `en`.
    public var language: String?
    /// The publisher named in the book's metadata.
    public var publisher: String?
    /// The book's unique identifier; `nil`: a UUID derived from the blog's URL.
    public var identifier: String?
    /// The order of the posts within each chapter.
    public var order: PostOrder = .oldestFirst
    /// How posts are gathered into chapters when `chapters` is empty.
    public var groupBy: GroupingRule = .auto
    /// Which posts the book holds (tags, dates, count).
    public var filter = PostFilter()
    /// A curated list of chapters (`chapters:` in bookify.yml); empty: all grouped by the rule.
    public var chapters: [ChapterSpec] = []
    /// How deep the table of contents goes: 1 lists posts, 2 adds their top-level headings, up to 6.
    public var tocDepth = 2

    /// Settings that take everything from the input and the defaults.
    public init() {}
}

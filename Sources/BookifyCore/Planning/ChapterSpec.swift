import Foundation

/// One entry of a configuration's `chapters:` list: a chapter made of the posts its selectors
/// match, or the place where the remaining posts go.
public struct ChapterSpec: Sendable, Hashable {
    /// The chapter's title; `nil`: the series' or tag's name.
    public var title: String?
    /// Posts of these series go in the chapter.
    public var series: [String] = []
    /// Posts with these tags go in the chapter.
    public var tags: [String] = []
    /// Posts from these folders of a Markdown site go in the chapter.
    public var sections: [String] = []
    /// Shell-style patterns (`*`, `?`, `[…]`) matched against the post's URL, ignoring case.
    public var urlPatterns: [String] = []
    /// The posts no entry takes go here, grouped by the grouping rule.
    public var rest = false

    /// A chapter of the posts that match any of `series`, `tags`, `sections` or `posts`.
    public init(title: String? = nil, series: [String] = [], tags: [String] = [], sections: [String] = [],
                urlPatterns: [String] = [], rest: Bool = false) {
        self.title = title
        self.series = series
        self.tags = tags
        self.sections = sections
        self.urlPatterns = urlPatterns
        self.rest = rest
    }

    var hasSelectors: Bool { !(series.isEmpty && tags.isEmpty && sections.isEmpty && urlPatterns.isEmpty) }

    /// Whether the entry takes `post` (`section` is the post's URL section, if any).
    func matches(_ post: Post, section: String?) -> Bool {
        if let name = post.series?.name, series.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return true
        }
        let postTags = Set(post.tags.map { $0.lowercased() })
        if tags.contains(where: { postTags.contains($0.lowercased()) }) { return true }
        if let section, sections.contains(where: { $0.caseInsensitiveCompare(section) == .orderedSame }) { return true }
        if let url = post.url?.absoluteString {
            // Case-insensitive (GNU FNM_CASEFOLD): blogs capitalise slugs inconsistently.
            let caseFold: Int32 = 1 << 4
            return urlPatterns.contains { pattern in fnmatch(pattern, url, caseFold) == 0 }
        }
        return false
    }
}

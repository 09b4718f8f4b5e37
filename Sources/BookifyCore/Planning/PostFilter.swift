import Foundation

/// Which posts go into the book: `--tag`, `--exclude-tag`, `--since`, `--until`, `--limit`.
public struct PostFilter: Sendable, Hashable {
    /// Keep posts with at least one of these tags (all posts when empty).
    public var tags: [String] = []
    /// Leave out posts with any of these tags.
    public var excludedTags: [String] = []
    /// Keep posts from this day on (undated posts are left out when a range is given).
    public var since: Date?
    /// Keep posts up to the end of this day.
    public var until: Date?
    /// Keep only the newest N posts.
    public var limit: Int?

    /// A filter that keeps every post.
    public init() {}

    func apply(_ posts: [Post]) -> [Post] {
        let wanted = Set(tags.map { $0.lowercased() })
        let unwanted = Set(excludedTags.map { $0.lowercased() })
        var kept = posts.filter { post in
            let postTags = Set(post.tags.map { $0.lowercased() })
            if !wanted.isEmpty, postTags.isDisjoint(with: wanted) { return false }
            if !postTags.isDisjoint(with: unwanted) { return false }
            if since != nil || until != nil {
                guard let date = post.date else { return false }
                if let since, date < since { return false }
                if let until, date >= until.addingTimeInterval(86_400) { return false }
            }
            return true
        }
        if let limit, kept.count > limit {
            kept = Array(PostOrdering.sorted(kept, .newestFirst).prefix(limit))
        }
        return kept
    }
}

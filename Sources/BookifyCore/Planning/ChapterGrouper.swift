import Foundation

/// Gathers posts into chapters by a grouping rule; posts the rule cannot place fall through
/// to the next rule's groups, and last to "Other posts".
struct ChapterGrouper {
    let rule: GroupingRule
    let order: PostOrder
    /// The blog's home page: URL sections are read relative to its path.
    let homePage: URL?

    func chapters(for posts: [Post]) -> [Chapter] {
        guard rule != .none else { return posts.isEmpty ? [] : [Chapter(title: nil, posts: PostOrdering.sorted(posts, order))] }
        var groups: [(key: String, title: String, posts: [Post])] = []
        var remaining = posts
        for rule in chain(for: posts) where !remaining.isEmpty {
            let tagCounts = rule == .tag ? Self.tagCounts(remaining) : [:]
            let keys = remaining.map { key(of: $0, by: rule, tagCounts: tagCounts) }
            var placed: [String: Int] = [:]
            var unplaced: [Post] = []
            for (post, key) in zip(remaining, keys) {
                guard let key else { unplaced.append(post); continue }
                let groupKey = "\(rule.rawValue):\(key.lowercased())"
                if let index = placed[groupKey] ?? groups.firstIndex(where: { $0.key == groupKey }) {
                    groups[index].posts.append(post)
                    placed[groupKey] = index
                } else {
                    groups.append((groupKey, title(for: key, by: rule), [post]))
                    placed[groupKey] = groups.count - 1
                }
            }
            remaining = unplaced
        }
        var chapters = groups.map { group in
            Chapter(title: group.title, posts: group.key.hasPrefix("series:")
                    ? PostOrdering.seriesOrder(group.posts, order) : PostOrdering.sorted(group.posts, order))
        }
        chapters = PostOrdering.sortedChapters(chapters, order)
        if !remaining.isEmpty {
            chapters.append(Chapter(title: GroupingRule.otherPostsTitle, posts: PostOrdering.sorted(remaining, order)))
        }
        return chapters
    }

    /// The rules tried in turn: the chosen one and those after it; for `auto`, those whose
    /// condition holds.
    private func chain(for posts: [Post]) -> [GroupingRule] {
        guard rule == .auto else {
            return Array(GroupingRule.fallThroughOrder.drop(while: { $0 != rule }))
        }
        var chain: [GroupingRule] = []
        if posts.contains(where: { $0.series != nil }) { chain.append(.series) }
        let unseriesed = posts.filter { $0.series == nil }
        if !unseriesed.isEmpty, unseriesed.filter({ !$0.tags.isEmpty }).count * 2 >= unseriesed.count {
            chain.append(.tag)
        }
        if Set(unseriesed.compactMap { section(of: $0) }).count > 1 { chain.append(.section) }
        chain.append(.year)
        return chain
    }

    private func key(of post: Post, by rule: GroupingRule, tagCounts: [String: Int]) -> String? {
        switch rule {
        case .series: return post.series?.name
        case .tag: return mostSharedTag(of: post, counts: tagCounts)
        case .section: return section(of: post)
        case .year: return post.date.map { String(FeedDate.day($0).prefix(4)) }
        case .auto, .none, .blog: return nil
        }
    }

    /// How many posts carry each tag (lower-cased).
    private static func tagCounts(_ posts: [Post]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for tag in posts.flatMap({ Set($0.tags.map { $0.lowercased() }) }) { counts[tag, default: 0] += 1 }
        return counts
    }

    /// A post's tag that the most posts share; ties go to the tag listed first.
    private func mostSharedTag(of post: Post, counts: [String: Int]) -> String? {
        var best: (tag: String, count: Int)?
        for tag in post.tags where (counts[tag.lowercased()] ?? 0) > (best?.count ?? 0) {
            best = (tag, counts[tag.lowercased()] ?? 0)
        }
        return best?.tag
    }

    /// The first folder of the post's URL path below the home page: `posts` for
    /// `/posts/2024-01-01_title`. Dates are no section.
    func section(of post: Post) -> String? {
        guard let url = post.url else { return nil }
        var components = url.pathComponents.filter { $0 != "/" }
        let base = (homePage?.host == url.host ? homePage?.pathComponents.filter { $0 != "/" } : nil) ?? []
        if components.starts(with: base) { components.removeFirst(base.count) }
        guard components.count >= 2, let first = components.first, !first.allSatisfy(\.isNumber) else { return nil }
        return first
    }

    private func title(for key: String, by rule: GroupingRule) -> String {
        switch rule {
        case .tag, .section: return Self.displayName(key)
        default: return key
        }
    }

    /// `machine-learning` → `Machine learning`; `iOS` keeps its capitals.
    static func displayName(_ key: String) -> String {
        let spaced = key.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = spaced.first else { return key }
        return first.uppercased() + spaced.dropFirst()
    }
}

/// The orders posts and chapters are read in.
enum PostOrdering {
    /// By date (undated posts keep their input order, after the dated ones), stable.
    static func sorted(_ posts: [Post], _ order: PostOrder) -> [Post] {
        let indexed = posts.enumerated().map { (offset: $0.offset, post: $0.element) }
        return indexed.sorted { left, right in
            switch (left.post.date, right.post.date) {
            case let (leftDate?, rightDate?) where leftDate != rightDate:
                return order == .oldestFirst ? leftDate < rightDate : leftDate > rightDate
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left.offset < right.offset
            }
        }.map(\.post)
    }

    /// A series in its own order: posts with an order first, by it; then the rest by date.
    static func seriesOrder(_ posts: [Post], _ order: PostOrder) -> [Post] {
        let numbered = posts.filter { $0.series?.order != nil }
        let sortedNumbered = sorted(numbered, .oldestFirst).enumerated().sorted { left, right in
            let (a, b) = (left.element.series!.order!, right.element.series!.order!)
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        let series = sortedNumbered + sorted(posts.filter { $0.series?.order == nil }, .oldestFirst)
        return order == .oldestFirst ? series : series.reversed()
    }

    /// Chapters by the date of their first post, in the direction of the post order.
    static func sortedChapters(_ chapters: [Chapter], _ order: PostOrder) -> [Chapter] {
        let indexed = chapters.enumerated().map { (offset: $0.offset, chapter: $0.element) }
        let firstDate = { (chapter: Chapter) in chapter.posts.first?.date ?? chapter.posts.compactMap(\.date).min() }
        return indexed.sorted { left, right in
            let leftDate = firstDate(left.chapter)
            let rightDate = firstDate(right.chapter)
            switch (leftDate, rightDate) {
            case let (a?, b?) where a != b: return order == .oldestFirst ? a < b : a > b
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left.offset < right.offset
            }
        }.map(\.chapter)
    }
}

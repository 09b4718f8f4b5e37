import Foundation

/// Decides the book's metadata and the order of its posts from the blogs read.
public struct BookPlanner: Sendable {
    /// The date used when neither the posts nor the environment give one: the first date a
    /// zip file can hold, so builds stay reproducible.
    public static let fallbackDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01

    /// The metadata overrides, filter, grouping and order the plan follows.
    public var settings: BookSettings

    /// A planner following `settings`.
    public init(settings: BookSettings) {
        self.settings = settings
    }

    /// The book of `blogs`: their posts merged (duplicates dropped), filtered, grouped into
    /// chapters and ordered, with the book's metadata.
    public func plan(_ blogs: [Blog]) -> Book {
        let posts = settings.planning.filter.apply(merging(blogs))
        let metadata = metadata(for: blogs, posts: posts)
        if settings.planning.groupBy == .blog { return Book(metadata: metadata, chapters: chaptersByBlog(posts, blogs: blogs)) }
        return Book(metadata: metadata, chapters: Self.joiningRepeats(chapters(for: posts, homePage: blogs.first?.homePageURL)))
    }

    /// A chapter per blog, titled with the blog's title, in the order the blogs were given.
    private func chaptersByBlog(_ posts: [Post], blogs: [Blog]) -> [Chapter] {
        var owner: [String: Int] = [:]
        for (index, blog) in blogs.enumerated() { for post in blog.posts where owner[post.id] == nil { owner[post.id] = index } }
        return blogs.indices.compactMap { index in
            let own = posts.filter { owner[$0.id] == index }
            return own.isEmpty ? nil : Chapter(title: blogs[index].title, posts: PostOrdering.sorted(own, settings.planning.order))
        }
    }

    /// Chapters with the title of the one before them joined to it: a reader sees one chapter.
    static func joiningRepeats(_ chapters: [Chapter]) -> [Chapter] {
        chapters.reduce(into: []) { joined, chapter in
            if let last = joined.last, last.title != nil, last.title == chapter.title {
                joined[joined.count - 1].posts += chapter.posts
            } else {
                joined.append(chapter)
            }
        }
    }

    /// The configured chapters in their order, each taking the posts it matches (first match
    /// wins); the rest grouped by the rule where an entry says `rest: true`, else at the end.
    private func chapters(for posts: [Post], homePage: URL?) -> [Chapter] {
        let grouper = ChapterGrouper(rule: settings.planning.groupBy, order: settings.planning.order, homePage: homePage)
        guard !settings.planning.chapters.isEmpty else { return grouper.chapters(for: posts) }
        var remaining = posts
        var curated: [Chapter?] = []  // nil marks where the rest goes
        for spec in settings.planning.chapters {
            if spec.hasSelectors, let title = spec.title {
                let taken = remaining.filter { spec.matches($0, section: grouper.section(of: $0)) }
                remaining.removeAll { post in taken.contains { $0.id == post.id } }
                if !taken.isEmpty {
                    let ordered = spec.series.isEmpty || !spec.tags.isEmpty || !spec.sections.isEmpty
                        ? PostOrdering.sorted(taken, settings.planning.order) : PostOrdering.seriesOrder(taken, settings.planning.order)
                    curated.append(Chapter(title: title, posts: ordered))
                }
            }
            if spec.rest { curated.append(nil) }
        }
        if !curated.contains(where: { $0 == nil }) { curated.append(nil) }
        let rest = grouper.chapters(for: remaining)
        return curated.flatMap { $0.map { [$0] } ?? rest }
    }

    /// All posts, without repeats: within a blog a post whose id was seen; across blogs also
    /// one whose URL was seen (posts of one feed may share a page, told apart by fragments).
    private func merging(_ blogs: [Blog]) -> [Post] {
        var seenIDs = Set<String>()
        var earlierURLs = Set<String>()
        var posts: [Post] = []
        for blog in blogs {
            var urls = Set<String>()
            for post in blog.posts where seenIDs.insert(post.id).inserted {
                let key = post.url.map(\.postIdentity)
                if let key, earlierURLs.contains(key) { continue }
                if let key { urls.insert(key) }
                posts.append(post)
            }
            earlierURLs.formUnion(urls)
        }
        return posts
    }

    private func metadata(for blogs: [Blog], posts: [Post]) -> BookMetadata {
        let first = blogs.first
        let title = settings.planning.title ?? first?.title ?? posts.first?.title ?? "Untitled blog"
        let authors = !settings.planning.authors.isEmpty ? settings.planning.authors
            : unique(blogs.flatMap(\.authors).map(\.name) + (blogs.allSatisfy(\.authors.isEmpty) ? posts.flatMap(\.authors).map(\.name) : []))
        let language = settings.planning.language ?? first?.language.flatMap(LanguageTag.normalized)
            ?? posts.lazy.compactMap({ $0.language.flatMap(LanguageTag.normalized) }).first ?? "en"
        let newest = posts.flatMap { [$0.published, $0.modified].compactMap { $0 } }.max()
        let source = first?.homePageURL?.absoluteString ?? first?.feedURL?.absoluteString
        let identityName = first?.feedURL?.absoluteString ?? first?.homePageURL?.absoluteString ?? first?.source ?? title
        return BookMetadata(
            title: title,
            subtitle: settings.planning.subtitle,
            authors: authors,
            language: language,
            identifier: settings.planning.identifier ?? "urn:uuid:" + UUIDv5.make(name: identityName).uuidString.lowercased(),
            modified: settings.sourceDate ?? newest ?? Self.fallbackDate,
            description: first?.description,
            publisher: settings.planning.publisher,
            source: source,
            subjects: subjects(of: posts),
            collection: singleSeries(of: posts))
    }

    /// The series name when every post belongs to that one series.
    private func singleSeries(of posts: [Post]) -> String? {
        let names = Set(posts.map { $0.series?.name.lowercased() })
        guard names.count == 1, let name = posts.first?.series?.name else { return nil }
        return name
    }

    /// The posts' tags, most used first.
    private func subjects(of posts: [Post]) -> [String] {
        var counts: [String: (count: Int, first: Int, name: String)] = [:]
        for (index, tag) in posts.flatMap(\.tags).enumerated() {
            let key = tag.lowercased()
            let entry = counts[key] ?? (0, index, tag)
            counts[key] = (entry.count + 1, entry.first, entry.name)
        }
        return counts.values.sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }.map(\.name)
    }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

@testable import BookifyCore
import Foundation
import Testing

@Suite struct ChapterGrouperTests {
    private static func post(_ id: String, _ day: String?, path: String? = nil, tags: [String] = [],
                             series: SeriesMembership? = nil) -> Post {
        Post(id: id, url: path.map { URL(string: "https://b.example" + $0)! }, title: id, content: "", contentFormat: .text,
             published: day.flatMap(FeedDate.parseISO8601), tags: tags, series: series)
    }

    private func plan(_ posts: [Post], _ rule: GroupingRule, order: PostOrder = .oldestFirst,
                      chapters: [ChapterSpec] = [], home: String = "https://b.example/") -> [(String?, [String])] {
        var settings = BookSettings()
        settings.planning.groupBy = rule
        settings.planning.order = order
        settings.planning.chapters = chapters
        let blog = Blog(title: "B", homePageURL: URL(string: home), posts: posts, source: "b.json")
        return BookPlanner(settings: settings).plan([blog]).chapters.map { ($0.title, $0.posts.map(\.id)) }
    }

    private func titles(_ chapters: [(String?, [String])]) -> [String?] { chapters.map(\.0) }

    @Test func aMultiTagPostGoesToItsMostSharedTagAndTiesToTheFirstListed() {
        let chapters = plan([
            Self.post("a", "2020-01-01", tags: ["go", "career"]),
            Self.post("b", "2020-02-01", tags: ["career"]),
            Self.post("c", "2020-03-01", tags: ["db", "rust"]),
            Self.post("d", "2020-04-01", tags: ["rust"]),
            Self.post("e", "2020-05-01", tags: ["web", "css"]),
        ], .tag)
        #expect(chapters.map(\.0) == ["Career", "Rust", "Web"])
        #expect(chapters.map(\.1) == [["a", "b"], ["c", "d"], ["e"]])
    }

    @Test func untaggedPostsFallToSectionsThenYearsThenOtherPosts() {
        let chapters = plan([
            Self.post("tagged", "2021-01-01", path: "/notes/x", tags: ["career"]),
            Self.post("sectioned", "2020-01-01", path: "/posts/y"),
            Self.post("dated", "2019-06-01", path: "/z"),
            Self.post("nothing", nil),
        ], .tag)
        #expect(chapters.map(\.0) == ["2019", "Posts", "Career", GroupingRule.otherPostsTitle])
        #expect(chapters.last?.1 == ["nothing"])
    }

    @Test func sectionsAreReadBelowTheHomePageAndDatesAreNoSection() {
        let chapters = plan([
            Self.post("a", "2020-01-01", path: "/blog/posts/a"),
            Self.post("b", "2020-02-01", path: "/blog/random/b"),
            Self.post("c", "2020-03-01", path: "/blog/2020/03/01/c"),
        ], .section, home: "https://b.example/blog/")
        #expect(chapters.map(\.0) == ["Posts", "Random", "2020"])
    }

    @Test func seriesFollowTheirOwnOrderEvenWhenDatesDisagree() {
        let chapters = plan([
            Self.post("part2", "2020-01-01", series: SeriesMembership(name: "Hugo 101", order: 2)),
            Self.post("part1", "2020-05-01", series: SeriesMembership(name: "Hugo 101", order: 1)),
            Self.post("undated-order", "2019-01-01", series: SeriesMembership(name: "Hugo 101")),
            Self.post("other", "2018-01-01", series: SeriesMembership(name: "Bite Sized Go", order: 1)),
            Self.post("loose", "2017-01-01", path: "/posts/loose"),
        ], .auto)
        #expect(chapters.map(\.0) == ["2017", "Bite Sized Go", "Hugo 101"])
        #expect(chapters.last?.1 == ["part1", "part2", "undated-order"])
    }

    @Test func autoPicksTagsWhenHalfThePostsHaveThemElseSectionsElseYears() {
        let tagged = [Self.post("a", "2020-01-01", path: "/p/a", tags: ["x"]), Self.post("b", "2021-01-01", path: "/q/b")]
        #expect(titles(plan(tagged, .auto)) == ["X", "Q"])
        let sectioned = [Self.post("a", "2020-01-01", path: "/p/a"), Self.post("b", "2021-01-01", path: "/q/b", tags: []),
                         Self.post("c", "2021-01-01", path: "/q/c", tags: ["t"])]
        #expect(titles(plan(sectioned, .auto)) == ["P", "Q"])
        let flat = [Self.post("a", "2020-01-01", path: "/p/a"), Self.post("b", "2021-01-01", path: "/p/b")]
        #expect(titles(plan(flat, .auto)) == ["2020", "2021"])
        #expect(titles(plan(flat, GroupingRule.none)) == [nil])
    }

    @Test func newestFirstReversesPostsAndChapters() {
        let chapters = plan([Self.post("a", "2020-01-01"), Self.post("b", "2020-06-01"), Self.post("c", "2021-01-01")],
                            .year, order: .newestFirst)
        #expect(chapters.map(\.0) == ["2021", "2020"])
        #expect(chapters.map(\.1) == [["c"], ["b", "a"]])
    }

    @Test func configuredChaptersPickOrderAndNameTheirPosts() {
        let posts = [
            Self.post("go1", "2020-01-01", path: "/posts/go1", tags: ["go"]),
            Self.post("note", "2020-02-01", path: "/notes/n1", tags: ["go"]),
            Self.post("rust", "2020-03-01", path: "/posts/rust", tags: ["rust"]),
            Self.post("misc", "2020-04-01", path: "/posts/misc"),
        ]
        let chapters = plan(posts, .tag, chapters: [
            ChapterSpec(title: "Short notes", urlPatterns: ["*/notes/*"]),
            ChapterSpec(rest: true),
            ChapterSpec(title: "All about Go", tags: ["GO"]),
        ])
        #expect(chapters.map(\.0) == ["Short notes", "Rust", "Posts", "All about Go"])
        #expect(chapters.map(\.1) == [["note"], ["rust"], ["misc"], ["go1"]])
    }

    @Test func tagAndSectionTitlesAreCapitalisedForDisplay() {
        #expect(ChapterGrouper.displayName("machine-learning") == "Machine learning")
        #expect(ChapterGrouper.displayName("iOS") == "IOS")
        #expect(ChapterGrouper.displayName("career") == "Career")
    }

    @Test func filtersKeepWhatIsAskedFor() {
        let posts = [Self.post("a", "2020-01-01", tags: ["go"]), Self.post("b", "2020-06-01", tags: ["go", "draft"]),
                     Self.post("c", "2021-01-01", tags: ["rust"]), Self.post("d", nil, tags: ["go"])]
        var filter = PostFilter()
        filter.tags = ["Go"]
        filter.excludedTags = ["draft"]
        #expect(filter.apply(posts).map(\.id) == ["a", "d"])
        filter = PostFilter()
        filter.since = FeedDate.parseISO8601("2020-06-01")
        filter.until = FeedDate.parseISO8601("2020-12-31")
        #expect(filter.apply(posts).map(\.id) == ["b"])
        filter = PostFilter()
        filter.limit = 2
        #expect(filter.apply(posts).map(\.id) == ["b", "c"].reversed())
    }
}

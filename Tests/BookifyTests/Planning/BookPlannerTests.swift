@testable import BookifyCore
import Foundation
import Testing

@Suite struct BookPlannerTests {
    private func post(_ id: String, _ day: String?, url: String? = nil, tags: [String] = []) -> Post {
        Post(id: id, url: url.flatMap { URL(string: $0) }, title: id, content: "", contentFormat: .text,
             published: day.flatMap(FeedDate.parseISO8601), tags: tags)
    }

    private func blog(_ posts: [Post], title: String? = "Blog") -> Blog {
        Blog(title: title, feedURL: URL(string: "https://example.org/feed.json"), posts: posts, source: "feed.json")
    }

    @Test func ordersPostsOldestFirstWithUndatedPostsLast() {
        let book = BookPlanner(settings: BookSettings()).plan([blog([
            post("b", "2021-01-01"), post("undated", nil), post("a", "2020-01-01"), post("c", "2022-01-01"),
        ])])
        #expect(book.posts.map(\.id) == ["a", "b", "c", "undated"])
    }

    @Test func ordersNewestFirstOnRequest() {
        var settings = BookSettings()
        settings.planning.order = .newestFirst
        let book = BookPlanner(settings: settings).plan([blog([post("a", "2020-01-01"), post("b", "2021-01-01")])])
        #expect(book.posts.map(\.id) == ["b", "a"])
    }

    @Test func mergesBlogsDroppingRepeatedIDsAndURLs() {
        let first = blog([post("1", "2020-01-01", url: "https://e.example/a/")])
        let second = blog([post("1", "2020-01-01"), post("2", "2020-01-02", url: "https://e.example/a#top"),
                           post("3", "2020-01-03")])
        #expect(BookPlanner(settings: BookSettings()).plan([first, second]).posts.map(\.id) == ["1", "3"])
    }

    @Test func takesMetadataFromTheFeedUnlessGiven() {
        let feed = blog([post("1", "2020-01-01", tags: ["go", "db"]), post("2", "2021-06-01", tags: ["db"])])
        let planned = BookPlanner(settings: BookSettings()).plan([feed]).metadata
        #expect(planned.title == "Blog")
        #expect(planned.language == "en")
        #expect(planned.subjects == ["db", "go"])
        #expect(FeedDate.iso8601(planned.modified) == "2021-06-01T00:00:00Z")
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/feed.json")
        #expect(planned.identifier == "urn:uuid:\(Self.exampleFeedUUID)")

        var settings = BookSettings()
        settings.planning.title = "Mine"
        settings.planning.authors = ["Me", "You"]
        settings.planning.language = "fr"
        settings.sourceDate = Date(timeIntervalSince1970: 1_700_000_000)
        let overridden = BookPlanner(settings: settings).plan([feed]).metadata
        #expect(overridden.title == "Mine" && overridden.authors == ["Me", "You"] && overridden.language == "fr")
        #expect(FeedDate.iso8601(overridden.modified) == "2023-11-14T22:13:20Z")
    }

    @Test func ignoresAFeedLanguageThatIsNoLanguageTag() {
        var feed = blog([])
        feed.language = "English (UK)"
        #expect(BookPlanner(settings: BookSettings()).plan([feed]).metadata.language == "en")
        feed.language = "pt_BR"
        #expect(BookPlanner(settings: BookSettings()).plan([feed]).metadata.language == "pt-BR")
    }

    static let exampleFeedUUID = "a7425b7a-ea6d-5992-b73b-174e8df582b1"
}

@testable import BookifyCore
import Foundation
import Testing

@Suite struct JSONFeedReaderTests {
    private func read(_ json: String) throws -> Blog {
        try JSONFeedReader().read(Array(json.utf8), source: "feed.json")
    }

    @Test func readsEveryFieldOfAJSONFeed11() throws {
        let blog = try read("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "https://b.example/",
         "feed_url": "https://b.example/feed.json", "description": "D", "icon": "/icon.png", "language": "de-DE",
         "authors": [{"name": "A", "url": "https://b.example/a", "avatar": "https://b.example/a.png"}],
         "_ext": {"k": 1},
         "items": [{"id": "1", "url": "https://b.example/p/1", "external_url": "https://elsewhere.example/",
           "title": "First", "content_html": "<p>Hi</p>", "content_text": "Hi", "summary": "S",
           "image": "img.png", "banner_image": "https://b.example/banner.png",
           "date_published": "2020-01-02T10:00:00Z", "date_modified": "2020-01-03T10:00:00Z",
           "authors": [{"name": "B"}], "tags": ["x", "y"], "language": "en",
           "attachments": [{"url": "https://b.example/a.m4a", "mime_type": "audio/x-m4a", "title": "Ep",
             "size_in_bytes": 89970236, "duration_in_seconds": 6629}],
           "_series": {"name": "S", "order": 2}}]}
        """)
        #expect(blog.title == "T")
        #expect(blog.homePageURL?.absoluteString == "https://b.example/")
        #expect(blog.feedURL?.absoluteString == "https://b.example/feed.json")
        #expect(blog.description == "D")
        #expect(blog.icon?.absoluteString == "https://b.example/icon.png")
        #expect(blog.language == "de-DE")
        #expect(blog.authors == [Author(name: "A", url: URL(string: "https://b.example/a"),
                                        avatar: URL(string: "https://b.example/a.png"))])
        #expect(blog.extensions["_ext"]?["k"] == .number(1))
        let post = try #require(blog.posts.first)
        #expect(post.id == "1")
        #expect(post.url?.absoluteString == "https://b.example/p/1")
        #expect(post.externalURL?.absoluteString == "https://elsewhere.example/")
        #expect(post.title == "First")
        #expect(post.content == "<p>Hi</p>" && post.contentFormat == .auto)
        #expect(post.summary == "S")
        #expect(post.image?.absoluteString == "https://b.example/p/img.png")
        #expect(post.bannerImage?.absoluteString == "https://b.example/banner.png")
        #expect(post.published.map(FeedDate.iso8601) == "2020-01-02T10:00:00Z")
        #expect(post.modified.map(FeedDate.iso8601) == "2020-01-03T10:00:00Z")
        #expect(post.authors.map(\.name) == ["B"])
        #expect(post.tags == ["x", "y"])
        #expect(post.language == "en")
        #expect(post.attachments.first?.mimeType == "audio/x-m4a")
        #expect(post.attachments.first?.sizeInBytes == 89_970_236)
        #expect(post.attachments.first?.durationInSeconds == 6629)
        #expect(post.extensions["_series"]?["name"] == .string("S"))
    }

    @Test func readsTheVersion1AuthorObject() throws {
        let blog = try read(#"{"version": "https://jsonfeed.org/version/1", "author": {"name": "Solo"}, "items": []}"#)
        #expect(blog.authors.map(\.name) == ["Solo"])
    }

    @Test func toleratesTagsWrittenAsOneString() throws {
        let blog = try read(#"{"items": [{"id": "1", "content_text": "x", "tags": "workflow, omnifocus,,Workflow"}]}"#)
        #expect(blog.posts[0].tags == ["workflow", "omnifocus"])
    }

    @Test func derivesWhatAnItemLeavesOut() throws {
        let blog = try read("""
        {"home_page_url": "https://b.example/", "items": [
          {"content_html": "<p>A microblog post without a title, whose first words become one, and more</p>",
           "url": "/2021/05/06/note", "title": "", "image": ""},
          {"content_text": "second"}]}
        """)
        let first = blog.posts[0]
        #expect(first.title == "A microblog post without a title, whose first words become…")
        #expect(first.url?.absoluteString == "https://b.example/2021/05/06/note")
        #expect(first.id == "https://b.example/2021/05/06/note")
        #expect(first.published.map(FeedDate.day) == "2021-05-06")
        #expect(first.image == nil)
        #expect(blog.posts[1].id == "item-2")
        #expect(blog.posts[1].title == "second")
        #expect(blog.posts[1].contentFormat == .text)
    }

    @Test func namesTheFileAndPositionOfMalformedJSON() {
        #expect(throws: BookifyError.invalidInput(path: "feed.json", location: SourceLocation(line: 2, column: 14),
                                                  reason: "invalid JSON: expected ',' or '}' in an object")) {
            try read("{\"title\": \"x\",\n \"items\": [] ]")
        }
    }

    @Test func refusesJSONThatIsNoFeed() {
        #expect(throws: BookifyError.self) { try read(#"{"title": "no items"}"#) }
        #expect(throws: BookifyError.self) { try read("[1, 2]") }
    }
}

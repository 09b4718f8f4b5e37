@testable import BookifyCore
import Foundation
import Testing

/// `FeedPrefetch` keeps one read ahead for the whole process: these tests take turns.
@Suite(.serialized) struct FeedPrefetchTests {
    private static func feed(title: String, posts: Int) -> String {
        let items = (1...posts).map { #"{"id": "\#($0)", "url": "https://b.example/p/\#($0)", "title": "Post \#($0)", "content_html": "<p>Text \#($0).</p>"}"# }
        return #"{"version": "https://jsonfeed.org/version/1.1", "title": "\#(title)", "home_page_url": "https://b.example/", "items": [\#(items.joined(separator: ","))]}"#
    }

    @Test func aFeedReadAheadIsTheBlogTheBuildReads() async throws {
        let path = try TestPaths.temporaryFolder(holding: ["feed.json": Self.feed(title: "Ahead", posts: 3)]).appendingPathComponent("feed.json").path
        FeedPrefetch.read(path)
        let ahead = try #require(FeedPrefetch.take(path))
        #expect(FeedPrefetch.take(path) == nil, "a read ahead is taken once")
        let fresh = try await InputReader().fetch(path)
        #expect(ahead.blog == fresh.blog)
        #expect(ahead.bytes == fresh.bytes)
        #expect(ahead.blog?.title == "Ahead" && ahead.blog?.posts.count == 3)
        // Cleaned and told its site, as `InputReader.fetch` leaves a blog.
        #expect(ahead.blog?.posts.allSatisfy { $0.siteURL?.absoluteString == "https://b.example/" } == true)
    }

    @Test func aFeedChangedSinceItWasReadAheadIsReadAgain() async throws {
        let folder = try TestPaths.temporaryFolder(holding: ["feed.json": Self.feed(title: "Before", posts: 1)])
        let path = folder.appendingPathComponent("feed.json").path
        FeedPrefetch.read(path)
        try Self.feed(title: "After, longer", posts: 2).write(toFile: path, atomically: true, encoding: .utf8)
        let blog = try await InputReader().fetch(path).blog
        #expect(blog?.title == "After, longer" && blog?.posts.count == 2)
    }

    @Test func onlyAFeedDocumentIsReadAhead() async throws {
        let folder = try TestPaths.temporaryFolder(holding: ["site/post.md": "---\ntitle: A\n---\nText.\n", "broken.json": "{"])
        for input in [folder.appendingPathComponent("site").path, folder.appendingPathComponent("missing.json").path, "-"] {
            FeedPrefetch.read(input)
            #expect(FeedPrefetch.take(input) == nil, "\(input)")
        }
        // A feed that does not parse is read again by the build, which reports it.
        let broken = folder.appendingPathComponent("broken.json").path
        FeedPrefetch.read(broken)
        await #expect(throws: BookifyError.self) { try await InputReader().fetch(broken) }
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Feeds named by URL, served by a loopback server of the test's own.
@Suite struct FeedURLTests {
    private func bookify(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    @Test
    func theSeedFeedBuildsFromItsURL() throws {
        let served = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.seedFeed!, to: served.appendingPathComponent("feed.json"))
        let server = try LoopbackServer(serving: served)
        let folder = TestPaths.temporaryFolder()
        let result = bookify([server.baseURL.appendingPathComponent("feed.json").absoluteString, "-o", "web.epub", "-q"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("web.epub")
        try EPUBCheck.expectClean(book)
        #expect(try BookInspector(book).spine.filter { $0.hasPrefix("text/p") }.count == 59)
    }

    /// What a browser would make of a page: redirects followed to the final address, a
    /// compressed body decoded, repeated headers kept together.
    @Test func redirectsAndCompressedBodiesArriveAsTheyWouldInABrowser() async throws {
        let served = TestPaths.temporaryFolder()
        let feed = Data(#"{"version": "https://jsonfeed.org/version/1.1", "title": "Gzipped", "items": []}"#.utf8)
        try feed.write(to: served.appendingPathComponent("feed.json"))
        let server = try LoopbackServer(serving: served)
        let response = try await HTTPClient().get(server.baseURL.appendingPathComponent("redirect-to/gzip/feed.json"))
        #expect(response.bytes == Array(feed) && response.status == 200)
        #expect(response.url.path == "/gzip/feed.json" && response.contentType == "application/json")
        #expect(response.headers["link"] == "</next>; rel=next, </prev>; rel=prev", "\(response.headers)")
    }

    @Test func unreachableMissingAndHostileURLsFailClearly() async throws {
        let served = TestPaths.temporaryFolder()
        let server = try LoopbackServer(serving: served)
        var client = HTTPClient()
        client.connectTimeout = 2
        client.totalTimeout = 4
        client.maximumBytes = 1024 * 1024
        let cases: [(path: String, reason: String)] = [
            ("missing.json", "HTTP 404"), ("slow", "no answer in time"), ("huge", "larger than 1 MB"),
            ("loop", "more than 5 redirects"),
            // Nothing outside http(s) is read, and the message names where it led.
            ("to-file", #"redirects to file:///etc/passwd, which is not http\(s\)"#),
        ]
        for (path, reason) in cases {
            do {
                _ = try await client.get(server.baseURL.appendingPathComponent(path))
                Issue.record("\(path) was fetched")
            } catch {
                guard case .inputNotReadable(_, let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.contains(try Regex(reason)), "\(path): \(message)")
            }
        }
        // Timing is measured on the command, in its own process: the test runner's threads may
        // be busy with other tests. The slow route would answer after 90 s.
        let started = Date()
        let slow = bookify([server.baseURL.appendingPathComponent("slow").absoluteString, "-o", "x.epub",
                            "--connect-timeout", "2", "--timeout", "3"], in: TestPaths.temporaryFolder())
        #expect(slow.status == 66 && slow.stderr.contains("no answer in time"), "\(slow.stderr)")
        #expect(Date().timeIntervalSince(started) < 45, "the slow server was not given up on in time")
        let closed = bookify(["http://127.0.0.1:9/feed.json", "-o", "x.epub"], in: TestPaths.temporaryFolder())
        #expect(closed.status == 66 && closed.stderr.contains("http://127.0.0.1:9/feed.json"), "\(closed.stderr)")
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Digests of many blogs (issue 33): two blogs read into an archive, runs with new posts
/// between them; each book holds only what is new, a chapter per blog; nothing new is said and
/// exits 0; a failed send leaves the next digest with the same posts.
@Suite struct DigestTests {
    /// A JSON Feed of `name` with posts `range` (each dated in its own month of 2026).
    private static func writeFeed(_ name: String, posts range: ClosedRange<Int>, in folder: URL) throws {
        let host = "https://\(name.lowercased()).example/"
        let items: [[String: Any]] = range.map { number in
            ["id": "\(name)-\(number)", "url": host + "p\(number)/", "title": "\(name) post \(number)",
             "date_published": String(format: "2026-%02d-01T00:00:00Z", min(number, 12)), "content_html": "<p>Post \(number) of \(name).</p>"]
        }
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": name, "home_page_url": host,
                                   "feed_url": host + "feed.json", "items": items]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent(name.lowercased() + ".json"))
    }

    private static func digestBook(in folder: URL) throws -> URL {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("digest-") && $0.hasSuffix(".epub") })
        return folder.appendingPathComponent(name)
    }

    /// The post titles of a book, by chapter title.
    private static func chapters(of book: URL) throws -> [String: [String]] {
        let inspector = try BookInspector(book)
        var chapters: [String: [String]] = [:]
        var current = ""
        for page in inspector.spinePages {
            if let title = page.descendants("h1").first(where: { $0.attributes["class"]?.contains("chapter-title") == true }) {
                current = title.text
            } else if let post = page.descendants("h1").first(where: { $0.attributes["class"]?.contains("post-title") == true }) {
                chapters[current, default: []].append(post.text)
            }
        }
        return chapters
    }

    private func digest(_ arguments: [String] = [], in folder: URL, password: Bool = false) -> Shell.Result {
        Shell.run(TestPaths.bookifyBinary.path, ["digest"] + arguments, in: folder,
                  environment: ["XDG_CACHE_HOME": folder.path, "BOOKIFY_SMTP_PASSWORD": password ? SMTPTestServer.password : ""])
    }

    @Test func eachDigestHoldsOnlyWhatIsNewAChapterPerBlog() throws {
        let folder = TestPaths.temporaryFolder()
        try Self.writeFeed("Alpha", posts: 1...2, in: folder)
        try Self.writeFeed("Beta", posts: 1...3, in: folder)
        try "archive: blogs.archive\nblogs:\n  - alpha.json\n  - input: beta.json\n    latest: 10\n"
            .write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)

        let first = digest(in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("alpha.json") && first.stderr.contains("beta.json") && first.stderr.contains("5 new posts from 2 blogs"),
                "\(first.stderr)")
        var book = try Self.digestBook(in: folder)
        try EPUBCheck.expectClean(book)
        #expect(try Self.chapters(of: book) == ["Alpha": ["Alpha post 1", "Alpha post 2"], "Beta": ["Beta post 1", "Beta post 2", "Beta post 3"]])

        // New posts on both blogs: the next digest holds those alone.
        try Self.writeFeed("Alpha", posts: 1...3, in: folder)
        try Self.writeFeed("Beta", posts: 2...5, in: folder)
        try FileManager.default.removeItem(at: book)
        let second = digest(in: folder)
        try #require(second.status == 0, "\(second.stderr)")
        book = try Self.digestBook(in: folder)
        try EPUBCheck.expectClean(book)
        #expect(try Self.chapters(of: book) == ["Alpha": ["Alpha post 3"], "Beta": ["Beta post 4", "Beta post 5"]])

        // Nothing new: said, exit 0, no book.
        try FileManager.default.removeItem(at: book)
        let third = digest(in: folder)
        #expect(third.status == 0 && third.stderr.contains("Nothing new since the last digest"), "\(third.stderr)")
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("digest-") })
    }

    @Test func aFailedSendLeavesTheNextDigestWithTheSamePosts() throws {
        let folder = TestPaths.temporaryFolder()
        try Self.writeFeed("Alpha", posts: 1...2, in: folder)
        try Self.writeFeed("Beta", posts: 1...1, in: folder)
        try "archive: blogs.archive\nblogs: [alpha.json, beta.json]\n".write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        let mail = ["--send-to", "reader@example.org", "--smtp-user", SMTPTestServer.user, "--from", "me@example.com"]
        // The server is down: the digest fails, and is not recorded.
        let failed = digest(mail + ["--smtp-server", "127.0.0.1:1"], in: folder, password: true)
        #expect(failed.status == 69 && failed.stderr.contains("cannot reach the mail server"), "\(failed.stderr)")
        let server = try SMTPTestServer(mode: "starttls")
        let sent = digest(mail + ["--smtp-server", server.address, "--smtp-ca-file", server.caFile.path], in: folder, password: true)
        try #require(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stderr.contains("3 new posts from 2 blogs") && sent.stderr.contains("mailed"), "\(sent.stderr)")
        let messages = server.messages()
        try #require(messages.count == 1)
        let book = try Self.digestBook(in: folder)
        #expect(messages[0].attachment == FileManager.default.contents(atPath: book.path))
        #expect(try Self.chapters(of: book) == ["Alpha": ["Alpha post 1", "Alpha post 2"], "Beta": ["Beta post 1"]])
        // Sent: the next digest has nothing new.
        let after = digest(mail + ["--smtp-server", server.address, "--smtp-ca-file", server.caFile.path], in: folder, password: true)
        #expect(after.status == 0 && after.stderr.contains("Nothing new") && server.messages().count == 1, "\(after.stderr)")
    }

    @Test func eachMakesABookPerBlogNamedAfterIt() throws {
        let folder = TestPaths.temporaryFolder()
        try Self.writeFeed("Alpha", posts: 1...2, in: folder)
        try Self.writeFeed("Beta", posts: 1...1, in: folder)
        let result = digest(["alpha.json", "beta.json", "--archive", "blogs.archive", "--each"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let books = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".epub") }.sorted()
        #expect(books.count == 2 && books[0].hasPrefix("alpha-") && books[1].hasPrefix("beta-"), "\(books)")
        for name in books { try EPUBCheck.expectClean(folder.appendingPathComponent(name)) }
    }

    @Test func aBlogsSettingThatIsNotAboutReadingIsRefusedWithItsLine() throws {
        let folder = TestPaths.temporaryFolder()
        try "archive: a.archive\nblogs:\n  - input: alpha.json\n    title: Mine\n".write(to: folder.appendingPathComponent("bookify.yml"),
                                                                                     atomically: true, encoding: .utf8)
        let result = digest(in: folder)
        #expect(result.status == 65 && result.stderr.contains("bookify.yml:4:") && result.stderr.contains("'title' is not a setting of one blog"),
                "\(result.stderr)")
    }
}

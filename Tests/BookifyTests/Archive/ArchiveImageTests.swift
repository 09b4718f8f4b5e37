@testable import BookifyCore
import Foundation
import Testing

/// Feeds fetched over HTTP into an archive: conditional fetches, images kept once, and books
/// built from the archive after the site is gone.
@Suite struct ArchiveImageTests {
    private func bookify(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    /// A site with a feed of two posts that show one picture between them, and one more that
    /// is not there.
    private func writeSite(in site: URL, at base: URL) throws {
        try FileManager.default.createDirectory(at: site.appendingPathComponent("images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.examples.appendingPathComponent("images/pipeline.png"),
                                         to: site.appendingPathComponent("images/pipeline.png"))
        let feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": "Pictures", "home_page_url": base.absoluteString,
            "feed_url": base.appendingPathComponent("feed.json").absoluteString,
            "items": [
                ["id": "1", "url": base.appendingPathComponent("one/").absoluteString, "title": "One", "date_published": "2026-01-01T00:00:00Z",
                 "content_html": "<p>First.</p><p><img src=\"/images/pipeline.png\" alt=\"The pipeline\"></p>"],
                ["id": "2", "url": base.appendingPathComponent("two/").absoluteString, "title": "Two", "date_published": "2026-01-02T00:00:00Z",
                 "content_html": "<p>Second.</p><p><img src=\"../images/pipeline.png\" alt=\"Again\"></p><p><img src=\"/images/gone.png\" alt=\"Gone\"></p>"],
            ],
        ]
        try JSONSerialization.data(withJSONObject: feed).write(to: site.appendingPathComponent("feed.json"))
    }

    private func images(in book: URL) throws -> [String] {
        try EPUBArchive(book).entries.map(\.name).filter { $0.hasPrefix("OEBPS/images/") && !$0.contains("/cover.") }
    }

    @Test func imagesAreKeptOnceAndTheBookIsRebuiltWhenTheSiteIsGone() throws {
        let folder = TestPaths.temporaryFolder()
        let archive = folder.appendingPathComponent("site.archive")
        do {
            let site = TestPaths.temporaryFolder()
            let server = try LoopbackServer(serving: site)
            try writeSite(in: site, at: server.baseURL)
            let feed = server.baseURL.appendingPathComponent("feed.json").absoluteString
            let first = bookify(["archive", "add", feed, "--archive", "site.archive"], in: folder)
            try #require(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.contains("2 posts: 2 new, 0 changed, 1 image added, 1 image missing"), "\(first.stderr)")
            // The server has the same feed: a conditional request, answered 304.
            let second = bookify(["archive", "add", feed, "--archive", "site.archive"], in: folder)
            #expect(second.status == 0 && second.stderr.contains("not modified"), "\(second.stderr)")
            let stats = try ArchiveFixtures.statistics(archive)
            #expect(stats.fetches == 2 && stats.posts == 2 && stats.versions == 2 && stats.images == 1 && stats.missingImages == 1, "\(stats)")
        }
        // The server is gone: the book comes from the archive alone.
        let built = bookify(["build", "--archive", "site.archive", "-o", "book.epub", "-v"], in: folder)
        try #require(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("1 image: 1 from the archive"), "\(built.stderr)")
        #expect(built.stderr.contains("not in the archive"), "\(built.stderr)")
        let book = folder.appendingPathComponent("book.epub")
        try EPUBCheck.expectClean(book)
        #expect(try images(in: book).count == 1)

        // The export carries the image at its path on the site, found again with no network.
        let exported = bookify(["archive", "export", "--archive", "site.archive", "--format", "jsonfeed", "out"], in: folder)
        try #require(exported.status == 0, "\(exported.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/assets/images/pipeline.png").path))
        let rebuilt = bookify(["out/feed.json", "-o", "exported.epub", "-q"], in: folder)
        try #require(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try images(in: folder.appendingPathComponent("exported.epub")).count == 1)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Images end to end (issue 6): served by a loopback server of the test's own, read from
/// `--assets`, kept in the cache, and every way an image can fail.
@Suite struct ImageBookTests {
    private static func write(_ data: Data, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The images a book holds, by their bytes.
    private static func images(in book: BookInspector) -> Set<Data> {
        Set(book.archive.entries.filter { $0.name.hasPrefix("OEBPS/images/") && !$0.name.contains("/cover.") }.map(\.data))
    }

    /// The seed's site-relative and site-absolute images, each a different PNG at the path the
    /// post's URL gives it; videos are left out (they are linked, never fetched).
    private static func serveSeedImages(in folder: URL) throws -> (images: Set<Data>, videos: Int) {
        let data = try Data(contentsOf: try #require(TestPaths.seedFeed))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var images = Set<Data>()
        var videos = 0
        for item in try #require(feed["items"] as? [[String: Any]]) {
            let base = URL(string: item["url"] as? String ?? "")
            for match in (item["content_html"] as? String ?? "").matches(of: /!\[[^\]]*\]\(([^)\s]+)/) {
                guard let url = URL(string: String(match.output.1), relativeTo: base)?.absoluteURL,
                      url.host == TestPaths.Seed.host else { continue }
                if url.pathExtension == "mp4" { videos += 1; continue }
                let png = TestImage.png(seed: images.count)
                try write(png, to: folder.appendingPathComponent(url.path))
                images.insert(png)
            }
        }
        return (images, videos)
    }

    @Test
    func theSeedEmbedsEveryServedImageThenAgainOfflineFromTheCacheAndFromDisk() throws {
        let site = TestPaths.temporaryFolder()
        let (served, videos) = try Self.serveSeedImages(in: site)
        #expect(served.count == 56 && videos == 15, "the seed's images as ARCHITECTURE §9 counts them")
        let folder = TestPaths.temporaryFolder()
        let cache = TestPaths.temporaryFolder().path
        let seed = TestPaths.seedFeed!.path
        var server: LoopbackServer? = try LoopbackServer(serving: site)
        let baseURL = server!.baseURL.absoluteString
        let online = Shell.bookify([seed, "-o", "online.epub", "--base-url", baseURL, "--cache-dir", cache,
                                    "--connect-timeout", "3", "--timeout", "10"], in: folder)
        try #require(online.status == 0, "\(online.stderr)")
        let book = folder.appendingPathComponent("online.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        #expect(served.isSubset(of: Self.images(in: inspector)), "every served image is in the book")
        let text = inspector.readableText()
        #expect(text.components(separatedBy: "(video not included)").count - 1 == videos)
        #expect(inspector.metaValues("schema:accessMode").contains("visual"), "a book with images is read visually too")
        #expect(online.stderr.contains("56 images") || online.stderr.contains("58 images"), "\(online.stderr)")

        server = nil  // nothing answers any more: the cache must serve
        let offline = Shell.bookify([seed, "-o", "offline.epub", "--base-url", baseURL, "--cache-dir", cache,
                                     "--offline", "-q"], in: folder)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("offline.epub")) == Data(contentsOf: book),
                "the same images from the cache make the same book, byte for byte")

        let fromDisk = Shell.bookify([seed, "-o", "disk.epub", "--assets", site.path, "--offline", "-q"], in: folder)
        #expect(fromDisk.status == 0, "\(fromDisk.stderr)")
        let diskBook = folder.appendingPathComponent("disk.epub")
        try EPUBCheck.expectClean(diskBook)
        #expect(served.isSubset(of: Self.images(in: try BookInspector(diskBook))), "every image on disk is in the book")
    }

    /// A site whose images fail in every way, one that works after a redirect, a hostile SVG,
    /// and an asset folder with a symbolic link pointing out of it.
    private struct HostileSite {
        let served = TestPaths.temporaryFolder()
        let assets = TestPaths.temporaryFolder()
        let outside = TestPaths.temporaryFolder()
        let folder = TestPaths.temporaryFolder()
        /// The build's `TMPDIR`: it leaves nothing there.
        let temporary = TestPaths.temporaryFolder()
        let secret = TestImage.png(seed: 99)

        init() throws {
            try ImageBookTests.write(TestImage.png(seed: 1), to: served.appendingPathComponent("img/ok.png"))
            try ImageBookTests.write(TestImage.png(seed: 1), to: served.appendingPathComponent("img/same-bytes.png"))
            try ImageBookTests.write(TestImage.png(seed: 2), to: served.appendingPathComponent("img/moved.png"))
            try ImageBookTests.write(TestImage.notAnImage, to: served.appendingPathComponent("img/page.png"))
            try ImageBookTests.write(Data("""
                <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
                <script>alert(2)</script><style>@import url(https://evil.example/x.css);</style>
                <a xlink:href="javascript:alert(3)"><rect width="10" height="10" fill="url(#g)" onclick="alert(4)"/></a>
                <image href="https://evil.example/track.png" width="5" height="5"/><text>&x;safe</text>
                <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
                <set attributeName="href" to="javascript:alert(5)"/><use href="https://evil.example/sprite.svg#a"/>
                </svg>
                """.utf8), to: served.appendingPathComponent("img/drawing.svg"))
            try ImageBookTests.write(TestImage.png(seed: 3), to: assets.appendingPathComponent("local.png"))
            try ImageBookTests.write(TestImage.png(seed: 5), to: assets.appendingPathComponent("nested/deeper/only-once.png"))
            try ImageBookTests.write(secret, to: outside.appendingPathComponent("secret.png"))
            try FileManager.default.createSymbolicLink(at: assets.appendingPathComponent("link.png"),
                                                       withDestinationURL: outside.appendingPathComponent("secret.png"))
        }

        /// The feed: one post on the server's site, one without a URL (relative paths only).
        func feed(base: URL) -> Data {
            let dataPNG = TestImage.png(seed: 4).base64EncodedString()
            let onSite = """
                <p>Inline <img src="../../img/ok.png" alt="ok"> and <a href="/x"><img src="/img/missing-in-link.png" alt="in a link"></a>.</p>
                <p><img src="/img/same-bytes.png" alt="same bytes"></p>
                <p><img src="/moved/elsewhere/only-once.png" alt="found by its name"></p>
                <p><img src="/redirect-to/img/moved.png" alt="moved"></p>
                <p><img src="/img/drawing.svg" alt="drawing"></p>
                <p><img src="data:image/png;base64,\(dataPNG)" alt="inline data"></p>
                <p><img src="/slow.png" alt="slow"></p><p><img src="/huge.png" alt="huge"></p>
                <p><img src="/loop.png" alt="loop"></p><p><img src="/to-file" alt="to file"></p>
                <p><img src="/img/missing.png" alt="missing"></p><p><img src="/img/page.png" alt="not an image"></p>
                <p><img src="file:///etc/passwd" alt="local file"></p><p><img src="javascript:alert(1)" alt="script"></p>
                <p><img src="demo.mp4" alt="a demo"></p>
                """
            let noURL = """
                <p><img src="../../\(outside.lastPathComponent)/secret.png" alt="escaping"></p>
                <p><img src="link.png" alt="symbolic link"></p><p><img src="local.png" alt="from disk"></p>
                """
            let items: [[String: Any]] = [
                ["id": "1", "url": base.appendingPathComponent("posts/one/").absoluteString, "title": "On the site",
                 "date_published": "2026-01-01T00:00:00Z", "content_html": onSite],
                ["id": "2", "title": "No address", "date_published": "2026-01-02T00:00:00Z", "content_html": noURL],
            ]
            let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Hostile images",
                                       "home_page_url": base.absoluteString, "items": items]
            return try! JSONSerialization.data(withJSONObject: feed)
        }

        func build(_ server: LoopbackServer, extra: [String] = []) throws -> Shell.Result {
            try feed(base: server.baseURL).write(to: folder.appendingPathComponent("feed.json"))
            return Shell.bookify(["feed.json", "-o", "hostile.epub", "--assets", assets.path, "--connect-timeout", "2",
                                  "--timeout", "3", "--cache-dir", TestPaths.temporaryFolder().path] + extra, in: folder,
                                 environment: ["TMPDIR": temporary.path])
        }
    }

    @Test func everyFailingImageBecomesAPlaceholderInTimeAndNothingForeignGetsIn() throws {
        let site = try HostileSite()
        let server = try LoopbackServer(serving: site.served)
        let started = Date()
        let result = try site.build(server, extra: ["-v"])
        // Measured on the command in its own process; /slow.png would answer after 90 s.
        #expect(Date().timeIntervalSince(started) < 45, "the build waited past its timeouts")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.temporary.path) == [],
                "the images spooled while the book was made are removed")
        let book = site.folder.appendingPathComponent("hostile.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)

        // One line per image: a warning of its own, or (-v) a line under its cause's warning.
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("bookify: warning: image ") || $0.hasPrefix("bookify:   ") }
        for expected in ["slow.png", "huge.png", "loop.png", "to-file", "missing.png", "page.png", "missing-in-link.png",
                         "file:///etc/passwd", "javascript:alert(1)", "secret.png", "link.png"] {
            let named = warnings.filter { $0.contains("/\(expected) (in") || $0.contains(" \(expected) (in") }
            #expect(named.count == 1, "one warning for \(expected):\n\(result.stderr)")
        }
        #expect(warnings.count == 11, "\(result.stderr)")

        let images = Self.images(in: inspector)
        #expect(images.contains(TestImage.png(seed: 1)) && images.contains(TestImage.png(seed: 2)))
        #expect(images.contains(TestImage.png(seed: 3)) && images.contains(TestImage.png(seed: 4)))
        #expect(images.contains(TestImage.png(seed: 5)), "a file name found once under --assets")
        #expect(images.count == 6, "ok (stored once for two URLs), moved, drawing, inline data, local, found by name")
        let svg = try #require(inspector.archive.entries.first { $0.name.hasSuffix(".svg") })
        #expect(inspector.manifest.contains { "OEBPS/" + ($0.attributes["href"] ?? "") == svg.name && $0.attributes["media-type"] == "image/svg+xml" })
        for entry in inspector.archive.entries {
            #expect(entry.data != site.secret, "\(entry.name) is the file outside the asset folder")
            for forbidden in ["<script", "onload", "onclick", "javascript:", "evil.example", "foreignObject", "root:x:0"] {
                #expect(!entry.text.contains(forbidden), "\(forbidden) in \(entry.name)")
            }
        }
        let drawing = try XMLTree.parse(Array(svg.data))
        #expect(!drawing.descendants("rect").isEmpty && drawing.descendants("text").map(\.text) == ["safe"],
                "the drawing keeps its shapes and text, and the external entity is not read")

        let base = server.baseURL.absoluteString
        let placeholders = inspector.elements("p").filter { $0.hasClass("media-placeholder") }
        let missing = placeholders.first { $0.leadingText == "missing (image not available) · " }
        #expect(missing?.elements("a").map { $0.attributes["href"] } == [base + "img/missing.png"]
                && missing?.first("a")?.text == "view the original", "a missing image links its original")
        let video = placeholders.first { $0.leadingText == "a demo (video not included) · " }
        #expect(video?.elements("a").map { $0.attributes["href"] } == [base + "posts/one/demo.mp4"]
                && video?.first("a")?.text == "watch it online", "a video links where it plays")
        let inLink = inspector.elements("a").flatMap { $0.elements("span") }.filter { $0.hasClass("media-placeholder") }
        #expect(inLink.map(\.text) == ["in a link"] && inLink.allSatisfy { $0.elements("a").isEmpty },
                "inside a link: a label without a link of its own")
        let inline = inspector.elements("p").first { $0.leadingText == "Inline " }
        #expect(inline?.first("img")?.attributes["src"]?.hasPrefix("../images/ok-") == true, "an image inside text stays inline")
        let figures = inspector.elements("figure").filter { $0.hasClass("image") }
        #expect(figures.count == 6 && figures.allSatisfy { $0.elements().first?.name == "img" && $0.first("img")?.attributes["src"]?.hasPrefix("../images/") == true },
                "each image alone in its paragraph is a figure: \(figures.count)")
    }

    @Test func strictMakesAFailedImageAnErrorAndWritesNoBook() throws {
        let site = try HostileSite()
        let server = try LoopbackServer(serving: site.served)
        let result = try site.build(server, extra: ["--strict"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("11 images could not be embedded, and --strict makes that an error"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("hostile.epub").path))
    }

    @Test func feedImagesLeadPostsWithoutImagesAndTheCoverMayBeAURL() throws {
        let served = TestPaths.temporaryFolder()
        try Self.write(TestImage.png(seed: 5), to: served.appendingPathComponent("lead.png"))
        try Self.write(TestImage.png(seed: 6), to: served.appendingPathComponent("banner.png"))
        try Self.write(TestImage.png(seed: 7), to: served.appendingPathComponent("body.png"))
        try Self.write(TestImage.png(seed: 8), to: served.appendingPathComponent("cover.png"))
        let server = try LoopbackServer(serving: served)
        let base = server.baseURL
        let items: [[String: Any]] = [
            ["id": "1", "title": "Lead", "content_html": "<p>Text only.</p>", "date_published": "2026-01-01T00:00:00Z",
             "image": base.appendingPathComponent("lead.png").absoluteString],
            ["id": "2", "title": "Banner", "content_html": "<p>Text only.</p>", "date_published": "2026-01-02T00:00:00Z",
             "image": base.appendingPathComponent("lead.png").absoluteString,
             "banner_image": base.appendingPathComponent("banner.png").absoluteString],
            ["id": "3", "title": "Own image", "date_published": "2026-01-03T00:00:00Z",
             "content_html": "<p><img src=\"\(base.appendingPathComponent("body.png").absoluteString)\" alt=\"body\"></p>",
             "image": base.appendingPathComponent("not-needed.png").absoluteString],
        ]
        let folder = TestPaths.temporaryFolder()
        try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "title": "Leads", "items": items])
            .write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "leads.epub", "-q", "--cover", base.appendingPathComponent("cover.png").absoluteString],
                                   in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("leads.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        #expect(inspector.archive.entries.first { $0.name == "OEBPS/images/cover.png" }?.data == TestImage.png(seed: 8))
        let leads = inspector.spine.filter { $0.hasPrefix("text/p") }.map { path in
            inspector.page(path).map { $0.descendants("figure").filter { $0.hasClass("lead-image") } } ?? []
        }
        #expect(leads.count == 3)
        #expect(leads[0].map { $0.first("img")?.attributes["src"]?.hasPrefix("../images/lead-") } == [true]
                && leads[0].first?.first("img")?.attributes["alt"] == "", "a lead image is decoration: empty alt")
        #expect(leads[1].map { $0.first("img")?.attributes["src"]?.hasPrefix("../images/banner-") } == [true], "the banner wins over the image")
        #expect(leads[2].isEmpty, "a post with its own image needs no lead image")
        #expect(Self.images(in: inspector) == [TestImage.png(seed: 5), TestImage.png(seed: 6), TestImage.png(seed: 7)])

        let notImage = Shell.bookify(["feed.json", "-o", "x.epub", "--cover", base.appendingPathComponent("nothing.png").absoluteString],
                                     in: folder)
        #expect(notImage.status == 66 && notImage.stderr.contains("nothing.png") && notImage.stderr.contains("404"), "\(notImage.stderr)")
    }

    @Test func aMarkdownSiteShowsItsPageBundleAndStaticImagesOffline() throws {
        let site = TestPaths.temporaryFolder()
        try Self.write(Data("baseURL = \"https://site.example/\"\ntitle = \"Local\"\n".utf8), to: site.appendingPathComponent("hugo.toml"))
        try Self.write(Data("---\ntitle: Bundle\ndate: 2026-01-01\n---\n![diagram](diagram.png)\n\n![logo](/img/logo.png)\n\n![gone](/img/gone.png)\n".utf8),
                       to: site.appendingPathComponent("content/posts/bundle/index.md"))
        try Self.write(TestImage.png(seed: 10), to: site.appendingPathComponent("content/posts/bundle/diagram.png"))
        try Self.write(TestImage.png(seed: 11), to: site.appendingPathComponent("static/img/logo.png"))
        try Self.write(Data("---\ntitle: Covered\ndate: 2026-01-02\ncover:\n  image: cover.png\n---\nText only.\n".utf8),
                       to: site.appendingPathComponent("content/posts/covered/index.md"))
        try Self.write(TestImage.png(seed: 12), to: site.appendingPathComponent("content/posts/covered/cover.png"))
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([site.path, "-o", "site.epub", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("image https://site.example/img/gone.png (in \"Bundle\"): not on disk (looked in "), "\(result.stderr)")
        let book = folder.appendingPathComponent("site.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        #expect(Self.images(in: inspector) == [TestImage.png(seed: 10), TestImage.png(seed: 11), TestImage.png(seed: 12)])
        #expect(inspector.elements("figure").filter { $0.hasClass("lead-image") }
                    .map { $0.first("img")?.attributes["src"]?.hasPrefix("../images/cover-") } == [true],
                "the front matter's cover image leads its post")

        let plan = Shell.bookify(["inspect", site.path, "--offline"], in: folder)
        #expect(plan.status == 0 && plan.stdout.contains("Bundle: image not embedded: https://site.example/img/gone.png: not on disk (looked in "),
                "\(plan.stdout)")
    }

    @Test func theCacheAsksTheServerAndTakesAChangedImage() throws {
        let served = TestPaths.temporaryFolder()
        let image = served.appendingPathComponent("a.png")
        try Self.write(TestImage.png(seed: 20), to: image)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: image.path)
        let server = try LoopbackServer(serving: served)
        let folder = TestPaths.temporaryFolder()
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Changing",
                                   "items": [["id": "1", "title": "One", "content_html": "<p><img src=\"\(server.baseURL.absoluteString)a.png\" alt=\"a\"></p>"]]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let cache = TestPaths.temporaryFolder().path
        let build = { (name: String) throws -> Set<Data> in
            let result = Shell.bookify(["feed.json", "-o", name, "-q", "--cache-dir", cache], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return Self.images(in: try BookInspector(folder.appendingPathComponent(name)))
        }
        #expect(try build("first.epub") == [TestImage.png(seed: 20)])
        try TestImage.png(seed: 21).write(to: image)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: image.path)
        #expect(try build("second.epub") == [TestImage.png(seed: 21)], "Last-Modified changed: the new image is downloaded")
        try TestImage.png(seed: 22).write(to: image)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: image.path)
        #expect(try build("third.epub") == [TestImage.png(seed: 21)],
                "the server says 304 (same Last-Modified): the cached copy is used, not downloaded again")
        let verbose = Shell.bookify(["feed.json", "-o", "fourth.epub", "-v", "--cache-dir", cache], in: folder)
        #expect(verbose.stderr.contains("from the cache (\(server.baseURL.absoluteString)a.png)")
                && verbose.stderr.contains("bookify: 1 image: 1 from the cache"), "\(verbose.stderr)")
    }
}

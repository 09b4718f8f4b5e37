@testable import BookifyCore
import Foundation
import Testing

/// `bookify serve` (issue 33): the real server on 127.0.0.1, read as OPDS readers and browsers
/// read it: the catalog is Atom with OPDS relations that feedparser reads and libxml2 finds
/// valid against the OPDS 1.2 schema; its books download, pass EPUBCheck, and come as KEPUB to a
/// Kobo; the token guards every request; hostile requests get 404s and the server lives;
/// concurrent readers all get their answer.
@Suite(.serialized) struct ServeTests {
    static let schema = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Fixtures/opds/opds-catalog-1.2.rng")

    /// An archive of `blogs` small blogs (`posts` posts each) in `folder` (a new one by default).
    private static func archive(blogs names: [String], posts: Int = 3, in folder: URL = TestPaths.temporaryFolder(),
                                named archiveName: String = "blogs.archive") throws -> (folder: URL, archive: URL) {
        var inputs: [String] = []
        for name in names {
            let host = "https://\(name.lowercased()).example/"
            let items: [[String: Any]] = (1...posts).map { number in
                ["id": "\(name)-\(number)", "url": host + "p\(number)/", "title": "\(name) post \(number)",
                 "date_published": "2026-0\(number)-01T00:00:00Z", "content_html": "<p>Post \(number) of \(name), with <em>words</em>.</p>"]
            }
            let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "\(name) Journal", "home_page_url": host,
                                       "feed_url": host + "feed.json", "language": "en", "description": "Notes by \(name)",
                                       "authors": [["name": "\(name) Writer"]], "items": items]
            let file = folder.appendingPathComponent(name.lowercased() + ".json")
            try JSONSerialization.data(withJSONObject: feed).write(to: file)
            inputs.append(file.path)
        }
        let archive = folder.appendingPathComponent(archiveName)
        let added = Shell.run(TestPaths.bookifyBinary.path, ["archive", "add"] + inputs + ["--archive", archive.path], in: folder,
                              environment: ["XDG_CACHE_HOME": folder.path])
        try #require(added.status == 0, "\(added.stderr)")
        return (folder, archive)
    }

    /// The document at `path`, checked against the OPDS schema with libxml2 (xmllint).
    private static func expectValidOPDS(_ server: CatalogTestServer, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> XMLTree {
        let answer = try server.get(path)
        #expect(answer.status == 200, sourceLocation: sourceLocation)
        let file = TestPaths.temporaryFolder().appendingPathComponent("feed.xml")
        try answer.body.write(to: file)
        let check = Shell.run("/usr/bin/xmllint", ["--noout", "--relaxng", schema.path, file.path])
        #expect(check.status == 0, "\(path): \(check.stderr)", sourceLocation: sourceLocation)
        return try XMLTree.parse(Array(answer.body))
    }

    /// A PNG's width and height, from its header.
    private static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test func catalogIsOPDSThatReadersParse() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha", "Beta"])
        let server = try CatalogTestServer(["--archive", archive.path, "--title", "Our Blogs"], in: folder)

        let root = try Self.expectValidOPDS(server, "/opds")
        let entryLinks = root.elements("entry").compactMap { $0.first("link") }
        #expect(entryLinks.map { $0.attributes["href"] } == ["/opds/blogs", "/opds/new"])
        #expect(entryLinks.allSatisfy { $0.attributes["type"] == OPDSCatalog.MediaType.acquisition })
        #expect(root.first("title")?.text == "Our Blogs")

        // feedparser, as readers built on it see the acquisition feed.
        let parsed = try CatalogTestServer.client(["feed", server.url("/opds/blogs").absoluteString])
        #expect(parsed["bozo"] as? Bool == false, "\(parsed["bozo_exception"] ?? "")")
        let entries = try #require(parsed["entries"] as? [[String: Any]])
        #expect(entries.map { $0["title"] as? String } == ["Alpha Journal", "Beta Journal"])
        for entry in entries {
            let links = try #require(entry["links"] as? [[String: String]])
            let acquisitions = links.filter { $0["rel"] == "http://opds-spec.org/acquisition/open-access" }
            #expect(acquisitions.map { $0["type"] } == ["application/epub+zip", "application/kepub+zip"])
            #expect(acquisitions.allSatisfy { $0["href"]?.hasPrefix("/books/") == true })
            #expect(entry["language"] as? String == "en")
            // The drawn cover, large and as a thumbnail, as PNGs of the cover's 1:1.6.
            for (relation, width) in [("http://opds-spec.org/image", 800), ("http://opds-spec.org/image/thumbnail", 320)] {
                let href = try #require(links.first { $0["rel"] == relation && $0["type"] == "image/png" }?["href"])
                let png = try server.get(href)
                #expect(png.headers["content-type"] == "image/png")
                #expect(Self.pngSize(png.body).map { [$0.0, $0.1] } == [width, width * 16 / 10], "\(href)")
            }
        }
        let feedLinks = try #require(parsed["links"] as? [[String: String]])
        #expect(feedLinks.contains { $0["rel"] == "search" && $0["type"] == OPDSCatalog.MediaType.openSearch })
        #expect(feedLinks.contains { $0["rel"] == "start" && $0["href"] == "/opds" && $0["type"] == OPDSCatalog.MediaType.navigation })

        // The newest posts as one book; search by title.
        let newest = try Self.expectValidOPDS(server, "/opds/new")
        #expect(newest.elements("entry").count == 1)
        let found = try Self.expectValidOPDS(server, "/opds/search?q=beta%20journal")
        #expect(found.elements("entry").map { $0.first("title")?.text } == ["Beta Journal"])
        #expect(try Self.expectValidOPDS(server, "/opds/search?q=gamma").elements("entry").isEmpty)

        let description = try XMLTree.parse(Array(try server.get("/opds/search.xml").body))
        #expect(description.name == "OpenSearchDescription")
        #expect(description.first("Url")?.attributes["template"] == "/opds/search?q={searchTerms}")
        #expect(description.first("Url")?.attributes["type"] == OPDSCatalog.MediaType.acquisition)
        #expect(server.log.contains("GET /opds/blogs 200"), "one log line per request: \(server.log)")
    }

    @Test func bookLinksDownloadBooksThatPassEPUBCheck() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha", "Beta"])
        let server = try CatalogTestServer(["--archive", archive.path], in: folder)
        let feed = try XMLTree.parse(Array(try server.get("/opds/blogs").body))
        let beta = try #require(feed.elements("entry").first { $0.first("title")?.text == "Beta Journal" })
        let epubLink = try #require(beta.elements("link").first { $0.attributes["type"] == "application/epub+zip" }?.attributes["href"])

        let answer = try server.get(epubLink)
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/epub+zip")
        #expect(answer.headers["content-length"] == String(answer.body.count))
        #expect(answer.headers["content-disposition"] == "attachment; filename=\"beta-journal.epub\"")
        let book = folder.appendingPathComponent("downloaded.epub")
        try answer.body.write(to: book)
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        #expect(inspector.navTitles.filter { $0.hasPrefix("Beta post") }.sorted() == ["Beta post 1", "Beta post 2", "Beta post 3"])
        #expect(!inspector.navTitles.contains { $0.hasPrefix("Alpha") })

        // The same book again: not modified, by its entity tag.
        let etag = try #require(answer.headers["etag"])
        #expect(try server.get(epubLink, headers: ["If-None-Match": etag]).status == 304)

        // A Kobo gets a KEPUB where it names no format; ?format= wins over the reader.
        let stem = String(epubLink.dropLast(".epub".count))
        let kobo = try server.get(stem, headers: ["User-Agent": "Mozilla/5.0 (Linux; U; Android 2.0; en-us;) AppleWebKit/538.1 (KHTML, like Gecko) Version/4.0 Mobile Safari/538.1 (Kobo Touch 0377/4.38.23171)"])
        #expect(kobo.headers["content-type"] == "application/kepub+zip")
        #expect(kobo.text.isEmpty == false)
        let kepub = folder.appendingPathComponent("downloaded.kepub.epub")
        try kobo.body.write(to: kepub)
        #expect(try BookInspector(kepub).spinePages.contains { $0.descendants("span").contains { $0.attributes["class"] == "koboSpan" } })
        #expect(try server.get(stem + "?format=epub", headers: ["User-Agent": "Kobo Touch"]).headers["content-type"] == "application/epub+zip")
        #expect(try server.get(stem).headers["content-type"] == "application/epub+zip")

        // The newest posts, a chapter per blog, newest first.
        let newest = try server.get("/books/new.epub")
        let newestBook = folder.appendingPathComponent("newest.epub")
        try newest.body.write(to: newestBook)
        try EPUBCheck.expectClean(newestBook)
        #expect(try BookInspector(newestBook).navTitles.filter { $0.contains("post") }.count == 6)
        // Serving never writes to the archive: no build is recorded for --new-only.
        let stats = Shell.run(TestPaths.bookifyBinary.path, ["archive", "stats", "--archive", archive.path], in: folder)
        #expect(stats.stdout.contains(/books built +0\n/), "\(stats.stdout)")
    }

    @Test func booksFollowTheArchiveAsImportsChangeIt() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha"])
        let server = try CatalogTestServer(["--archive", archive.path], in: folder)
        let first = try server.get("/books/new.epub")
        let etag = try #require(first.headers["etag"])
        #expect(try server.get("/books/new.epub", headers: ["If-None-Match": etag]).status == 304)

        // A cron job imports a new post while the server runs: the next reader gets it.
        _ = try Self.archive(blogs: ["Alpha"], posts: 4, in: folder)
        let second = try server.get("/books/new.epub", headers: ["If-None-Match": etag])
        #expect(second.status == 200)
        #expect(second.headers["etag"] != etag)
        let book = folder.appendingPathComponent("second.epub")
        try second.body.write(to: book)
        #expect(try BookInspector(book).navTitles.contains("Alpha post 4"))
        #expect(try server.get("/opds/blogs").text.contains("4 posts"))
    }

    @Test func aFolderOfArchivesIsServedWhole() throws {
        let folder = TestPaths.temporaryFolder()
        _ = try Self.archive(blogs: ["Alpha"], in: folder, named: "one.archive")
        _ = try Self.archive(blogs: ["Beta", "Gamma"], in: folder, named: "two.archive")
        try "not an archive".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let server = try CatalogTestServer(["--archive", folder.path], in: folder)
        let blogs = try Self.expectValidOPDS(server, "/opds/blogs")
        #expect(blogs.elements("entry").compactMap { $0.first("title")?.text } == ["Alpha Journal", "Beta Journal", "Gamma Journal"])
        // The newest posts of each archive, as a book each.
        let newest = try Self.expectValidOPDS(server, "/opds/new").elements("entry")
        #expect(newest.compactMap { $0.first("title")?.text }.map { $0.components(separatedBy: ",")[0] }
                == ["Newest posts (one.archive)", "Newest posts (two.archive)"])
        let second = try server.get("/books/new-2.epub")
        let book = folder.appendingPathComponent("two.epub")
        try second.body.write(to: book)
        try EPUBCheck.expectClean(book)
        #expect(try BookInspector(book).navTitles.filter { $0.contains(" post ") }.sorted()
                == ["Beta post 1", "Beta post 2", "Beta post 3", "Gamma post 1", "Gamma post 2", "Gamma post 3"])
        #expect(try server.get("/books/new-3.epub").status == 404)
    }

    @Test func thePageListsTheBooksForABrowser() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha", "Beta"])
        let server = try CatalogTestServer(["--archive", archive.path], in: folder)
        let page = try server.get("/")
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        let html = HTMLParser().parseDocument(Array(page.body))
        let titles = html.descendants { $0.name == "a" && $0.classes == ["title"] }.map(\.textContent)
        #expect(titles.filter { $0.hasSuffix("Journal") } == ["Alpha Journal", "Beta Journal"])
        #expect(titles.contains { $0.hasPrefix("Newest posts") })
        // Every link and picture of the page answers.
        let links = html.descendants(where: { $0.name == "a" }).compactMap({ $0["href"] }) + html.descendants(where: { $0.name == "img" }).compactMap({ $0["src"] })
        #expect(links.filter { $0.hasPrefix("/covers/") }.count == 3)
        for link in links where link.hasPrefix("/") {
            #expect(try server.get(link).status == 200, "\(link)")
        }
        let searched = HTMLParser().parseDocument(Array(try server.get("/?q=alpha").body))
        #expect(searched.descendants { $0.name == "a" && $0.classes == ["title"] }.map(\.textContent) == ["Alpha Journal"])

        // As a 6-inch reader's browser shows it.
        let shot = folder.appendingPathComponent("catalog-600.png")
        let chromium = Shell.run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                       "--window-size=600,800", "--screenshot=\(shot.path)", server.url("/").absoluteString])
        try #require(chromium.status == 0, "\(chromium.stderr)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000)
        #expect(server.log.contains("GET / 200"))
    }

    @Test func theTokenGuardsEveryRequest() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha"])
        // Beyond loopback a token is required before anything listens.
        let refused = Shell.run(TestPaths.bookifyBinary.path, ["serve", "--archive", archive.path, "--host", "0.0.0.0"], in: folder,
                                environment: ["BOOKIFY_SERVE_TOKEN": ""])
        #expect(refused.status == 64 && refused.stderr.contains("needs a token"), "\(refused.status) \(refused.stderr)")

        let token = "s3cret-token-42"
        let server = try CatalogTestServer(["--archive", archive.path, "--token", token], in: folder)
        let anonymous = try server.get("/opds")
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["www-authenticate"]?.hasPrefix("Basic") == true)
        #expect(try server.get("/books/new.epub").status == 401)
        #expect(try server.get("/opds?token=wrong-token-42").status == 401)
        let basic = "Basic " + Data("reader:\(token)".utf8).base64EncodedString()
        #expect(try server.get("/opds", headers: ["Authorization": basic]).status == 200)
        #expect(try server.get("/opds", headers: ["Authorization": "Basic " + Data("reader:nope".utf8).base64EncodedString()]).status == 401)
        // A reader that gives it in the address gets it in every link, and can follow them.
        let viaQuery = try server.get("/opds/blogs?token=\(token)")
        #expect(viaQuery.status == 200)
        let links = try XMLTree.parse(Array(viaQuery.body)).elements("entry").flatMap { $0.elements("link") }.compactMap { $0.attributes["href"] }
        #expect(links.filter { $0.hasPrefix("/books/") }.allSatisfy { $0.hasSuffix("?token=\(token)") })
        #expect(try server.get(try #require(links.first { $0.hasPrefix("/books/") })).status == 200)
        #expect(!server.log.contains(token), "the token is never logged")
    }

    @Test func hostileRequestsGetNoFileAndTheServerLives() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha"])
        let server = try CatalogTestServer(["--archive", archive.path], in: folder)
        let outcomes = try CatalogTestServer.client(["raw", String(server.port)]) as? [String: String] ?? [:]
        for name in ["dot-dot", "dot-dot-books", "encoded-dot-dot", "double-encoded", "encoded-slash-root", "backslash", "nul",
                     "absolute-file", "bad-format"] {
            #expect(outcomes[name] == "HTTP/1.1 404 Not Found", "\(name): \(outcomes[name] ?? "none")")
        }
        #expect(outcomes["long-target"] == "HTTP/1.1 414 URI Too Long")
        #expect(outcomes["post-body"]?.contains(" 413 ") == true || outcomes["post-body"]?.contains(" 405 ") == true)
        for name in ["huge-header", "many-headers", "garbage", "bad-method", "http-0.9"] {
            let outcome = outcomes[name] ?? "none"
            #expect(outcome.contains(" 400 ") || outcome.contains(" 431 ") || outcome == "closed" || outcome == "reset", "\(name): \(outcome)")
        }
        #expect(!outcomes.values.contains { $0.contains("root:") }, "no file content ever")
        #expect(try server.get("/opds").status == 200, "the server still answers")
    }

    @Test func concurrentReadersAllGetTheirAnswer() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha", "Beta"])
        let server = try CatalogTestServer(["--archive", archive.path], in: folder)
        let catalog = try CatalogTestServer.client(["load", server.url("/opds").absoluteString, "200"])
        #expect(catalog["statuses"] as? [Int] == Array(repeating: 200, count: 200), "\(catalog)")
        #expect((catalog["errors"] as? [String])?.isEmpty == true)
        #expect(catalog["lengths_match"] as? Bool == true)
        let books = try CatalogTestServer.client(["load", server.url("/books/new.epub").absoluteString, "20"])
        #expect(books["statuses"] as? [Int] == Array(repeating: 200, count: 20), "\(books)")
        #expect((books["sizes"] as? [Int])?.count == 1, "every reader got the same book")
        print("serve latencies: 200 catalog requests p50 \(catalog["p50_ms"]!) ms, p95 \(catalog["p95_ms"]!) ms, max \(catalog["max_ms"]!) ms; "
              + "20 book requests p50 \(books["p50_ms"]!) ms, max \(books["max_ms"]!) ms")
    }

    @Test func tooManyBuildsAreToldToComeBack() throws {
        let (folder, archive) = try Self.archive(blogs: ["Alpha", "Beta", "Gamma", "Delta"])
        let server = try CatalogTestServer(["--archive", archive.path, "--max-builds", "1"], in: folder)
        let feed = try XMLTree.parse(Array(try server.get("/opds/blogs").body))
        let books = feed.elements("entry").flatMap { $0.elements("link") }.compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("/books/") }
        try #require(books.count == 8)
        // Eight different books at once: one builds, four wait, the others are told when to come back.
        let script = books.map { "curl -s -o /dev/null -D - '\(server.url($0).absoluteString)' | head -c 300 &" }.joined(separator: "\n") + "\nwait\n"
        let answers = Shell.run("/bin/bash", ["-c", script]).stdout
        let statuses = answers.matches(of: /HTTP\/1\.1 (\d+)/).map { String($0.output.1) }
        #expect(statuses.count == 8)
        #expect(statuses.allSatisfy { $0 == "200" || $0 == "503" }, "\(statuses)")
        #expect(statuses.contains("503") && statuses.contains("200"), "\(statuses)")
        #expect(answers.contains("Retry-After: 10"))
        #expect(try server.get("/opds").status == 200)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// The archive as a user meets it: feeds imported over time, books built from what it holds.
@Suite
struct ArchiveBookTests {
    private func bookify(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    /// The post documents of a book, in reading order.
    private func posts(of book: URL) throws -> [String] {
        try BookInspector(book).spine.filter { $0.hasPrefix("text/p") }
    }

    /// The text of every post page, as a reader sees it.
    private func text(of book: URL) throws -> String {
        try BookInspector(book).readableText { $0.hasPrefix("text/p") }
    }

    @Test func twoOverlappingHalvesMakeTheWholeBlogWithBothVersionsOfTheEditedPost() throws {
        let folder = TestPaths.temporaryFolder()
        let edited = try ArchiveFixtures.writeHalves(in: folder)
        for half in ["half1.json", "half2.json"] {
            let result = bookify(["archive", "add", half, "--archive", "blog.archive", "--offline"], in: folder)
            try #require(result.status == 0, "\(result.stderr)")
        }
        let archive = folder.appendingPathComponent("blog.archive")
        let summaries = try Archive(path: archive.path, create: false).postSummaries()
        #expect(summaries.count == 59)
        #expect(summaries.filter { $0.versions == 2 }.map(\.title) == [edited])
        #expect(summaries.allSatisfy { $0.versions == 1 || $0.title == edited })
        let listed = bookify(["archive", "list", "--archive", "blog.archive"], in: folder)
        #expect(listed.status == 0 && listed.stdout.contains(edited), "\(listed.stderr)")

        // Offline, from the archive alone: every post, the edited text, a colophon that says so.
        let built = bookify(["build", "--archive", "blog.archive", "-o", "book.epub", "-o", "book.pdf", "-q"], in: folder)
        try #require(built.status == 0, "\(built.stderr)")
        let book = folder.appendingPathComponent("book.epub")
        try EPUBCheck.expectClean(book)
        QPDF.expectClean(folder.appendingPathComponent("book.pdf"))
        #expect(try posts(of: book).count == 59)
        #expect(try text(of: book).components(separatedBy: ArchiveFixtures.editedText).count == 2)
        let colophon = try BookInspector(book).page("text/colophon.xhtml")?.first("body")?.text ?? ""
        #expect(colophon.contains("Kept in a bookify archive from \(TestPaths.Seed.homePage), fetched on"), "\(colophon)")

        // The same archive state gives the same books, byte for byte.
        let again = bookify(["build", "--archive", "blog.archive", "-o", "again.epub", "-o", "again.pdf", "-q"], in: folder)
        try #require(again.status == 0, "\(again.stderr)")
        for (first, second) in [("book.epub", "again.epub"), ("book.pdf", "again.pdf")] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(first)) == Data(contentsOf: folder.appendingPathComponent(second)),
                    "\(first) and \(second) differ")
        }
        let check = bookify(["archive", "check", "--archive", "blog.archive"], in: folder)
        #expect(check.status == 0 && check.stdout.contains("sound"), "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: ["jsonfeed", "markdown"])
    func anExportBuildsTheSamePosts(format: String) throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        let imported = bookify(["build", "half1.json", "half2.json", "--archive", "blog.archive", "--offline", "-o", "archived.epub", "-q"], in: folder)
        try #require(imported.status == 0, "\(imported.stderr)")
        let exported = bookify(["archive", "export", "--archive", "blog.archive", "--format", format, "out"], in: folder)
        try #require(exported.status == 0, "\(exported.stderr)")
        let input = format == "jsonfeed" ? "out/feed.json" : "out"
        let rebuilt = bookify([input, "-o", "exported.epub", "-q"], in: folder)
        try #require(rebuilt.status == 0, "\(rebuilt.stderr)")
        let (archived, exportedBook) = (folder.appendingPathComponent("archived.epub"), folder.appendingPathComponent("exported.epub"))
        try EPUBCheck.expectClean(exportedBook)
        #expect(try BookInspector(exportedBook).navTitles == BookInspector(archived).navTitles)
        #expect(try text(of: exportedBook).contains(ArchiveFixtures.editedText))
        if format == "jsonfeed" {
            // The same feed, the same book: every post page is byte for byte the archived one.
            let (one, two) = (try BookInspector(archived), try BookInspector(exportedBook))
            for page in one.spine where page.hasPrefix("text/p") {
                #expect(one.archive["OEBPS/" + page]?.text == two.archive["OEBPS/" + page]?.text, "\(page) differs")
            }
        }
        // Export never writes over anything.
        let twice = bookify(["archive", "export", "--archive", "blog.archive", "--format", format, "out"], in: folder)
        #expect(twice.status == 73, "\(twice.stderr)")
    }

    @Test func newOnlyHoldsJustThePostsFirstSeenSinceTheLastBook() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        let first = bookify(["half1.json", "--archive", "digest.archive", "--offline", "--new-only", "-o", "week1.epub", "-q"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        #expect(try posts(of: folder.appendingPathComponent("week1.epub")).count == 35)
        let second = bookify(["half2.json", "--archive", "digest.archive", "--offline", "--new-only", "-o", "week2.epub", "-q"], in: folder)
        try #require(second.status == 0, "\(second.stderr)")
        let week2 = folder.appendingPathComponent("week2.epub")
        try EPUBCheck.expectClean(week2)
        let (_, items) = try ArchiveFixtures.seedFeed()
        let allTitles = Set(items.map { $0["title"] as! String })
        let newTitles = Set(items[35...].map { $0["title"] as! String })
        let postTitles = try BookInspector(week2).navTitles.filter { allTitles.contains($0) }
        #expect(Set(postTitles) == newTitles, "week 2 holds \(postTitles)")
        #expect(try posts(of: week2).count == 24)
        let third = bookify(["build", "--archive", "digest.archive", "--new-only", "-o", "week3.epub"], in: folder)
        #expect(third.status == 65 && third.stderr.contains("no new posts since the last book"), "\(third.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("week3.epub").path))
    }

    @Test func asOfBuildsTheBlogAsItWasThen() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        #expect(bookify(["archive", "add", "half1.json", "--archive", "blog.archive", "--offline", "-q"], in: folder).status == 0)
        Thread.sleep(forTimeInterval: 1.2)
        let between = ISO8601DateFormatter().string(from: Date())
        Thread.sleep(forTimeInterval: 1.2)
        #expect(bookify(["archive", "add", "half2.json", "--archive", "blog.archive", "--offline", "-q"], in: folder).status == 0)
        let then = bookify(["build", "--archive", "blog.archive", "--as-of", between, "-o", "then.epub", "-q"], in: folder)
        try #require(then.status == 0, "\(then.stderr)")
        let book = folder.appendingPathComponent("then.epub")
        try EPUBCheck.expectClean(book)
        #expect(try posts(of: book).count == 35)
        #expect(try !text(of: book).contains(ArchiveFixtures.editedText))
        let before = bookify(["build", "--archive", "blog.archive", "--as-of", "2001-01-01", "-o", "never.epub"], in: folder)
        #expect(before.status == 65 && before.stderr.contains("as of 2001-01-01"), "\(before.stderr)")
    }

    @Test func theArchiveFileCanComeFromBookifyYml() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        try "archive: kept/blog.archive\noffline: true\n".write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kept"), withIntermediateDirectories: true)
        #expect(bookify(["archive", "add", "half1.json", "-q"], in: folder).status == 0)
        let built = bookify(["half2.json", "-o", "book.epub", "-q"], in: folder)
        try #require(built.status == 0, "\(built.stderr)")
        #expect(try ArchiveFixtures.statistics(folder.appendingPathComponent("kept/blog.archive")).posts == 59)
        #expect(try posts(of: folder.appendingPathComponent("book.epub")).count == 59)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// The `bookify` command as a user runs it: exit codes (sysexits), messages that name the file
/// and position, atomic output.
@Suite struct CommandLineTests {
    private let sample = TestPaths.examples.appendingPathComponent("feed.json").path

    private func bookify(_ arguments: [String], stdin: Data? = nil, in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, stdin: stdin, in: folder)
    }

    @Test func aLinkThatLeadsNowhereIsAWarningAndWithStrictAnError() throws {
        let folder = TestPaths.temporaryFolder()
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Links",
                                   "items": [["id": "1", "title": "Notes", "content_html": ##"<p><a href="#gone">see below</a></p>"##]]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("links.json"))
        let lenient = bookify(["links.json", "-o", "links.epub", "--offline"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains(#"bookify: warning: link #gone (in "Notes") leads to no section of the book"#), "\(lenient.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("links.epub"))
        let strict = bookify(["links.json", "-o", "strict.epub", "--offline", "--strict"], in: folder)
        #expect(strict.status == 65 && strict.stderr.contains("1 link leads nowhere, and --strict makes that an error"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict.epub").path))
    }

    @Test func aCoverThatIsNoImageOrNoFileIsRefusedWithoutWaiting() throws {
        let folder = TestPaths.temporaryFolder()
        #expect(mkfifo(folder.appendingPathComponent("pipe.png").path, 0o600) == 0)
        try Data("just text".utf8).write(to: folder.appendingPathComponent("text.png"))
        for (cover, reason) in [("pipe.png", "pipe.png is not a regular file"), ("text.png", "bytes of an unknown format")] {
            let result = bookify([sample, "-o", "book.epub", "--offline", "--cover", cover], in: folder)
            #expect(result.status == 65 && result.stderr.contains(reason)
                    && result.stderr.contains("a cover must be a PNG or JPEG image"), "\(cover): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("book.epub").path))
    }

    @Test func buildsABookNamedAfterTheTitleByDefault() throws {
        let folder = TestPaths.temporaryFolder()
        let result = bookify([sample], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["field-notes-on-books.epub"])
        try EPUBCheck.expectClean(folder.appendingPathComponent("field-notes-on-books.epub"))
    }

    @Test func readsStandardInput() throws {
        let folder = TestPaths.temporaryFolder()
        let result = bookify(["-", "-o", "stdin.epub", "--title", "From a pipe"], stdin: try Data(contentsOf: URL(fileURLWithPath: sample)),
                             in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("stdin.epub"))
        let book = try BookInspector(folder.appendingPathComponent("stdin.epub"))
        #expect(book.dublinCore("title").map(\.text) == ["From a pipe"])
    }

    @Test func overridesTitleAuthorAndLanguage() throws {
        let folder = TestPaths.temporaryFolder()
        let result = bookify([sample, "-o", "b.epub", "--title", "T", "--author", "One", "--author", "Two",
                              "--language", "de"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("b.epub"))
        let book = try BookInspector(folder.appendingPathComponent("b.epub"))
        #expect(book.dublinCore("title").map(\.text) == ["T"] && book.dublinCore("creator").map(\.text) == ["One", "Two"])
        #expect(book.dublinCore("language").map(\.text) == ["de"] && book.package?.attributes["xml:lang"] == "de")
        #expect(book.page("text/title-page.xhtml")?.attributes["xml:lang"] == "de", "the pages speak the language too")
    }

    @Test func aMissingInputExits66AndNamesIt() {
        let result = bookify(["no-such-feed.json", "-o", "x.epub"], in: TestPaths.temporaryFolder())
        #expect(result.status == 66)
        #expect(result.stderr.contains("no-such-feed.json"))
    }

    @Test func malformedJSONExits65WithLineAndColumnAndWritesNothing() throws {
        let folder = TestPaths.temporaryFolder()
        try "{\n  \"title\": \"Broken\",\n  \"items\": [\n    {\"id\": \"1\" \"title\": \"x\"}\n  ]\n}\n"
            .write(to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        let result = bookify(["broken.json", "-o", "book.epub"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.json:4:16:"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.json"])
    }

    @Test func aFailedRunLeavesAnExistingBookUntouched() throws {
        let folder = TestPaths.temporaryFolder()
        let existing = folder.appendingPathComponent("book.epub")
        try Data("previous book".utf8).write(to: existing)
        try "{\"items\": [}".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let result = bookify(["bad.json", "-o", "book.epub"], in: folder)
        #expect(result.status == 65)
        #expect(try Data(contentsOf: existing) == Data("previous book".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.json", "book.epub"])
    }

    @Test func anOutputThatCannotBeCreatedExits73() {
        let result = bookify([sample, "-o", "/nonexistent-folder/book.epub"], in: TestPaths.temporaryFolder())
        #expect(result.status == 73)
        #expect(result.stderr.contains("/nonexistent-folder/book.epub"))
    }

    @Test func aTemplateThatBreaksTheBookExits65() throws {
        let folder = TestPaths.temporaryFolder()
        try "{{<layout}}{{$content}}<p>{{title}}{{/content}}{{/layout}}"
            .write(to: folder.appendingPathComponent("post.mustache"), atomically: true, encoding: .utf8)
        let result = bookify([sample, "-o", "b.epub", "--templates", folder.path], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("post.mustache"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.epub").path))
    }

    @Test(arguments: [
        ["x.json", "-o", "book.docx"],
        ["x.json", "--language", "not a tag"],
        ["x.json", "--toc-depth", "9"],
        ["x.json", "--order", "sideways"],
        ["x.json", "--jobs", "0"],
        ["--no-such-flag"],
    ])
    func usageErrorsExit64(arguments: [String]) {
        #expect(bookify(arguments, in: TestPaths.temporaryFolder()).status == 64)
    }

    @Test func aFeedWithoutPostsOrFiltersThatLeaveNoneAreRefused() throws {
        let folder = TestPaths.temporaryFolder()
        try #"{"title": "Empty", "items": []}"#.write(to: folder.appendingPathComponent("empty.json"), atomically: true, encoding: .utf8)
        let empty = bookify(["empty.json", "-o", "e.epub"], in: folder)
        #expect(empty.status == 65 && empty.stderr.contains("empty.json: no posts in it"), "\(empty.stderr)")
        let filtered = bookify([sample, "-o", "f.epub", "--tag", "no-such-tag"], in: folder)
        #expect(filtered.status == 65 && filtered.stderr.contains("no post is left"), "\(filtered.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["empty.json"])
    }

    @Test func aFolderWithoutPostsIsRefusedClearly() {
        let empty = TestPaths.temporaryFolder()
        let result = bookify([empty.path, "-o", "b.epub"], in: TestPaths.temporaryFolder())
        #expect(result.status == 65)
        #expect(result.stderr.contains("no Markdown posts"))
    }
}

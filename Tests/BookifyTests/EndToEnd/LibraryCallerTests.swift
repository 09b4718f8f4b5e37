@testable import BookifyCore
import Foundation
import Testing

/// A Swift caller of `BookBuilder` gets what the command line gets: bookify.yml under its
/// settings, the writer chosen from the output name, `--strict` and `--toc-depth`.
@Suite struct LibraryCallerTests {
    private func feed(in folder: URL, _ content: String = "<p>Text with <img src=\"/gone.png\" alt=\"gone\">.</p><h2>A</h2><h3>B</h3>") throws -> URL {
        let feed = folder.appendingPathComponent("feed.json")
        let item: [String: Any] = ["id": "1", "url": "https://lib.example/one/", "title": "One", "content_html": content,
                                   "date_published": "2026-01-01T00:00:00Z"]
        try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "title": "Lib",
                                                    "items": [item]]).write(to: feed)
        return feed
    }

    @Test func theConfigurationFileIsUnderTheCallersSettingsAndSetsTheContentsDepth() async throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder)
        try "title: From the file\ntoc-depth: 3\noutput: from-file.epub\n".write(to: folder.appendingPathComponent("bookify.yml"),
                                                                              atomically: true, encoding: .utf8)
        let request = try BuildRequest(inputs: [input.path], workingDirectory: folder) { settings in
            settings.offline = true
            settings.subtitle = "From the caller"
        }
        #expect(request.settings.title == "From the file" && request.settings.subtitle == "From the caller")
        #expect(request.settings.tocDepth == 3 && request.outputs == [folder.appendingPathComponent("from-file.epub").path])
        let output = folder.appendingPathComponent("book.epub")
        var explicit = request
        explicit.outputs = [output.path]
        let result = try await BookBuilder.build(explicit)
        #expect(result.written == [output.path])
        let nav = try #require(try BookInspector(output).archive["OEBPS/nav.xhtml"]?.text)
        #expect(nav.contains(">B</a>"), "toc-depth 3 lists the h3")
    }

    @Test func theWriterComesFromTheOutputName() throws {
        #expect(try BookFormat(outputPath: "a/Book.EPUB") == .epub)
        #expect(try BookFormat(outputPath: "b.pdf") == .pdf)
        #expect(throws: BookifyError.usage("Cannot tell the format of 'c.mobi': the output must end in .epub, .kepub.epub or .pdf.")) {
            try BookFormat(outputPath: "c.mobi")
        }
        #expect(throws: BookifyError.self) { try BuildRequest(inputs: ["feed.json"], outputs: ["book.mobi"]) }
        #expect(try BookBuilder().writer(for: "x.epub") is EPUBWriter)
        #expect(try BookBuilder().writer(for: "x.pdf") is PDFWriter)
    }

    @Test func strictFailsBeforeAnythingIsWritten() async throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder)
        let output = folder.appendingPathComponent("strict.epub")
        let request = try BuildRequest(inputs: [input.path], outputs: [output.path], workingDirectory: folder) { settings in
            settings.offline = true
            settings.strict = true
        }
        var reviewed = false
        do {
            _ = try await BookBuilder.build(request, review: { content in reviewed = content.missingImages.count == 1 })
            Issue.record("a strict build with a missing image succeeded")
        } catch {
            guard case .invalidInput(_, _, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason == "1 image could not be embedded, and --strict makes that an error")
        }
        #expect(reviewed, "the caller saw the warning before the build failed")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

/// cmark-gfm parses on every core with no lock and loses no markup.
@Suite struct ConcurrentMarkdownTests {
    @Test func parsersOnEveryCoreKeepStrikethroughAutolinksAndTables() async {
        #expect(MarkdownInlineCharacters.isInterposed, "the executable exports the cmark-gfm symbol bookify replaces")
        let markdown = (1...40).map { "Line \($0) ~~gone~~ and www.site\($0).example and a|b\n" }.joined(separator: "\n")
            + "\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let expected = MarkdownRenderer().render(markdown)
        #expect(expected.components(separatedBy: "<del>").count == 41 && expected.contains("<table>"))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<400 { group.addTask { MarkdownRenderer().render(markdown) } }
            var results: [String] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.allSatisfy { $0 == expected }, "\(results.filter { $0 != expected }.count) of 400 parses differ")
    }
}

/// DESIGN §3: only the EPUB writer (and its templates) knows EPUB file names and attributes.
@Suite struct ArchitectureTests {
    @Test func noCodeOutsideTheEPUBWriterNamesEPUBFilesPathsOrAttributes() throws {
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/EPUB/") } ?? []
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for pattern in [".xhtml", "../images/", "epub:type", "xmlns:epub"] {
                #expect(!text.contains(pattern), "\(file.lastPathComponent) names \(pattern)")
            }
        }
    }
}

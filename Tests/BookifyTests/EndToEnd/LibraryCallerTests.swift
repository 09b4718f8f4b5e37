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
            settings.input.offline = true
            settings.planning.subtitle = "From the caller"
        }
        #expect(request.settings.planning.title == "From the file" && request.settings.planning.subtitle == "From the caller")
        #expect(request.settings.planning.tocDepth == 3 && request.outputs.map(\.path) == [folder.appendingPathComponent("from-file.epub").path])
        let output = folder.appendingPathComponent("book.epub")
        var explicit = request
        explicit.outputs = [try OutputBook(path: output.path)]
        let result = try await BookBuilder.build(explicit)
        #expect(result.written == [output.path])
        #expect(try BookInspector(output).navTitles.contains("B"), "toc-depth 3 lists the h3")
    }

    @Test func theWriterComesFromTheOutputName() throws {
        #expect(try OutputBook(path: "a/Book.EPUB").format == .epub)
        #expect(try OutputBook(path: "b.pdf").format == .pdf)
        #expect(try OutputBook(path: "c.KEPUB.epub").format == .kepub)
        #expect(throws: BookifyError.usage("Cannot tell the format of 'c.mobi': the output must end in .epub, .kepub.epub or .pdf.")) {
            try OutputBook(path: "c.mobi")
        }
        #expect(throws: BookifyError.self) { try BuildRequest(inputs: ["feed.json"], outputs: ["book.mobi"]) }
        #expect(try BookBuilder().writer(for: .epub) is EPUBWriter)
        #expect(try BookBuilder().writer(for: .pdf) is PDFWriter)
    }

    /// The builder prepares what the writers ask for: an EPUB shows a drawn cover, a PDF none.
    @Test func aCoverIsDrawnOnlyForAWriterThatShowsIt() async throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder)
        func content(of output: String) async throws -> BookContent {
            let request = try BuildRequest(inputs: [input.path], outputs: [folder.appendingPathComponent(output).path],
                                           workingDirectory: folder) { $0.input.offline = true }
            return try await BookBuilder.build(request).content
        }
        #expect(try await content(of: "book.pdf").drawnCover == nil)
        let drawn = try #require(try await content(of: "book.epub").drawnCover)
        #expect(drawn.type == .png && ImageSize.read(drawn.bytes, type: .png).map { [$0.width, $0.height] } == [1600, 2560])
    }

    /// fontconfig's first query costs more than converting a small blog: an EPUB without a
    /// drawn cover never makes it (FC_DEBUG=1024 prints each configuration file it loads).
    @Test func anEPUBWithoutADrawnCoverNeverLoadsFontconfig() throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder).path
        let environment = ["FC_DEBUG": "1024", "XDG_CACHE_HOME": folder.path]
        let plain = Shell.run(TestPaths.bookifyBinary.path, [input, "--offline", "--cover", "none", "-o", "plain.epub", "-q"],
                              in: folder, environment: environment)
        #expect(plain.status == 0 && !plain.stdout.contains("Loading config file") && !plain.stderr.contains("Loading config file"))
        let drawn = Shell.run(TestPaths.bookifyBinary.path, [input, "--offline", "-o", "drawn.epub", "-q"], in: folder, environment: environment)
        #expect(drawn.status == 0 && (drawn.stdout + drawn.stderr).contains("Loading config file"), "the check sees fontconfig when it loads")
    }

    /// A drawn cover is kept: the next build of the same blog takes the same bytes from the
    /// cache and draws nothing; another title is drawn anew; a damaged kept cover is drawn again.
    @Test func aDrawnCoverIsKeptForTheNextBuildOfTheSameBlog() throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder).path
        let environment = ["FC_DEBUG": "1024", "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        func build(_ name: String, _ extra: [String] = []) throws -> (cover: Data?, drewIt: Bool) {
            let result = Shell.run(TestPaths.bookifyBinary.path, [input, "--offline", "-o", name, "-q"] + extra, in: folder, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return (try EPUBArchive(folder.appendingPathComponent(name))["OEBPS/images/cover.png"]?.data,
                    (result.stdout + result.stderr).contains("Loading config file"))
        }
        let first = try build("first.epub")
        let second = try build("second.epub")
        #expect(first.drewIt && !second.drewIt, "the second build takes the kept cover")
        #expect(first.cover != nil && first.cover == second.cover)
        let kept = try #require(FileManager.default.enumerator(atPath: folder.appendingPathComponent("cache/bookify/covers").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".bin") })
        #expect(kept.count == 1)

        let retitled = try build("retitled.epub", ["--title", "Another"])
        #expect(retitled.drewIt && retitled.cover != first.cover)
        try Data("not a png".utf8).write(to: folder.appendingPathComponent("cache/bookify/covers").appendingPathComponent(kept[0]))
        let redrawn = try build("redrawn.epub")
        #expect(redrawn.drewIt && redrawn.cover == first.cover, "a damaged kept cover is drawn again, the same")
    }

    @Test func strictFailsBeforeAnythingIsWritten() async throws {
        let folder = TestPaths.temporaryFolder()
        let input = try feed(in: folder)
        let output = folder.appendingPathComponent("strict.epub")
        let request = try BuildRequest(inputs: [input.path], outputs: [output.path], workingDirectory: folder) { settings in
            settings.input.offline = true
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

/// The rules of docs/ARCHITECTURE.md that code can break without a test noticing otherwise.
@Suite struct ArchitectureTests {
    private let sources = TestPaths.packageRoot.appendingPathComponent("Sources")

    /// Every Swift file under Sources/, with its path relative to it.
    private func swiftFiles() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { (String($0.path.dropFirst(sources.path.count + 1)), try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// Only the EPUB writer (and its templates) knows EPUB file names and attributes.
    @Test func onlyTheEPUBWriterNamesEPUBFilesPathsOrAttributes() throws {
        let files = try swiftFiles().filter { !$0.path.contains("/EPUB/") }
        #expect(files.count > 50)
        for (path, text) in files {
            for pattern in [".xhtml", "../images/", "epub:type", "xmlns:epub", "OEBPS/"] {
                #expect(!text.contains(pattern), "\(path) names \(pattern)")
            }
        }
    }

    /// Each C library is seen by the files of one folder, which give the rest Swift types.
    @Test func eachCLibraryIsImportedInOneFolderOnly() throws {
        var folders: [String: Set<String>] = [:]
        for (path, text) in try swiftFiles() {
            for line in text.split(separator: "\n") where line.hasPrefix("import C") && !line.hasPrefix("import Crypto") {
                let module = String(line.dropFirst("import ".count).prefix { $0.isLetter || $0.isNumber })
                folders[module, default: []].insert(path.components(separatedBy: "/").dropLast().joined(separator: "/"))
            }
        }
        #expect(Set(folders.keys) == ["CCmarkGFM", "CCurl", "CHyphen", "CLibXML2", "CLibZip", "CPangoCairo"])
        for (module, places) in folders { #expect(places.count == 1, "\(module) is imported in \(places.sorted())") }
        #expect(folders["CPangoCairo"] == ["BookifyCore/Graphics"])
        // libcurl, librsvg and GdkPixbuf are opened when first used, all through one type.
        let opening = try swiftFiles().filter { $0.text.contains("dlopen(") }.map(\.path)
        #expect(opening == ["BookifyCore/Support/SharedLibrary.swift"])
        #expect(folders["CCurl"] == ["BookifyCore/Network"])
    }

    /// A format is told once from the output's name; the builder asks writers what they need.
    @Test func formatsAreToldInOnePlaceAndNoCodeAsksIsEPUB() throws {
        for (path, text) in try swiftFiles() {
            #expect(!text.contains("isEPUB") && !text.contains("BookFormat(outputPath"), "\(path)")
            if path != "BookifyCore/BookWriter.swift" {
                #expect(!text.contains("case \"pdf\"") && !text.contains("\"kepub\"") && !text.contains("[\"epub\", \"pdf\"]"),
                        "\(path) tells a format from a name")
            }
        }
    }
}

@testable import BookifyCore
import Foundation
import Testing

@Suite struct BookConfigurationTests {
    private func load(_ yaml: String, in folder: URL = TestPaths.temporaryFolder()) throws -> BookConfiguration {
        let file = folder.appendingPathComponent("bookify.yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try BookConfiguration.load(file)
    }

    private func error(_ yaml: String) -> (location: BookifyCore.SourceLocation?, reason: String)? {
        do {
            _ = try load(yaml)
            return nil
        } catch let BookifyError.invalidInput(_, location, reason) {
            return (location, reason)
        } catch {
            return nil
        }
    }

    @Test func readsTheImageAndNetworkSettings() throws {
        let configuration = try load("""
        assets: site
        base-url: http://127.0.0.1:8080/mirror/
        cache-dir: .cache
        offline: true
        strict: true
        drafts: true
        connect-timeout: 2.5
        timeout: 30
        size-limit: 5
        cover: https://blog.example/cover.jpg
        """)
        let settings = configuration.settings
        let folder = configuration.file.deletingLastPathComponent()
        #expect(settings.assets.folder?.path == folder.appendingPathComponent("site").path)
        #expect(settings.assets.baseURL?.absoluteString == "http://127.0.0.1:8080/mirror/")
        #expect(settings.assets.cacheFolder?.path == folder.appendingPathComponent(".cache").path)
        #expect(settings.input.offline && settings.strict && settings.input.includeDrafts)
        #expect(settings.input.http.connectTimeout == 2.5 && settings.assets.http.connectTimeout == 2.5)
        #expect(settings.input.http.totalTimeout == 30 && settings.assets.http.totalTimeout == 30)
        #expect(settings.assets.http.maximumBytes == 5 * 1024 * 1024)
        #expect(settings.cover?.absoluteString == "https://blog.example/cover.jpg")
        #expect(error("base-url: ftp://x.example/")?.reason == "'ftp://x.example/' is not an http or https URL")
        #expect(error("timeout: 0")?.location?.line == 1)
    }

    @Test func readsEverySetting() throws {
        let configuration = try load("""
        input: feed.json
        output: [book.epub]
        title: My Blog
        subtitle: Collected
        author: [Ada, Bob]
        language: de_DE
        publisher: Me
        identifier: urn:isbn:123
        cover: cover.png
        css: book.css
        templates: templates
        content-format: markdown
        group-by: series
        order: newest-first
        tags: go
        exclude-tags: [draft]
        since: 2020-01-01
        until: 2020-12-31
        limit: 10
        toc-depth: 3
        chapters:
          - title: Go
            tags: [go, golang]
          - title: Notes
            urls: "*/notes/*"
            section: notes
          - rest: true
        """)
        let folder = configuration.file.deletingLastPathComponent().path
        #expect(configuration.inputs == [folder + "/feed.json"])
        #expect(configuration.outputs == [folder + "/book.epub"])
        let settings = configuration.settings
        #expect(settings.planning.title == "My Blog" && settings.planning.subtitle == "Collected" && settings.planning.authors == ["Ada", "Bob"])
        #expect(settings.planning.language == "de-DE" && settings.planning.publisher == "Me" && settings.planning.identifier == "urn:isbn:123")
        #expect(settings.cover?.path == folder + "/cover.png" && settings.epub.stylesheet?.path == folder + "/book.css")
        #expect(settings.content.contentFormat == .markdown && settings.planning.groupBy == .series && settings.planning.order == .newestFirst)
        #expect(settings.planning.filter.tags == ["go"] && settings.planning.filter.excludedTags == ["draft"] && settings.planning.filter.limit == 10)
        #expect(settings.planning.filter.since.map(FeedDate.day) == "2020-01-01" && settings.planning.filter.until.map(FeedDate.day) == "2020-12-31")
        #expect(configuration.settings.planning.tocDepth == 3)
        #expect(settings.planning.chapters == [
            ChapterSpec(title: "Go", tags: ["go", "golang"]),
            ChapterSpec(title: "Notes", sections: ["notes"], urlPatterns: ["*/notes/*"]),
            ChapterSpec(rest: true),
        ])
    }

    @Test func readsThePDFPageSettings() throws {
        let pages = try load("page-size: a5\nmargins: 20mm 15mm\nfont-size: 10.5\n").settings.pdf
        #expect(pages.pageSize == PageSize(width: 420, height: 595))
        #expect(pages.margins == PageMargins(top: 20 * 72 / 25.4, outer: 15 * 72 / 25.4, bottom: 20 * 72 / 25.4, inner: 15 * 72 / 25.4))
        #expect(pages.fontSize == 10.5)
        #expect(try load("page-size: 5.5inx8.5in\n").settings.pdf.pageSize == PageSize(width: 396, height: 612))
        let problem = try #require(error("title: x\npage-size: tabloid\n"))
        #expect(problem.location == BookifyCore.SourceLocation(line: 2, column: 12))
        #expect(problem.reason.contains("a page size is a4, a5"), "\(problem.reason)")
        #expect(error("margins: 1,2,3\n")?.reason.contains("one, two or four lengths") == true)
        #expect(error("font-size: 3\n")?.reason.contains("6 to 24") == true)
    }

    @Test func anEmptyFileIsAnEmptyConfiguration() throws {
        #expect(try load("# nothing yet\n").settings.planning.title == nil)
    }

    @Test func unknownKeysNameTheKeyLineAndColumn() throws {
        let problem = try #require(error("title: x\ngroup_by: tag\n"))
        #expect(problem.location == BookifyCore.SourceLocation(line: 2, column: 1))
        #expect(problem.reason.contains("unknown setting 'group_by'"))
        let nested = try #require(error("chapters:\n  - title: Go\n    tag: go\n"))
        #expect(nested.location == BookifyCore.SourceLocation(line: 3, column: 5))
        #expect(nested.reason.contains("unknown chapter setting 'tag'"))
    }

    @Test(arguments: [
        ("limit: ten\n", 1, 8, "whole number"),
        ("toc-depth: 9\n", 1, 12, "from 1 to 6"),
        ("group-by: topic\n", 1, 11, "not one of"),
        ("since: last year\n", 1, 8, "not a date"),
        ("title: [a, b]\n", 1, 8, "text value"),
        ("language: English UK\n", 1, 11, "language tag"),
        ("chapters: Go\n", 1, 11, "must be a list"),
        ("chapters:\n  - title: Empty\n", 2, 5, "selects no posts"),
        ("chapters:\n  - rest: maybe\n", 2, 11, "true or false"),
    ])
    func wrongTypesNameTheKeyLineAndColumn(yaml: String, line: Int, column: Int, message: String) throws {
        let problem = try #require(error(yaml))
        #expect(problem.location == BookifyCore.SourceLocation(line: line, column: column))
        #expect(problem.reason.contains(message), "\(problem.reason)")
    }

    @Test func brokenYAMLIsReportedWithItsPosition() throws {
        let problem = try #require(error("title: \"unterminated\nauthor: x\n"))
        #expect(problem.location != nil)
        #expect(problem.reason.hasPrefix("invalid YAML"))
    }

    @Test func isFoundBesideTheInputOrInTheWorkingFolder() throws {
        let folder = TestPaths.temporaryFolder()
        let inputFolder = folder.appendingPathComponent("blog")
        try FileManager.default.createDirectory(at: inputFolder, withIntermediateDirectories: true)
        try "title: beside".write(to: inputFolder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        try "title: here".write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        let beside = try BookConfiguration.locate(explicit: nil, inputs: [inputFolder.appendingPathComponent("feed.json").path],
                                                  workingDirectory: folder)
        #expect(beside?.path == inputFolder.appendingPathComponent("bookify.yml").path)
        let here = try BookConfiguration.locate(explicit: nil, inputs: ["-"], workingDirectory: folder)
        #expect(here?.path == folder.appendingPathComponent("bookify.yml").path)
        #expect(throws: BookifyError.inputNotFound(path: "/no/such.yml")) {
            _ = try BookConfiguration.locate(explicit: "/no/such.yml", inputs: [], workingDirectory: folder)
        }
    }

    // MARK: The one table of settings

    @Test func everySettingsExampleIsReadFromAFileAndChangesTheSettings() throws {
        for setting in Setting.all {
            let configuration = try load("\(setting.key): \(setting.example)\n")
            #expect(configuration.settings.changed(from: BookSettings()), "\(setting.key): \(setting.example) changed nothing")
        }
    }

    @Test func aValueIsReadAlikeFromTheCommandLineAndTheFile() throws {
        let folder = TestPaths.temporaryFolder()
        for setting in Setting.all where setting.form != .flag {
            let example = setting.example.trimmingCharacters(in: CharacterSet(charactersIn: "\"[]"))
            var fromFlag = BookSettings()
            try Setting.apply([setting.key: .text(example)], to: &fromFlag, paths: SettingPaths(folder: folder))
            let fromFile = try load("\(setting.key): \"\(example)\"\n", in: folder).settings
            #expect(fromFlag.dump == fromFile.dump, "\(setting.key)")
        }
    }

    @Test func rangesAreCheckedOnceForTheFileAndTheCommandLine() throws {
        #expect(error("per-host: 17\n")?.reason == "expected a whole number from 1 to 16")
        let result = Shell.bookify(["inspect", "feed.json", "--per-host", "17"], in: TestPaths.temporaryFolder())
        #expect(result.status == 64 && result.stderr.contains("--per-host: expected a whole number from 1 to 16."), "\(result.stderr)")
        #expect(error("delay: -1\n")?.reason == "expected seconds from 0 to 600")
        #expect(throws: SettingError.self) { var settings = BookSettings(); try Setting.apply(["delay": .text("601")], to: &settings) }
    }

    @Test func everySettingIsAFlagOfBuildWithTheTablesHelp() throws {
        let help = Shell.bookify(["build", "--help"], in: TestPaths.temporaryFolder()).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for setting in Setting.all {
            #expect(help.contains(setting.flag + " ") || help.contains(setting.flag + "\n"), "\(setting.flag) is not an option of build")
            let start = setting.help.split(separator: " ").prefix(6).joined(separator: " ")
            #expect(help.contains(start), "\(setting.flag)'s help is not the table's: \(start)")
        }
        #expect(help.contains("--strict") && help.contains("--archive"))
    }

    @Test func theSettingsSiteAddressesTakeAreKeysOfTheFileToo() throws {
        let settings = try load("latest: 10\nfull-text: always\nper-host: 2\ndelay: 1.5\nfeed-only: true\n").settings
        #expect(settings.input.site.latest == 10 && settings.planning.filter.limit == 10)
        #expect(settings.input.site.fullText == .always, "full-text wins over what feed-only implies, in the table's order")
        #expect(!settings.input.site.history && settings.input.site.perHost == 2 && settings.input.site.delay == 1.5)
    }
}

private extension BookSettings {
    /// The settings as text, to compare two of them (`BookSettings` is not `Equatable`).
    var dump: String { String(describing: self) }

    func changed(from other: BookSettings) -> Bool { dump != other.dump }
}

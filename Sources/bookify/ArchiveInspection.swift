import ArgumentParser
import BookifyCore
import Foundation

/// `bookify archive list`: every post, with when it was first and last seen.
struct ArchiveList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the archived posts: first seen, last seen, versions, missing images.")

    @OptionGroup
    var location: ArchiveLocation

    func run() async throws {
        do {
            let posts = try location.open().postSummaries()
            var source: String?
            for post in posts {
                if post.source != source {
                    print((source == nil ? "" : "\n") + post.source)
                    print("  FIRST SEEN               LAST SEEN                VERSIONS  MISSING IMAGES  TITLE")
                    source = post.source
                }
                let columns = [Archive.timestamp(post.firstSeen).padding(toLength: 25, withPad: " ", startingAt: 0),
                               Archive.timestamp(post.lastSeen).padding(toLength: 25, withPad: " ", startingAt: 0),
                               String(post.versions).padding(toLength: 10, withPad: " ", startingAt: 0),
                               String(post.missingImages).padding(toLength: 16, withPad: " ", startingAt: 0)]
                print("  " + columns.joined() + post.title)
            }
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

/// `bookify archive stats`: what the archive holds and how big it is.
struct ArchiveStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count what the archive holds.")

    @OptionGroup
    var location: ArchiveLocation

    func run() async throws {
        do {
            let archive = try location.open()
            let stats = try archive.statistics()
            let span = stats.firstFetch.map { "\(Archive.timestamp($0)) to \(Archive.timestamp(stats.lastFetch ?? $0))" } ?? "none yet"
            print("""
                \(archive.path): \(readableSize(stats.fileBytes))
                  blogs            \(stats.sources)
                  fetches          \(stats.fetches) (\(span))
                  posts            \(stats.posts), in \(stats.versions) versions
                  images           \(stats.images), \(readableSize(stats.imageBytes)); \(stats.missingImages) references missing
                  feeds as fetched \(readableSize(stats.rawFeedBytes)) (\(readableSize(stats.rawFeedBytesUncompressed)) uncompressed)
                  books built      \(stats.builds)
                """)
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

/// `bookify archive check`: exit 0 when the archive is sound.
struct ArchiveCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the archive's integrity: exit 0 when sound, 65 with each problem otherwise.")

    @OptionGroup
    var location: ArchiveLocation

    func run() async throws {
        let problems: [String]
        let archive: Archive
        do {
            archive = try location.open()
            problems = try archive.problems()
        } catch {
            throw ErrorReport.exit(for: error)
        }
        guard problems.isEmpty else {
            for problem in problems { printError("bookify: \(archive.path): \(problem)") }
            throw ExitCode(65)
        }
        let stats = try? archive.statistics()
        print("\(archive.path): sound" + (stats.map { " (\($0.posts) posts, \($0.versions) versions, \($0.images) images)" } ?? ""))
    }
}

/// `bookify archive export --format jsonfeed|markdown DIR`: the archive in open formats.
struct ArchiveExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the archive as a JSON Feed or a Markdown site (with its images) that bookify builds the same book from.")

    @Argument(help: "A new or empty folder to write into.")
    var folder: String

    @Option(help: "jsonfeed (a JSON Feed 1.1 per blog) or markdown (a Hugo-style site per blog).")
    var format: ExportFormatOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The blogs as they were then (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ).", valueName: "date"))
    var asOf: String?

    private var given: [String: SettingInput] { .init(given: ["as-of": asOf]) }

    @OptionGroup
    var location: ArchiveLocation

    func validate() throws {
        var scratch = BookSettings()
        do { try Setting.apply(given, to: &scratch) } catch { throw ValidationError(Setting.message(for: error)) }
    }

    func run() async throws {
        do {
            var settings = try location.settings()
            try? Setting.apply(given, to: &settings)  // checked in validate()
            let archive = try Archive(path: settings.archive!, create: false)
            let exporter = ArchiveExporter(format: format.format, contentFormat: settings.content.contentFormat)
            let summary = try exporter.export(archive, query: ArchiveQuery(asOf: settings.archiveQuery.asOf),
                                              to: URL(fileURLWithPath: folder))
            printError("Exported \(plural(summary.posts, "post")) and \(plural(summary.images, "image")) to \(folder); "
                       + "build them with: bookify \(summary.inputs.joined(separator: " ")) -o book.epub")
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

enum ExportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case jsonfeed, markdown

    var format: ArchiveExporter.Format { self == .jsonfeed ? .jsonfeed : .markdown }
}

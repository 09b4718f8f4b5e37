import ArgumentParser
import BookifyCore
import Foundation

/// `bookify archive …`: keep every post and image a blog ever showed, and look inside.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Keep every post and image of a blog in an archive file, and build books from it.",
        discussion: """
            Run `bookify archive add FEED --archive blog.archive` every day and the archive
            accumulates the whole blog, however few posts the feed lists; build from it with
            `bookify build --archive blog.archive -o blog.epub` (no network needed), as it was
            on a day with --as-of, or just what is new with --new-only.
            """,
        subcommands: [ArchiveAdd.self, ArchiveList.self, ArchiveStats.self, ArchiveCheck.self, ArchiveExport.self])
}

/// The archive a subcommand works on: `--archive FILE`, else `archive:` in bookify.yml.
struct ArchiveLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The archive file (default: archive: in bookify.yml).", valueName: "file"))
    var archive: String?

    @Option(help: "A bookify.yml to read (default: bookify.yml beside the input or in the working folder).")
    var config: String?

    /// The settings of bookify.yml with the archive's path; fails when none is named.
    func settings(inputs: [String] = []) throws(BookifyError) -> BookSettings {
        try Self.settings(archive: archive, config: config, inputs: inputs)
    }

    /// The settings of bookify.yml (`config`, else the one found) with `archive` laid over them.
    static func settings(archive: String?, config: String?, inputs: [String] = []) throws(BookifyError) -> BookSettings {
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var settings = try BookConfiguration.locate(explicit: config, inputs: inputs, workingDirectory: working)
            .map { file throws(BookifyError) in try BookConfiguration.load(file).settings } ?? BookSettings()
        if let archive { settings.archive = archive }
        guard settings.archive != nil else { throw .usage("Name the archive with --archive FILE (or archive: in bookify.yml).") }
        return settings
    }

    /// The archive, which must exist.
    func open() throws(BookifyError) -> Archive {
        try Archive(path: settings().archive!, create: false)
    }
}

/// `bookify archive add INPUT... --archive FILE`: import without building a book.
struct ArchiveAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add what feeds and Markdown folders hold now to the archive (created when new).")

    @Argument(help: "A blog's web address (its home page or a feed), feed files, Markdown folders or .md files, or - for standard input.")
    var inputs: [String] = []

    @OptionGroup
    var location: ArchiveLocation

    @OptionGroup(title: "Web sites")
    var site: SiteOptions

    @OptionGroup(title: "Images")
    var assets: AssetOptions

    @Option(help: Setting.help("content-format")) var contentFormat: ContentFormatOption?
    @Flag(help: ArgumentHelp(Setting.help("drafts").abstract)) var drafts = false

    @Flag(help: "Never use the network: images not on disk stay missing (tried again next time).")
    var offline = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() async throws {
        do {
            var settings = try location.settings(inputs: inputs)
            let given = [String: SettingInput].merging([
                assets.given, site.given, .init(given: ["content-format": contentFormat, "drafts": drafts, "offline": offline]),
            ])
            do { try Setting.apply(given, to: &settings) } catch { throw ValidationError(Setting.message(for: error)) }
            if settings.assets.cacheFolder == nil { settings.assets.cacheFolder = DownloadCache.defaultFolder }
            guard !inputs.isEmpty else { throw BookifyError.usage("Name at least one input to add (a feed file or URL, a Markdown folder, or -).") }
            let archive = try Archive(path: settings.archive!, create: true)
            let importer = ArchiveImporter(archive: archive, settings: settings)
            for input in inputs {
                let result = try await importer.importInput(input)
                if let report = result.site { SiteSummary(report: report).print(quiet: quiet) }
                if !quiet { printError(ImportReport.line(for: result, archive: archive.path)) }
            }
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

/// One line per import: what it added.
enum ImportReport {
    static func line(for result: ArchiveImport, archive: String) -> String {
        if result.offline { return "Archived \(result.input) in \(archive): --offline, so nothing was read; books use what the archive holds." }
        if result.notModified { return "Archived \(result.input) in \(archive): not modified since the last fetch (\(plural(result.postCount, "post")))." }
        var parts = ["\(plural(result.postCount, "post")): \(result.newPosts) new, \(result.newVersions) changed"]
        if result.newImages > 0 { parts.append("\(plural(result.newImages, "image")) added") }
        if result.missingImages > 0 { parts.append("\(plural(result.missingImages, "image")) missing (tried again next time)") }
        return "Archived \(result.input) in \(archive): " + parts.joined(separator: ", ") + "."
    }
}

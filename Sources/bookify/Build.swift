import ArgumentParser
import BookifyCore
import Foundation

/// `bookify build INPUT... -o BOOK.epub` (the default subcommand).
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a book from one or more feeds.")

    @Argument(help: "JSON Feed files to read, or - for standard input. Several are merged.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The book to write (.epub). Default: the book title as a file name.")
    var output: [String] = []

    @OptionGroup(title: "Book")
    var book: BookOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Name at least one input (a feed file, or - for standard input).") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
        for path in output where !path.lowercased().hasSuffix(".epub") {
            if path.lowercased().hasSuffix(".pdf") {
                throw ValidationError("PDF output is not supported yet: '\(path)'. Write an .epub.")
            }
            throw ValidationError("Cannot tell the format of '\(path)': the output must end in .epub.")
        }
        try book.validate()
    }

    func run() async throws {
        var settings = book.settings()
        settings.sourceDate = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
            .flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        var builder = BookBuilder(settings: settings)
        builder.tocDepth = book.tocDepth
        do {
            let writer = try builder.epubWriter()
            let blogs = try builder.read(inputs)
            let planned = builder.plan(blogs)
            let destinations = output.isEmpty ? [planned.suggestedFileName] : output
            let content = await builder.convert(planned)
            for destination in destinations {
                try writer.write(content, to: URL(fileURLWithPath: destination))
                if !quiet {
                    printError("Wrote \(destination): \(planned.posts.count) posts in \(planned.chapters.count) chapter(s).")
                }
            }
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

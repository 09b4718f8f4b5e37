import ArgumentParser
import BookifyCore
import Foundation

/// `bookify init INPUT...`: writes a commented bookify.yml for the blog.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented bookify.yml for a blog, to edit and build with.")

    @Argument(help: "The feeds or Markdown folders the configuration is for.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Where to write it.")
    var output = BookConfiguration.fileName

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() async throws {
        do {
            let destination = URL(fileURLWithPath: output)
            if FileManager.default.fileExists(atPath: destination.path), !force {
                throw BookifyError.outputNotCreatable(path: destination.path, reason: "it exists already (--force replaces it)")
            }
            let builder = BookBuilder()
            let blogs = try await builder.read(inputs)
            let text = ConfigurationTemplate.make(inputs: inputs, blogs: blogs, book: builder.plan(blogs))
            try OutputFile.write(to: destination) { (temporary: URL) throws(BookifyError) in
                guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
                    throw .writeFailed(path: destination.path, reason: "cannot write the file")
                }
            }
            printError("Wrote \(output): edit it, then run bookify with no arguments in its folder.")
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }
}

import ArgumentParser
import BookifyCore

/// `bookify`: turns a blog into a book.
@main
struct Bookify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookify",
        abstract: "Turn a blog into a book.",
        discussion: """
            Reads a blog's feed (JSON Feed, RSS, Atom; a file, a URL or -) or its Markdown
            source folder (Hugo, Jekyll) and writes its posts as an EPUB 3 book, a PDF, or both:
              bookify feed.json -o blog.epub
              bookify feed.json -o blog.epub -o blog.pdf
              bookify https://example.org/index.xml -o blog.epub
              bookify my-hugo-site/ --group-by series
              bookify inspect feed.json          (the plan, without writing a book)
              bookify init feed.json             (a commented bookify.yml to edit)
              bookify feed.json --send-to me@kindle.com --smtp-server smtp.example.com --from me@example.com
              bookify send blog.epub --to me@kindle.com (mail books written before)
              bookify digest --archive blogs.archive  (what is new on the blogs: of bookify.yml)
              bookify serve --archive blogs.archive   (an OPDS catalog of its blogs for e-readers)
              bookify archive add feed.json --archive blog.archive
                                                 (keep every post and image, for later books)
            """,
        // The libraries' versions are added when `--version` is asked for (`main`): naming
        // Pango's opens it, and every run reads this.
        version: "bookify \(BookifyVersion.current)",
        subcommands: [Build.self, Inspect.self, Init.self, Send.self, DigestCommand.self, Serve.self, ArchiveCommand.self],
        defaultSubcommand: Build.self)

    /// ArgumentParser's entry point, after arranging that an interrupted run (Ctrl-C, `kill`)
    /// leaves no temporary file behind.
    static func main() async {
        TemporaryFiles.removeOnSignals()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if buildsBooks(arguments[...]) { Warmup.start(readingAhead: buildsFromFirstArgument(arguments) ? arguments.first : nil) }
        do {
            var command = try parse(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            TemporaryFiles.awaitSignalIfInterrupted()
        } catch where isVersionRequest(error) {
            print(([configuration.version] + BookifyVersion.libraries).joined(separator: "\n"))
        } catch {
            exit(withError: error)
        }
    }

    /// The command `arguments` ask for. A book build without a command name is parsed as
    /// `build`'s arguments straight away: through the root, ArgumentParser would build `build`'s
    /// whole argument set twice more, to see whether the default command takes the rest of the
    /// line (about 2 ms of a 90 ms book). Anything but a clean parse goes through the root,
    /// whose errors, help and usage name the whole command.
    private static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if buildsFromFirstArgument(arguments), let build = try? Build.parseAsRoot(arguments) { return build }
        return try parseAsRoot(arguments)
    }

    /// Whether `arguments` are a book build's that start with its input (`bookify feed.json
    /// -o …`): no command name, no option first.
    private static func buildsFromFirstArgument(_ arguments: [String]) -> Bool {
        guard let first = arguments.first, !first.hasPrefix("-"), subcommand(named: first) == nil else { return false }
        return buildsBooks(arguments[...])
    }

    private static func subcommand(named name: String) -> ParsableCommand.Type? {
        configuration.subcommands.first { $0.configuration.commandName == name }
    }

    /// Whether `arguments` ask for a book to be built (`build`, the default, or `digest`), so
    /// that warming up for it (`Warmup`) beside the parsing pays: not for help, the version or
    /// another command.
    private static func buildsBooks(_ arguments: ArraySlice<String>) -> Bool {
        guard !arguments.contains(where: { ["--help", "-h", "--version", "help"].contains($0) }) else { return false }
        guard let first = arguments.first, let command = subcommand(named: first) else { return true }
        return [ObjectIdentifier(Build.self), ObjectIdentifier(DigestCommand.self)].contains(ObjectIdentifier(command))
    }

    /// Whether `error` is ArgumentParser's way of asking for the version (`--version`).
    private static func isVersionRequest(_ error: any Error) -> Bool {
        exitCode(for: error) == .success && fullMessage(for: error) == configuration.version
    }
}

import ArgumentParser
import BookifyCore
import BookifyServer
import Foundation
import Logging

/// `bookify serve`: an archive's blogs as an OPDS catalog and a web page, for e-readers.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve an archive's blogs as books: an OPDS catalog for e-reader apps and a page for browsers.",
        discussion: """
            The OPDS 1.2 catalog is at /opds (every blog's full book, the newest posts as one \
            book, search by title); / is a page listing the same books. Books are built from the \
            archive when asked for and kept until an import changes it; a Kobo (by its browser's \
            User-Agent) gets a KEPUB, other readers an EPUB, or ask with ?format=epub|kepub. The \
            server only reads: nothing a request says reaches the file system or the network. It \
            listens on 127.0.0.1 unless --host names another address, which needs --token (or \
            BOOKIFY_SERVE_TOKEN): readers then give it as the password of their catalog login, \
            or as ?token= in the catalog's address.
              bookify serve --archive blogs.archive
              bookify serve --archive ~/archives/ --host 0.0.0.0 --port 8080 --token "$(openssl rand -hex 16)"
            """)

    @Option(help: ArgumentHelp("The archive file, or a folder of archives (default: archive: in bookify.yml).", valueName: "file|dir"))
    var archive: String?

    @Option(help: "A bookify.yml whose settings the books are built with (default: bookify.yml in this folder, if there is one).")
    var config: String?

    @Option(help: "The address to listen on; other than loopback it needs --token.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: ArgumentHelp("The token readers must give (default: BOOKIFY_SERVE_TOKEN).", valueName: "token"))
    var token: String?

    @Option(help: "The catalog's title, as readers list it.")
    var title = "bookify"

    @Option(help: ArgumentHelp("How many of the newest posts the newest-posts book holds.", valueName: "n"))
    var newest = 50

    @Option(name: .customLong("max-builds"), help: ArgumentHelp("Books built at once; four times as many wait, the rest are asked to come back (503).", valueName: "n"))
    var maxBuilds = 2

    @Flag(name: .shortAndLong, help: "Log only errors, not a line per request.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535.") }
        guard newest > 0 else { throw ValidationError("--newest takes a number of posts, 1 or more.") }
        guard maxBuilds > 0 else { throw ValidationError("--max-builds takes 1 or more.") }
        if let token = givenToken, token.count < 8 || token.contains(where: { $0.isWhitespace }) {
            throw ValidationError("The token must be at least 8 characters, without spaces.")
        }
        if !Self.isLoopback(host), givenToken == nil {
            throw ValidationError("Serving on \(host), beyond this machine, needs a token: --token TOKEN (or BOOKIFY_SERVE_TOKEN).")
        }
    }

    private var givenToken: String? { token ?? ProcessInfo.processInfo.environment["BOOKIFY_SERVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    func run() async throws {
        let logger = Self.logger(quiet: quiet)
        do {
            let settings = try ArchiveLocation.settings(archive: archive, config: config)
            let path = settings.archive!
            let library = try CatalogLibrary(path: path) { file, error in
                logger.notice("skipped \(file): \(ErrorReport.message(for: error))")
            }
            var limits = BookShelf.Limits()
            (limits.builds, limits.waiting) = (maxBuilds, maxBuilds * 4)
            let shelf = BookShelf(settings: settings, newestCount: newest, limits: limits)
            let service = CatalogService(library: library, shelf: shelf, title: title, newestCount: newest, token: givenToken)
            var server = CatalogServer.Configuration()
            (server.host, server.port) = (host, port)
            let blogs = try library.catalog().blogs.count
            try await CatalogServer(service: service, configuration: server, logger: logger).run { host, port in
                let address = host.contains(":") ? "[\(host)]" : host
                printError("Serving \(plural(blogs, "blog")) of \(path) at http://\(address):\(port)/ (OPDS: http://\(address):\(port)/opds). Ctrl-C stops.")
            }
        } catch let error as BookifyError {
            throw ErrorReport.exit(for: error)
        } catch {
            printError("bookify: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(69)
        }
    }

    /// One line per request on standard error; with `quiet`, only errors.
    private static func logger(quiet: Bool) -> Logger {
        var logger = Logger(label: "bookify.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = quiet ? .error : .info
        return logger
    }
}

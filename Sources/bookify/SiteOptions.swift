import ArgumentParser
import BookifyCore
import Foundation

/// Options for a blog named by its web address: how much of its history, full text, and how
/// politely it is read.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read only the newest N posts of the blog's history (and put only those in the book).", valueName: "n"))
    var latest: Int?

    @Flag(help: "Read just the feed the address is or names: no older feed pages, no sitemap, no post pages (unless --full-text says so).")
    var feedOnly = false

    @Option(help: ArgumentHelp("When a post is read from its own page: auto (when the feed holds an excerpt, and for posts only the sitemap names), always, or never (default: auto).",
                               valueName: "when"))
    var fullText: FullTextMode?

    @Option(help: ArgumentHelp("The most requests open at once to one host (default 4).", valueName: "n"))
    var perHost: Int?

    @Option(help: ArgumentHelp("Seconds between two requests to one host (default 0; a Crawl-delay in robots.txt makes it longer).", valueName: "seconds"))
    var delay: Double?

    func validate() throws {
        if let latest, latest < 1 { throw ValidationError("--latest takes a number of posts, 1 or more, not \(latest).") }
        if let perHost, !(1...16).contains(perHost) { throw ValidationError("--per-host takes a number of requests from 1 to 16, not \(perHost).") }
        if let delay, !(delay >= 0 && delay <= 600) { throw ValidationError("--delay takes seconds from 0 to 600.") }
    }

    /// Applies the options given on the command line over `settings` (after the planning
    /// options: `--since` also ends the history there).
    func apply(to settings: inout BookSettings) {
        if let latest {
            settings.site.latest = latest
            settings.filter.limit = settings.filter.limit.map { min($0, latest) } ?? latest
        }
        if feedOnly {
            settings.site.history = false
            settings.site.fullText = .never
        }
        if let fullText { settings.site.fullText = fullText }
        if let perHost { settings.site.perHost = perHost }
        if let delay { settings.site.delay = delay }
        settings.site.since = settings.filter.since
    }
}

extension FullTextMode: ExpressibleByArgument {}

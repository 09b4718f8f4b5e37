import ArgumentParser
import BookifyCore
import Foundation

/// Options that choose and order the posts and shape the chapters.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Chapters by auto, series, tag, section, year or none (default: auto).")
    var groupBy: GroupingRule?

    @Option(help: "Post order: oldest-first (default) or newest-first.")
    var order: PostOrder?

    @Option(name: .customLong("tag"), help: "Keep only posts with this tag; repeat for several.")
    var tags: [String] = []

    @Option(name: .customLong("exclude-tag"), help: "Leave out posts with this tag; repeat for several.")
    var excludedTags: [String] = []

    @Option(help: "Keep posts from this day on (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Keep posts up to this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Keep only the newest N posts.")
    var limit: Int?

    @Option(help: "How deep the table of contents goes: 1 lists posts, 2 adds their sections, up to 6 (default 2).")
    var tocDepth: Int?

    @Option(help: "How to read feed HTML that may be Markdown: auto, markdown or html.")
    var contentFormat: ContentFormatOption?

    @Flag(help: "Markdown sites: include drafts.")
    var drafts = false

    @Flag(help: "Never use the network.")
    var offline = false

    @Option(help: "Seconds to wait for a server to connect or send more (default: 10 for feeds, 5 for images).")
    var connectTimeout: Double?

    @Option(help: "Seconds a download may take in all (default: 60 for feeds, 20 for images).")
    var timeout: Double?

    @Option(help: ArgumentHelp("The largest feed or image bookify downloads or reads, in MB (default 20).", valueName: "mb"))
    var sizeLimit: Int?

    @Option(help: "A bookify.yml to read (default: bookify.yml beside the input or in the working folder).")
    var config: String?

    func validate() throws {
        if let sizeLimit, !(1...1024).contains(sizeLimit) { throw ValidationError("--size-limit takes megabytes from 1 to 1024.") }
        if let tocDepth, !(1...6).contains(tocDepth) { throw ValidationError("--toc-depth takes a number from 1 to 6.") }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of at least 1.") }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--timeout", timeout)] {
            if let value, !(value > 0 && value <= 3600) { throw ValidationError("\(name) takes seconds from 0 to 3600.") }
        }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, FeedDate.parseISO8601(value) == nil { throw ValidationError("\(name) takes a date as YYYY-MM-DD, not '\(value)'.") }
        }
    }

    /// Applies the options given on the command line over `settings` (from a config file).
    func apply(to settings: inout BookSettings) {
        if let groupBy { settings.groupBy = groupBy }
        if let order { settings.order = order }
        if !tags.isEmpty { settings.filter.tags = tags }
        if !excludedTags.isEmpty { settings.filter.excludedTags = excludedTags }
        if let since { settings.filter.since = FeedDate.parseISO8601(since) }
        if let until { settings.filter.until = FeedDate.parseISO8601(until) }
        if let limit { settings.filter.limit = limit }
        if let tocDepth { settings.tocDepth = tocDepth }
        if let contentFormat { settings.contentFormat = contentFormat.format }
        if drafts { settings.includeDrafts = true }
        if offline { settings.offline = true }
        if let connectTimeout {
            settings.http.connectTimeout = connectTimeout
            settings.assets.http.connectTimeout = connectTimeout
        }
        if let timeout {
            settings.http.totalTimeout = timeout
            settings.assets.http.totalTimeout = timeout
        }
        if let sizeLimit {
            settings.http.maximumBytes = sizeLimit * 1024 * 1024
            settings.assets.http.maximumBytes = sizeLimit * 1024 * 1024
        }
    }
}

enum ContentFormatOption: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html

    var format: ContentFormat? {
        switch self {
        case .auto: return nil
        case .markdown: return .markdown
        case .html: return .html
        }
    }
}

extension PostOrder: ExpressibleByArgument {}
extension GroupingRule: ExpressibleByArgument {}

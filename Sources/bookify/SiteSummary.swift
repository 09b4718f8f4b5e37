import BookifyCore
import Foundation

/// What reading a web site found and did, as lines on standard error: one summary line, one
/// line per warning; `inspect` adds the feeds found and why one was chosen.
struct SiteSummary {
    let report: SiteReport

    /// "Read https://blog.example/: its feed https://blog.example/feed/ (the best-ranked link
    /// element), 3 feed pages, 2 posts only in its sitemap, 12 posts in full from their pages, 41 requests."
    var line: String {
        var parts: [String] = []
        if let feed = report.chosenFeed { parts.append("feed \(feed.absoluteString)" + (report.choice.map { " (\($0))" } ?? "")) }
        parts.append(plural(report.historyPages, "feed page"))
        if report.sitemaps > 0 { parts.append("\(plural(report.sitemapPosts, "post")) found only in its sitemap") }
        if report.fullTextPosts > 0 { parts.append("\(plural(report.fullTextPosts, "post")) read in full from \(report.fullTextPosts == 1 ? "its page" : "their pages")") }
        if report.knownPosts > 0 { parts.append("\(plural(report.knownPosts, "post")) already archived") }
        parts.append(plural(report.requests, "request"))
        return "Read \(report.address.absoluteString): " + parts.joined(separator: ", ") + "."
    }

    /// The warnings, each naming the site.
    var warnings: [String] {
        report.warnings.map { "bookify: warning: \(report.address.absoluteString): \($0)" }
    }

    /// The feeds found, best first, each with its rank and why it ranks low, and the choice.
    var discovery: [String] {
        var lines = ["Feeds of \(report.address.absoluteString):"]
        if report.candidates.isEmpty { lines.append("  (none named; the address is a feed or none was found)") }
        for candidate in report.candidates {
            let chosen = candidate.url == report.chosenFeed ? "*" : " "
            let details = [candidate.type, candidate.title.map { "\"\($0)\"" }, candidate.origin.rawValue, candidate.demotion].compactMap { $0 }
            lines.append("  \(chosen) \(candidate.url.absoluteString)  [\(details.joined(separator: ", ")); rank \(candidate.score)]")
        }
        lines.append("Chosen: " + (report.chosenFeed.map { "\($0.absoluteString)" + (report.choice.map { " (\($0))" } ?? "") } ?? "none"))
        return lines
    }

    /// Prints the summary and the warnings (unless `quiet`, which keeps only warnings).
    func print(quiet: Bool) {
        if !quiet { printError(line) }
        for warning in warnings { printError(warning) }
    }
}

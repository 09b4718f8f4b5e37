import Foundation

/// A site's `robots.txt` (RFC 9309) as it applies to bookify: the group for the `bookify`
/// user agent, else the `*` group; its `Allow`/`Disallow` rules (longest match wins, `Allow`
/// on a tie; `*` and `$` in patterns), its `Crawl-delay`, and the sitemaps it names.
struct RobotsRules: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var allows: Bool
        var pattern: String
    }

    var rules: [Rule] = []
    /// Seconds to leave between requests, when the group asks for it.
    var crawlDelay: TimeInterval?
    /// Sitemaps named anywhere in the file (they apply to every user agent).
    var sitemaps: [URL] = []
    /// Why everything is off limits, when `robots.txt` itself could not be had.
    var unavailable: String?

    /// Everything allowed: no `robots.txt`, or one that says nothing for bookify.
    static let allowAll = RobotsRules()
    /// Nothing allowed: RFC 9309 §2.3.1.3 for a server error on `robots.txt`.
    static func disallowAll(because reason: String) -> RobotsRules {
        RobotsRules(rules: [Rule(allows: false, pattern: "/")], unavailable: reason)
    }

    /// The product token bookify answers to.
    static let userAgentToken = "bookify"

    /// Reads `text`, taking the groups for `token`, else those for `*`.
    static func parse(_ text: String, token: String = userAgentToken) -> RobotsRules {
        var groups: [(agents: [String], rules: [Rule], delay: TimeInterval?)] = []
        var sitemaps: [URL] = []
        var collectingAgents = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !collectingAgents { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                // An empty Disallow allows everything: it is no rule.
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allows: field == "allow", pattern: value))
            case "crawl-delay":
                collectingAgents = false
                guard !groups.isEmpty, let seconds = TimeInterval(value), seconds.isFinite, seconds >= 0 else { continue }
                groups[groups.count - 1].delay = seconds
            case "sitemap":
                if let url = URL(webAddress: value) { sitemaps.append(url) }
            default:
                continue
            }
        }
        let token = token.lowercased()
        var chosen = groups.filter { group in group.agents.contains { $0 != "*" && token.hasPrefix($0) || $0 == token } }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        return RobotsRules(rules: chosen.flatMap(\.rules), crawlDelay: chosen.compactMap(\.delay).max(), sitemaps: sitemaps)
    }

    /// Whether bookify may fetch `url`.
    func allows(_ url: URL) -> Bool {
        var path = url.path.isEmpty ? "/" : url.path
        if url.absoluteString.hasSuffix("/"), !path.hasSuffix("/") { path += "/" }
        if let query = url.query { path += "?" + query }
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else { best = rule; continue }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allows) { best = rule }
        }
        return best?.allows ?? true
    }

    /// A robots pattern against a path: `*` any run of characters, a final `$` the end.
    /// Matched on percent-decoded text, as both may be written either way.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let body = (anchored ? String(pattern.dropLast()) : pattern).removingPercentEncoding ?? pattern
        let target = Array(path.removingPercentEncoding ?? path)
        let pieces = body.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
        // The first piece is a prefix; each next one is found after the previous match.
        guard target.starts(with: pieces[0]) else { return false }
        var position = pieces[0].count
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast, anchored {
                return target.count - position >= piece.count && target.suffix(piece.count).elementsEqual(piece)
            }
            guard let found = Self.find(piece, in: target, from: position) else { return false }
            position = found + piece.count
        }
        return !anchored || position == target.count || (pieces.count > 1 && pieces.last!.isEmpty)
    }

    private static func find(_ piece: [Character], in target: [Character], from start: Int) -> Int? {
        guard !piece.isEmpty else { return start }
        guard target.count - start >= piece.count else { return nil }
        for index in start...(target.count - piece.count) where target[index..<(index + piece.count)].elementsEqual(piece) {
            return index
        }
        return nil
    }
}

import Foundation

/// A feed a site names or may have, and how likely it is the blog's posts feed.
public struct FeedCandidate: Sendable, Hashable {
    /// Where a candidate was found.
    public enum Origin: String, Sendable, Hashable {
        /// `<link rel="alternate">` or `rel="feed"` in the page.
        case linkElement = "link element"
        /// An HTTP `Link` header of the page.
        case linkHeader = "Link header"
        /// One of the places engines put their feed (`/feed/`, `/index.xml`, …).
        case usualPlace = "usual place"
    }

    /// The feed's address.
    public var url: URL
    /// Its declared media type, if any.
    public var type: String?
    /// Its declared title, if any.
    public var title: String?
    /// Where it was found.
    public var origin: Origin
    /// The rank: higher is more likely the blog's posts feed; below zero it is a comments,
    /// category, tag or author feed.
    public var score: Int

    /// Why the candidate ranks low, if it does.
    public var demotion: String? {
        let titleWords = Set((title ?? "").lowercased().split { !$0.isLetter }.map(String.init))
        let pathWords = Set(url.path.lowercased().split { !$0.isLetter }.map(String.init))
        if !titleWords.union(pathWords).isDisjoint(with: ["comments", "comment", "replies"]) { return "a comments feed" }
        for (word, kind) in FeedDiscovery.narrowFeeds where pathWords.contains(word) || titleWords.contains(word) {
            return "a \(kind) feed"
        }
        return nil
    }
}

/// Finds a site's feeds from its home page (`<link rel="alternate">` of the feed types,
/// `rel="feed"`, the `Link` header) and ranks them, the blog's posts feed first: not the
/// comments feed, nor a category, tag or author feed.
enum FeedDiscovery {
    /// Media types of feeds.
    static let feedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
                            "application/rdf+xml", "application/xml", "text/xml"]

    /// Where engines put the posts feed: WordPress, Hugo, Jekyll, JSON Feed sites, many, Blogger.
    static let usualPaths = ["/feed/", "/index.xml", "/atom.xml", "/feed.json", "/rss.xml", "/feeds/posts/default",
                             "/feed.xml", "/rss/"]

    /// Path words and titles that mark a feed of part of the blog.
    static let narrowFeeds: [(String, String)] = [("category", "category"), ("categories", "category"), ("tag", "tag"),
                                                  ("tags", "tag"), ("author", "author"), ("label", "label"), ("topic", "topic"),
                                                  ("series", "series")]

    /// The feeds `page` names (its head and its `Link` header), best first.
    static func candidates(in page: WebPage, linkHeader: String?) -> [FeedCandidate] {
        var found: [FeedCandidate] = []
        for link in page.links(rel: "alternate") + page.links(rel: "feed") {
            let type = link["type"]?.lowercased()
            let rel = (link["rel"] ?? "").lowercased()
            guard type.map(isFeedType) ?? rel.contains("feed"), let url = page.resolve(link["href"]) else { continue }
            found.append(FeedCandidate(url: url, type: type, title: link["title"].map(WebPage.folded), origin: .linkElement, score: 0))
        }
        for link in LinkHeader.parse(linkHeader ?? "") where link.rel.contains("alternate") || link.rel.contains("feed") {
            guard link.type.map(isFeedType) ?? link.rel.contains("feed"),
                  let url = URL(string: link.target, relativeTo: page.url)?.absoluteURL else { continue }
            found.append(FeedCandidate(url: url, type: link.type, title: link.title, origin: .linkHeader, score: 0))
        }
        return ranked(unique(found), site: page.url)
    }

    /// The usual places on `site`, for a page that names no feed.
    static func usualPlaces(on site: URL) -> [FeedCandidate] {
        usualPaths.compactMap { path in
            URL(string: path, relativeTo: site).map { FeedCandidate(url: $0.absoluteURL, type: nil, title: nil, origin: .usualPlace, score: 0) }
        }
    }

    private static func isFeedType(_ type: String) -> Bool {
        feedTypes.contains { type.hasPrefix($0) }
    }

    private static func unique(_ candidates: [FeedCandidate]) -> [FeedCandidate] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.url.absoluteString).inserted }
    }

    /// Ranked, best first (stable for equal scores): a narrow or comments feed far down; among
    /// the rest, the one on the site's own host with the shortest path (the site-wide feed).
    static func ranked(_ candidates: [FeedCandidate], site: URL) -> [FeedCandidate] {
        candidates.map { candidate in
            var candidate = candidate
            var score = 100
            if candidate.demotion != nil { score -= 200 }
            if candidate.url.host?.lowercased() != site.host?.lowercased() { score -= 20 }
            score -= min(30, candidate.url.path.split(separator: "/").count * 5)
            if candidate.origin == .linkElement { score += 5 }
            candidate.score = score
            return candidate
        }.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}

/// An HTTP `Link` header (RFC 8288), as far as feed discovery needs it.
enum LinkHeader {
    struct Link: Equatable {
        var target: String
        var rel: [String]
        var type: String?
        var title: String?
    }

    static func parse(_ header: String) -> [Link] {
        var links: [Link] = []
        // Links are `<target>; param=value; …`, separated by commas outside `<>` and quotes.
        var current = ""
        var inAngle = false
        var inQuote = false
        for character in header + "," {
            switch character {
            case "<" where !inQuote: inAngle = true
            case ">" where !inQuote: inAngle = false
            case "\"" where !inAngle: inQuote.toggle()
            case "," where !inAngle && !inQuote:
                if let link = link(from: current) { links.append(link) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        return links
    }

    private static func link(from text: String) -> Link? {
        guard let open = text.firstIndex(of: "<"), let close = text.firstIndex(of: ">"), open < close else { return nil }
        var link = Link(target: String(text[text.index(after: open)..<close]), rel: [])
        for parameter in text[text.index(after: close)...].split(separator: ";") {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            switch name {
            case "rel": link.rel = value.lowercased().split(separator: " ").map(String.init)
            case "type": link.type = value.lowercased()
            case "title": link.title = value
            default: break
            }
        }
        return link
    }
}

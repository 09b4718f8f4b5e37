import Foundation

/// Reads Atom 1.0 feeds (RFC 4287), resolving `xml:base` at feed, entry and content level.
struct AtomReader {
    static let namespace = "http://www.w3.org/2005/Atom"
    private static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// `documentURL` is where the feed came from, when it was fetched: the base of last resort.
    func read(_ feed: XMLTree, source: String, documentURL: URL? = nil) -> Blog {
        let base = Self.base(of: feed, inherited: documentURL)
        let home = Self.link(in: feed, rel: "alternate", base: base)
        let feedAuthors = Self.authors(in: feed)
        let entries = feed.elements("entry", namespace: Self.namespace)
        var blog = Blog(
            title: Self.text(feed.first("title", namespace: Self.namespace)),
            homePageURL: home,
            feedURL: Self.link(in: feed, rel: "self", base: base),
            description: Self.text(feed.first("subtitle", namespace: Self.namespace)),
            icon: (feed.first("icon", namespace: Self.namespace) ?? feed.first("logo", namespace: Self.namespace))?
                .trimmedText.flatMap { URL(string: $0, relativeTo: base)?.absoluteURL },
            language: feed.attributes["xml:lang"].flatMap(LanguageTag.normalized),
            authors: feedAuthors,
            posts: entries.enumerated().map { post(from: $0.element, position: $0.offset + 1, base: base) },
            source: source)
        blog.paging = Self.paging(of: feed, base: base)
        return blog
    }

    /// RFC 5005's links and marker, the generator and OpenSearch's count, as an Atom feed or
    /// an RSS channel (which carries them as `atom:link`) writes them.
    static func paging(of feed: XMLTree, base: URL?) -> FeedPaging {
        let openSearch = ["http://a9.com/-/spec/opensearchrss/1.0/", "http://a9.com/-/spec/opensearch/1.1/"]
        return FeedPaging(
            next: link(in: feed, rel: "next", base: base),
            previousArchive: link(in: feed, rel: "prev-archive", base: base),
            isComplete: feed.first("complete", namespace: FeedPaging.historyNamespace) != nil,
            generator: feed.elements("generator").first.flatMap { $0.trimmedText ?? $0.attributes["uri"] },
            totalResults: openSearch.lazy.compactMap { feed.first("totalResults", namespace: $0)?.trimmedText.flatMap { Int($0) } }.first)
    }

    private func post(from entry: XMLTree, position: Int, base feedBase: URL?) -> Post {
        let base = Self.base(of: entry, inherited: feedBase)
        let url = Self.link(in: entry, rel: "alternate", base: base)
        let content = entry.first("content", namespace: Self.namespace)
        let summary = entry.first("summary", namespace: Self.namespace)
        let bodyElement = content?.trimmedText != nil || content?.elements().isEmpty == false ? content : summary
        let (body, format) = bodyElement.map(Self.body) ?? ("", ContentFormat.text)
        // Relative links and images in the content resolve against its xml:base (RFC 4287 §2).
        let contentBase = bodyElement.flatMap { Self.base(of: $0, inherited: base) }
        let published = Self.date(entry, "published") ?? Self.date(entry, "updated")
        var tags: [String] = []
        var series: SeriesMembership?
        for category in entry.elements("category", namespace: Self.namespace) {
            guard let name = category.attributes["label"]?.nilIfEmpty ?? category.attributes["term"]?.nilIfEmpty else { continue }
            if category.attributes["scheme"]?.lowercased().contains("series") == true {
                series = series ?? SeriesMembership(name: name)
            } else if !tags.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                tags.append(name)
            }
        }
        let id = entry.first("id", namespace: Self.namespace)?.trimmedText
        let title = Self.text(entry.first("title", namespace: Self.namespace))
        return Post(
            id: id ?? url?.absoluteString ?? "entry-\(position)", url: url ?? id.flatMap(URL.init(webAddress:)),
            title: title ?? PostTitle.derived(summary: nil, content: body, format: format),
            content: body, contentFormat: format,
            summary: bodyElement?.name == "content" ? Self.text(summary) : nil,
            published: published, modified: Self.date(entry, "updated"),
            authors: Self.authors(in: entry), tags: tags,
            language: entry.attributes["xml:lang"].flatMap(LanguageTag.normalized), series: series,
            contentBase: contentBase.flatMap { URL(webAddress: $0.absoluteString) })
    }

    /// The body of a `content` or `summary` element by its `type`.
    private static func body(_ element: XMLTree) -> (String, ContentFormat) {
        let type = element.attributes["type"]?.lowercased() ?? "text"
        if type == "xhtml" {
            let division = element.elements().first { $0.name == "div" && $0.namespace == xhtmlNamespace }
            return ((division ?? element).innerMarkup, .html)
        }
        if type == "html" || type.contains("html") { return (element.text, .html) }
        return (element.text, .text)
    }

    /// The effective base URL of an element: its `xml:base` resolved against the inherited one.
    private static func base(of element: XMLTree, inherited: URL?) -> URL? {
        guard let declared = element.attributes["xml:base"], !declared.isEmpty else { return inherited }
        return URL(string: declared, relativeTo: inherited)?.absoluteURL ?? inherited
    }

    /// The `link` with `rel` (no rel counts as alternate), as an absolute web URL.
    static func link(in element: XMLTree, rel: String, base: URL?) -> URL? {
        let links = element.elements("link", namespace: namespace)
        let match = links.first { ($0.attributes["rel"] ?? "alternate") == rel && ($0.attributes["type"]?.contains("html") ?? true) }
            ?? links.first { ($0.attributes["rel"] ?? "alternate") == rel }
        guard let href = match?.attributes["href"], let url = URL(string: href, relativeTo: base)?.absoluteURL else { return nil }
        return URL(webAddress: url.absoluteString)
    }

    private static func authors(in element: XMLTree) -> [Author] {
        element.elements("author", namespace: namespace).compactMap { author in
            guard let name = text(author.first("name", namespace: namespace)) else { return nil }
            return Author(name: name, url: author.first("uri", namespace: namespace)?.trimmedText.flatMap(URL.init(webAddress:)))
        }
    }

    private static func date(_ element: XMLTree, _ name: String) -> Date? {
        element.first(name, namespace: namespace)?.trimmedText.flatMap { FeedDate.parseISO8601($0) ?? FeedDate.parseRFC822($0) }
    }

    /// A text construct (`title`, `subtitle`) as plain text, whatever its type.
    private static func text(_ element: XMLTree?) -> String? {
        guard let element, let raw = element.trimmedText ?? element.innerMarkup.nilIfEmpty else { return nil }
        let type = element.attributes["type"]?.lowercased() ?? "text"
        if type == "xhtml" { return FeedText.plain(element.innerMarkup).nilIfEmpty }
        return (type == "html" ? FeedText.plain(raw) : raw).nilIfEmpty
    }
}

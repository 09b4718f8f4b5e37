import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), tolerant of what real feeds
/// do: tags as a comma-separated string, empty strings for absent values, relative URLs, and
/// items without a title, date or URL.
struct JSONFeedReader: Sendable {
    init() {}

    /// Reads a feed from its bytes. `source` names the input in errors and in the book.
    func read(_ bytes: [UInt8], source: String) throws(BookifyError) -> Blog {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .invalidInput(path: source, location: error.location, reason: "invalid JSON: \(error.message)")
        }
        guard case .object(let feed) = document else {
            throw .invalidInput(path: source, location: nil, reason: "not a JSON Feed: the document is not a JSON object")
        }
        guard let items = feed["items"], case .array(let itemValues) = items else {
            throw .invalidInput(path: source, location: nil, reason: "not a JSON Feed: it has no \"items\" array")
        }
        let homePage = Self.url(feed["home_page_url"], relativeTo: nil)
        let feedURL = Self.url(feed["feed_url"], relativeTo: nil)
        let base = homePage ?? feedURL
        // Items become posts on every core (URLs and dates are parsed for each).
        let posts = Array(itemValues.enumerated()).concurrentMap { offset, value in
            Self.post(from: value.objectValue, position: offset + 1, base: base)
        }.compactMap { $0 }
        var blog = Blog(
            title: Self.text(feed["title"]),
            homePageURL: homePage,
            feedURL: feedURL,
            description: Self.text(feed["description"]),
            icon: Self.url(feed["icon"], relativeTo: base) ?? Self.url(feed["favicon"], relativeTo: base),
            language: Self.text(feed["language"]),
            authors: Self.authors(in: feed, base: base),
            posts: posts,
            extensions: feed.filter { $0.key.hasPrefix("_") },
            source: source)
        // JSON Feed 1.1 pages a feed with `next_url`, which may be relative to the feed.
        blog.paging.next = Self.url(feed["next_url"], relativeTo: feedURL ?? base)
        return blog
    }

    /// bookify's own item extension, written by `archive export`: `content_format` (markdown
    /// or html: how `content_html` is written), `aliases`, `content_base`.
    static let bookifyExtension = "_bookify"

    private static func post(from item: [String: JSONValue], position: Int, base: URL?) -> Post? {
        guard !item.isEmpty else { return nil }
        let postURL = url(item["url"], relativeTo: base)
        let externalURL = Self.url(item["external_url"], relativeTo: base)
        let bookify = item[bookifyExtension]
        var (content, format) = body(of: item)
        if format == .auto, let declared = bookify?["content_format"]?.stringValue.flatMap(ContentFormat.init(rawValue:)) { format = declared }
        let summary = text(item["summary"])
        let published = text(item["date_published"]).flatMap(FeedDate.parseISO8601)
        let modified = text(item["date_modified"]).flatMap(FeedDate.parseISO8601)
        let id = text(item["id"]) ?? postURL?.absoluteString ?? externalURL?.absoluteString ?? "item-\(position)"
        var post = Post(
            id: id,
            url: postURL,
            externalURL: externalURL,
            title: text(item["title"]) ?? PostTitle.derived(summary: summary, content: content, format: format),
            content: content,
            contentFormat: format,
            summary: summary,
            image: Self.url(item["image"], relativeTo: postURL ?? base),
            bannerImage: Self.url(item["banner_image"], relativeTo: postURL ?? base),
            published: published ?? (modified == nil ? (postURL ?? externalURL).flatMap(FeedDate.fromURLPath) : nil),
            modified: modified,
            authors: authors(in: item, base: base),
            tags: tags(item["tags"]),
            language: text(item["language"]),
            attachments: item["attachments"]?.arrayValue.compactMap { attachment($0, base: postURL ?? base) } ?? [],
            series: series(item["_series"]),
            extensions: item.filter { $0.key.hasPrefix("_") && $0.key != bookifyExtension })
        post.aliases = bookify?["aliases"]?.arrayValue.compactMap { url($0, relativeTo: base) } ?? []
        post.contentBase = url(bookify?["content_base"], relativeTo: base)
        return post
    }

    /// `content_html` may hold HTML or Markdown in real feeds; `content_text` is plain text.
    private static func body(of item: [String: JSONValue]) -> (String, ContentFormat) {
        // A body keeps its leading spaces: Markdown that opens with an indented code block.
        let untrimmed = { (value: JSONValue?) in value?.stringValue.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } }
        if let html = untrimmed(item["content_html"]) { return (html, .auto) }
        if let plain = untrimmed(item["content_text"]) { return (plain, .text) }
        if let summary = text(item["summary"]) { return (summary, .text) }
        return ("", .text)
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    private static func authors(in object: [String: JSONValue], base: URL?) -> [Author] {
        let values = object["authors"]?.arrayValue ?? object["author"]?.arrayValue ?? []
        return values.compactMap { value in
            let page = url(value["url"], relativeTo: base)
            guard let name = text(value["name"]) ?? text(value) ?? page?.host else { return nil }
            return Author(name: name, url: page, avatar: self.url(value["avatar"], relativeTo: base))
        }
    }

    /// Tags as the spec's array of strings, or as one comma-separated string.
    private static func tags(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        let raw: [String]
        if case .string(let joined) = value {
            raw = joined.split(separator: ",").map(String.init)
        } else {
            raw = value.arrayValue.compactMap(\.stringValue)
        }
        var seen = Set<String>()
        return raw.map(\.trimmed)
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    private static func attachment(_ value: JSONValue, base: URL?) -> Attachment? {
        guard let location = url(value["url"], relativeTo: base) else { return nil }
        return Attachment(
            url: location,
            mimeType: text(value["mime_type"]) ?? "application/octet-stream",
            title: text(value["title"]),
            sizeInBytes: value["size_in_bytes"]?.integerValue,
            durationInSeconds: value["duration_in_seconds"]?.numberValue)
    }

    /// The `_series` extension: `{"name": "...", "order": 2}`, or just the name.
    private static func series(_ value: JSONValue?) -> SeriesMembership? {
        guard let value else { return nil }
        if let name = text(value) { return SeriesMembership(name: name) }
        guard let name = text(value["name"] ?? value["title"]) else { return nil }
        return SeriesMembership(name: name, order: (value["order"] ?? value["part"] ?? value["weight"])?.numberValue)
    }

    /// A non-empty, trimmed string value.
    private static func text(_ value: JSONValue?) -> String? {
        guard let raw = value?.stringValue else { return nil }
        let trimmed = raw.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A URL value, resolved against `base` when relative; empty strings are absent.
    private static func url(_ value: JSONValue?, relativeTo base: URL?) -> URL? {
        guard let raw = text(value) else { return nil }
        let encoded = raw.replacingOccurrences(of: " ", with: "%20")
        guard let url = URL(string: encoded, relativeTo: base) else { return nil }
        return url.absoluteURL
    }
}

import Foundation

/// Reads RSS 2.0 and RSS 1.0 (RDF) feeds.
struct RSSReader {
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    static let mediaNamespace = "http://search.yahoo.com/mrss/"
    /// RSS 2.0 elements have no namespace; RSS 1.0's have this one.
    private static let coreNamespaces: Set<String> = ["", "http://purl.org/rss/1.0/"]

    func read(_ root: XMLTree, source: String) -> Blog {
        let channel = Self.core(root, "channel") ?? root
        let link = Self.text(channel, "link").flatMap { URL(string: $0) }
        // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
        let items = channel.elements("item").filter { Self.coreNamespaces.contains($0.namespace) }
            + (root.name == "RDF" ? root.elements("item").filter { Self.coreNamespaces.contains($0.namespace) } : [])
        let language = Self.text(channel, "language") ?? channel.first("language", namespace: Self.dublinCoreNamespace)?.trimmedText
        let image = Self.core(channel, "image").flatMap { Self.text($0, "url") }.flatMap { URL(string: $0) }
        let authors = [channel.first("creator", namespace: Self.dublinCoreNamespace)?.trimmedText,
                       Self.text(channel, "managingEditor")].compactMap { $0 }.prefix(1).map { Author(name: Self.personName($0)) }
        var blog = Blog(
            title: Self.text(channel, "title"), homePageURL: link, feedURL: nil,
            description: Self.text(channel, "description").map(FeedText.plain),
            icon: image, language: language, authors: authors,
            posts: items.enumerated().map { post(from: $0.element, position: $0.offset + 1, base: link) },
            source: source)
        blog.paging = AtomReader.paging(of: channel, base: link)
        return blog
    }

    private func post(from item: XMLTree, position: Int, base: URL?) -> Post {
        let link = Self.text(item, "link").flatMap { URL(string: $0, relativeTo: base)?.absoluteURL }
        let guid = Self.core(item, "guid")
        let guidText = guid?.trimmedText
        let guidURL = guid?.attributes["isPermaLink"] != "false" ? guidText.flatMap(URL.init(webAddress:)) : nil
        let url = link.flatMap { URL(webAddress: $0.absoluteString) } ?? guidURL
        let encoded = item.first("encoded", namespace: Self.contentNamespace)?.text
        let description = Self.text(item, "description")
        let body = encoded?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty ?? description ?? ""
        let date = (Self.text(item, "pubDate") ?? item.first("date", namespace: Self.dublinCoreNamespace)?.trimmedText)
            .flatMap { FeedDate.parseRFC822($0) ?? FeedDate.parseISO8601($0) }
        let creators = item.elements("creator", namespace: Self.dublinCoreNamespace).compactMap(\.trimmedText)
            + [Self.text(item, "author")].compactMap { $0 }
        var tags: [String] = []
        var series: SeriesMembership?
        for category in item.elements("category") + item.elements("subject", namespace: Self.dublinCoreNamespace) {
            guard let name = category.trimmedText else { continue }
            if category.attributes["domain"]?.lowercased().contains("series") == true {
                series = series ?? SeriesMembership(name: name)
            } else if !tags.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                tags.append(name)
            }
        }
        let attachments = item.elements("enclosure").compactMap { enclosure -> Attachment? in
            guard let href = enclosure.attributes["url"], let url = URL(string: href, relativeTo: base)?.absoluteURL else { return nil }
            return Attachment(url: url, mimeType: enclosure.attributes["type"] ?? "application/octet-stream",
                              sizeInBytes: enclosure.attributes["length"].flatMap { Int($0) })
        }
        let title = Self.text(item, "title").map(FeedText.plain)
        let image = Self.image(of: item, enclosures: attachments)
        return Post(
            id: guidText ?? url?.absoluteString ?? "item-\(position)", url: url,
            title: title ?? PostTitle.derived(summary: nil, content: body, format: .html),
            content: body, contentFormat: .html,
            summary: encoded != nil ? description.map(FeedText.plain) : nil,
            image: image, published: date ?? url.flatMap(FeedDate.fromURLPath),
            authors: creators.map { Author(name: Self.personName($0)) }, tags: tags,
            attachments: attachments.filter { !$0.mimeType.hasPrefix("image/") }, series: series)
    }

    /// The item's own picture: Media RSS `thumbnail` or image `content`, else an image enclosure.
    private static func image(of item: XMLTree, enclosures: [Attachment]) -> URL? {
        let media = item.elements(namespace: mediaNamespace) + item.elements("group", namespace: mediaNamespace)
            .flatMap { $0.elements(namespace: mediaNamespace) }
        let candidates = media.filter { element in
            element.name == "thumbnail" || (element.name == "content"
                && (element.attributes["medium"] == "image" || element.attributes["type"]?.hasPrefix("image/") == true))
        }
        return candidates.lazy.compactMap { $0.attributes["url"].flatMap(URL.init(webAddress:)) }.first
            ?? enclosures.first { $0.mimeType.hasPrefix("image/") }?.url
    }

    /// `jane@example.com (Jane Doe)` → `Jane Doe`.
    private static func personName(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text
    }

    private static func core(_ element: XMLTree, _ name: String) -> XMLTree? {
        element.elements(name).first { coreNamespaces.contains($0.namespace) }
    }

    private static func text(_ element: XMLTree, _ name: String) -> String? {
        core(element, name)?.trimmedText
    }
}

/// Small text helpers shared by the XML feed readers.
enum FeedText {
    /// The text of a title or description that may hold HTML.
    static func plain(_ text: String) -> String {
        guard text.containsBytes("<") || text.containsBytes("&") else { return text }
        let nodes = HTMLParser().parseFragment(text)
        return nodes.map(\.textContent).joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

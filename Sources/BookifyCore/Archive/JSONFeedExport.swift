import Foundation

/// A blog as a JSON Feed 1.1 document that bookify reads back into the same posts. What JSON
/// Feed has no field for goes into a `_bookify` extension: how `content_html` is written
/// (Markdown or HTML), Hugo aliases and an Atom `xml:base`.
enum JSONFeedExport {
    static func document(for blog: Blog) throws -> Data {
        var feed: [String: JSONValue] = blog.extensions
        feed["version"] = .string("https://jsonfeed.org/version/1.1")
        feed["title"] = .string(blog.title ?? "Untitled blog")
        feed["home_page_url"] = blog.homePageURL.map(address)
        feed["feed_url"] = blog.feedURL.map(address)
        feed["description"] = blog.description.map(JSONValue.string)
        feed["icon"] = blog.icon.map(address)
        feed["language"] = blog.language.map(JSONValue.string)
        if !blog.authors.isEmpty { feed["authors"] = .array(blog.authors.map(author)) }
        feed["items"] = .array(blog.posts.map(item))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(feed))
    }

    private static func item(_ post: Post) -> JSONValue {
        var item = post.extensions
        item["id"] = .string(post.id)
        item["url"] = post.url.map(address)
        item["external_url"] = post.externalURL.map(address)
        item["title"] = .string(post.title)
        item[post.contentFormat == .text ? "content_text" : "content_html"] = .string(post.content)
        item["summary"] = post.summary.map(JSONValue.string)
        item["image"] = post.image.map(address)
        item["banner_image"] = post.bannerImage.map(address)
        item["date_published"] = post.published.map(timestamp)
        item["date_modified"] = post.modified.map(timestamp)
        if !post.authors.isEmpty { item["authors"] = .array(post.authors.map(author)) }
        if !post.tags.isEmpty { item["tags"] = .array(post.tags.map(JSONValue.string)) }
        item["language"] = post.language.map(JSONValue.string)
        if !post.attachments.isEmpty { item["attachments"] = .array(post.attachments.map(attachment)) }
        if let series = post.series {
            item["_series"] = .object(["name": .string(series.name)].merging(series.order.map { ["order": .number($0)] } ?? [:]) { $1 })
        }
        var bookify: [String: JSONValue] = [:]
        if post.contentFormat == .markdown || post.contentFormat == .html { bookify["content_format"] = .string(post.contentFormat.rawValue) }
        if !post.aliases.isEmpty { bookify["aliases"] = .array(post.aliases.map(address)) }
        if let base = post.contentBase { bookify["content_base"] = address(base) }
        item[JSONFeedReader.bookifyExtension] = bookify.isEmpty ? nil : .object(bookify)
        return .object(item)
    }

    private static func author(_ author: Author) -> JSONValue {
        var value: [String: JSONValue] = ["name": .string(author.name)]
        value["url"] = author.url.map(address)
        value["avatar"] = author.avatar.map(address)
        return .object(value)
    }

    private static func attachment(_ attachment: Attachment) -> JSONValue {
        var value: [String: JSONValue] = ["url": address(attachment.url), "mime_type": .string(attachment.mimeType)]
        value["title"] = attachment.title.map(JSONValue.string)
        value["size_in_bytes"] = attachment.sizeInBytes.map { .number(Double($0)) }
        value["duration_in_seconds"] = attachment.durationInSeconds.map(JSONValue.number)
        return .object(value)
    }

    private static func address(_ url: URL) -> JSONValue { .string(url.absoluteString) }

    /// ISO 8601 in UTC, with milliseconds only when the date has them.
    static func timestamp(_ date: Date) -> JSONValue {
        let formatter = ISO8601DateFormatter()
        if date.timeIntervalSince1970.rounded() != date.timeIntervalSince1970 {
            formatter.formatOptions.insert(.withFractionalSeconds)
        }
        return .string(formatter.string(from: date))
    }
}

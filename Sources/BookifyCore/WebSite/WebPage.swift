import Foundation

/// An HTML page of a site, parsed whole (head and body), with what the site reader asks of
/// its head: `<meta>` values, `<link>`s, JSON-LD objects, the title.
struct WebPage: Sendable {
    /// Where the page was fetched from: the base of its relative links (unless `<base href>`).
    var url: URL
    /// The `<html>` element.
    var root: HTMLElement

    init(url: URL, bytes: [UInt8], charset: String? = nil) {
        self.url = url
        self.root = HTMLParser().parseDocument(bytes, encoding: charset)
        if let base = root.first("head")?.first("base")?["href"], let resolved = URL(string: base, relativeTo: url)?.absoluteURL,
           URL(webAddress: resolved.absoluteString) != nil {
            self.url = resolved
        }
    }

    /// Whether `bytes` are an HTML page rather than a feed: an HTML doctype or `<html>` element
    /// before any feed element.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let html = head.range(of: "<!doctype html")?.lowerBound ?? head.range(of: "<html")?.lowerBound else { return false }
        let feed = ["<rss", "<feed", "<rdf:rdf", "<urlset", "<sitemapindex"].compactMap { head.range(of: $0)?.lowerBound }.min()
        return feed.map { html < $0 } ?? true
    }

    /// An absolute http(s) URL from an attribute value on this page.
    func resolve(_ reference: String?) -> URL? {
        guard let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !reference.isEmpty,
              let url = URL(string: reference, relativeTo: url)?.absoluteURL else { return nil }
        return URL(webAddress: url.absoluteString)
    }

    /// The `content` of the first `<meta>` whose `property` or `name` is one of `keys`, in the
    /// order of `keys`.
    func meta(_ keys: String...) -> String? {
        let metas = root.descendants { $0.name == "meta" }
        for key in keys {
            if let value = metas.first(where: { ($0["property"] ?? $0["name"] ?? $0["itemprop"])?.lowercased() == key })?["content"]?
                .trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
                return value
            }
        }
        return nil
    }

    /// Every `content` of the `<meta>`s named `key` (`article:tag` comes once per tag).
    func metas(_ key: String) -> [String] {
        root.descendants { $0.name == "meta" && ($0["property"] ?? $0["name"])?.lowercased() == key }.compactMap { $0["content"] }
    }

    /// The `<link>` elements whose `rel` holds `rel` (case-insensitive), in document order.
    func links(rel: String) -> [HTMLElement] {
        root.descendants { $0.name == "link" && ($0["rel"] ?? "").lowercased().split(separator: " ").contains(Substring(rel)) }
    }

    /// The `<title>`, its whitespace folded.
    var title: String? {
        root.first("title").map { Self.folded($0.textContent) }.flatMap(\.nilIfEmpty)
    }

    /// Every JSON-LD object on the page, `@graph` members and array items included.
    var linkedData: [[String: JSONValue]] {
        root.descendants { $0.name == "script" && ($0["type"] ?? "").lowercased().contains("ld+json") }.flatMap { script in
            guard let value = try? JSONParser.parse(Array(script.textContent.utf8)) else { return [[String: JSONValue]]() }
            return Self.objects(in: value)
        }
    }

    /// The JSON-LD object that describes the page as a post (`BlogPosting`, `Article`, …).
    var linkedDataArticle: [String: JSONValue]? {
        let types: Set<String> = ["blogposting", "article", "newsarticle", "techarticle", "socialmediaposting", "report", "posting"]
        return linkedData.first { object in
            let type = object["@type"]
            let names = type?.stringValue.map { [$0] } ?? type?.arrayValue.compactMap(\.stringValue) ?? []
            return names.contains { types.contains($0.lowercased()) }
        }
    }

    private static func objects(in value: JSONValue) -> [[String: JSONValue]] {
        switch value {
        case .array(let items): return items.flatMap(objects)
        case .object(let object):
            return [object] + (object["@graph"].map(objects) ?? [])
        default: return []
        }
    }

    /// Text with every run of whitespace made one space, trimmed.
    static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Foundation

/// What a post's page says about the post, from the signals engines and SEO plugins write:
/// Open Graph and `article:` meta tags, JSON-LD (`BlogPosting`, `Article`), microdata and
/// microformats (`itemprop`, `h-entry`), `<time>`, and the page's own headings.
struct ArticleMetadata: Sendable, Hashable {
    var title: String?
    var authors: [String] = []
    var published: Date?
    var modified: Date?
    var image: URL?
    var tags: [String] = []
    var language: String?
    /// The page says it is a post (not the home page, an about page, a tag list).
    var isPost = false

    init(page: WebPage) {
        let article = page.linkedDataArticle
        title = Self.title(page, article: article)
        authors = Self.authors(page, article: article)
        published = Self.date(page, article: article, meta: ["article:published_time", "datepublished", "date", "dc.date", "dcterms.created"],
                              linkedData: "datePublished", itemprop: "datePublished",
                              timeClasses: ["published", "entry-date", "post-date", "dt-published"])
        modified = Self.date(page, article: article, meta: ["article:modified_time", "og:updated_time", "datemodified"],
                             linkedData: "dateModified", itemprop: "dateModified", timeClasses: ["updated", "dt-updated"])
        image = Self.image(page, article: article)
        tags = Self.tags(page)
        language = page.root["lang"].flatMap(LanguageTag.normalized)
        isPost = Self.saysPost(page, article: article, published: published)
    }

    private static func title(_ page: WebPage, article: [String: JSONValue]?) -> String? {
        let headings = page.root.descendants { $0.name == "h1" && !WebPage.folded($0.textContent).isEmpty }
        // The post's own heading: marked as the entry's title, or inside its <article>.
        let marked = headings.first { !Set($0.classes).isDisjoint(with: ["entry-title", "post-title", "article-title", "p-name"]) || $0["itemprop"] == "headline" }
            ?? page.root.first("article")?.first { $0.name == "h1" }
        let siteName = page.meta("og:site_name")
        let openGraph = page.meta("og:title", "twitter:title").map { title in
            siteName.map { title.hasSuffix($0) && title != $0 ? withoutSiteName(title) : title } ?? title
        }
        let candidates = [marked.map { WebPage.folded($0.textContent) }, article?["headline"]?.stringValue, openGraph,
                          headings.first.map { WebPage.folded($0.textContent) }, page.title.map(withoutSiteName)]
        return candidates.lazy.compactMap { $0.map(WebPage.folded) }.first { !$0.isEmpty }.map(FeedText.plain)
    }

    /// `Post title – Site name` → `Post title` (the separators themes put between them).
    static func withoutSiteName(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
            if let range = title.range(of: separator, options: .backwards), range.lowerBound > title.startIndex {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    /// `article:tag` metas, else the post's category and tag links (`rel="tag"`, WordPress's
    /// `rel="category tag"`), in order, each once.
    private static func tags(_ page: WebPage) -> [String] {
        var tags = page.metas("article:tag")
        if tags.isEmpty {
            let scope = page.root.first("article") ?? page.root
            tags = scope.descendants { $0.name == "a" && ($0["rel"] ?? "").lowercased().split(separator: " ").contains("tag") }.map(\.textContent)
        }
        var seen = Set<String>()
        return tags.map(WebPage.folded).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    private static func authors(_ page: WebPage, article: [String: JSONValue]?) -> [String] {
        let fromLinkedData = (article?["author"]?.arrayValue ?? []).compactMap { author in
            author.stringValue ?? author["name"]?.stringValue
        }
        if !fromLinkedData.isEmpty { return fromLinkedData.map(WebPage.folded) }
        if let name = page.meta("author", "article:author", "twitter:creator", "parsely-author"), URL(webAddress: name) == nil {
            return [name]
        }
        let byline = page.root.first { element in
            element["rel"]?.lowercased().split(separator: " ").contains("author") == true || element["itemprop"] == "author"
                || element.classes.contains { ["p-author", "author-name", "fn"].contains($0) }
        }
        return byline.map { [WebPage.folded($0.textContent)] }?.filter { !$0.isEmpty && $0.count < 80 } ?? []
    }

    private static func date(_ page: WebPage, article: [String: JSONValue]?, meta: [String], linkedData: String, itemprop: String,
                             timeClasses: Set<String>) -> Date? {
        let parse = { (text: String?) in text.flatMap { FeedDate.parseISO8601($0) ?? FeedDate.parseRFC822($0) } }
        for key in meta { if let date = parse(page.meta(key)) { return date } }
        if let date = parse(article?[linkedData]?.stringValue) { return date }
        let marked = page.root.first { $0["itemprop"] == itemprop }
        if let date = parse(marked?["content"] ?? marked?["datetime"]) ?? marked.flatMap({ writtenDate(WebPage.folded($0.textContent)) }) {
            return date
        }
        let times = page.root.descendants { $0.name == "time" && $0["datetime"] != nil }
        let classed = times.first { !Set($0.classes).isDisjoint(with: timeClasses) }
        guard itemprop == "datePublished" else { return parse(classed?["datetime"]) }
        // The first dated <time> of the post itself, not of a comment or a sidebar widget.
        let container = page.root.first { $0.name == "article" } ?? page.root
        return parse(classed?["datetime"]) ?? parse(container.first { $0.name == "time" && $0["datetime"] != nil }?["datetime"])
    }

    /// A date as themes print it: "January 14, 2024", "14 January 2024", "Jan 14, 2024".
    static func writtenDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["MMMM d, yyyy", "d MMMM yyyy", "MMM d, yyyy", "d MMM yyyy", "MMMM d yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private static func image(_ page: WebPage, article: [String: JSONValue]?) -> URL? {
        let linked = article?["image"].flatMap { value in value.stringValue ?? value["url"]?.stringValue ?? value.arrayValue.first?.stringValue }
        return [page.meta("og:image", "og:image:url", "twitter:image"), linked].lazy.compactMap { page.resolve($0) }.first
    }

    /// Posts say so: `og:type` article, a publication time, a JSON-LD article, classes of a
    /// post (`type-post`, `h-entry`, `single-post`); pages (`type-page`, `page-template`) without
    /// a publication time do not.
    private static func saysPost(_ page: WebPage, article: [String: JSONValue]?, published: Date?) -> Bool {
        let bodyClasses = Set(page.root.first("body")?.classes ?? [])
        let classes = bodyClasses.union(page.root.descendants { $0.name == "article" || $0.name == "div" }.prefix(50).flatMap(\.classes))
        let type = page.meta("og:type")?.lowercased()
        let positive = type == "article" || page.meta("article:published_time") != nil || article != nil
            || !classes.isDisjoint(with: ["type-post", "h-entry", "single-post", "post-template", "post-single", "blog-post"])
        let negative = !bodyClasses.isDisjoint(with: ["page-template", "page-template-default", "home", "blog", "archive", "tag", "category"])
            || !classes.isDisjoint(with: ["type-page"]) || type == "website" || type == "profile"
        if negative { return page.meta("article:published_time") != nil || article != nil }
        return positive || published != nil
    }
}

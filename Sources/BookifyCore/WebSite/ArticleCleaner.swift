/// Removes from a post's body what themes and plugins put inside it: scripts and forms, share
/// bars (Jetpack's `sharedaddy`, AddToAny), related posts (`jp-relatedposts`, YARPP), comment
/// blocks, newsletter sign-ups (Substack's, Ghost's), author boxes, tag lists, post navigation,
/// ads, and the title the book shows itself. Code is never touched.
struct ArticleCleaner {
    /// The post's title: a heading that repeats it is dropped.
    var title: String?

    /// Elements that are never reading text in a book.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "form", "button", "input", "select", "textarea", "iframe", "object", "embed",
        "nav", "aside", "footer", "header", "svg", "dialog", "link", "meta", "canvas",
    ]

    /// Parts of `class` and `id` values that mark boilerplate.
    static let boilerplateMarks = [
        "share", "sharing", "social", "sharedaddy", "addtoany", "jp-relatedposts", "related", "yarpp", "crp_related", "comment",
        "respond", "sidebar", "widget", "newsletter", "subscribe", "subscription", "signup", "sign-up", "advert", "sponsor",
        "promo", "breadcrumb", "cookie", "popup", "modal", "navigation", "nav-links", "pagination", "pager", "author-bio",
        "author-box", "about-author", "post-author", "byline", "entry-meta", "post-meta", "article-meta", "entry-footer",
        "post-footer", "article-footer", "post-tags", "tags-links", "tag-links", "cat-links", "wpcnt", "reactions", "clap",
        "masthead", "skip-link", "screen-reader", "toolbar", "follow", "recommend", "read-next", "more-posts", "prev-next",
        "post-nav", "wp-block-buttons", "likes", "cta", "paywall", "footer", "speechify-ignore", "button-wrapper",
    ]
    /// Whole class words that mark boilerplate (too short to look for inside others).
    static let boilerplateWords: Set<String> = ["ad", "ads", "adsbygoogle", "tags", "meta", "hidden", "print-only", "noprint"]

    /// `element` with the boilerplate inside it removed.
    func cleaned(_ element: HTMLElement) -> HTMLElement {
        var element = element
        element.children = cleanedChildren(of: element)
        return element
    }

    private func cleanedChildren(of element: HTMLElement) -> [HTMLNode] {
        element.children.compactMap { child -> HTMLNode? in
            guard case .element(var inner) = child else { return child }
            if Self.keepsWhole(inner) { return child }
            if drops(inner) { return nil }
            inner.children = cleanedChildren(of: inner)
            return Self.isEmptyBlock(inner) || Self.isLinkList(inner) ? nil : .element(inner)
        }
    }

    /// Code and preformatted text are content whatever their classes say (`tok-comment`).
    private static func keepsWhole(_ element: HTMLElement) -> Bool {
        ["pre", "code", "math", "table"].contains(element.name)
    }

    private func drops(_ element: HTMLElement) -> Bool {
        if Self.droppedElements.contains(element.name) { return true }
        if element["hidden"] != nil || element["aria-hidden"] == "true" && element.first(where: { $0.name == "img" }) == nil { return true }
        if let style = element["style"]?.lowercased().filter({ !$0.isWhitespace }), style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        if Self.marksBoilerplate(element) { return true }
        if ["h1", "h2"].contains(element.name), let title,
           WebPage.folded(element.textContent).caseInsensitiveCompare(WebPage.folded(title)) == .orderedSame {
            return true
        }
        return false
    }

    /// Whether the element's classes or id say it is boilerplate.
    static func marksBoilerplate(_ element: HTMLElement) -> Bool {
        let words = element.classes + (element["id"].map { [$0.lowercased()] } ?? [])
        if words.contains(where: ArticleExtractor.bodyClasses.contains) { return false }
        if !boilerplateWords.isDisjoint(with: words) { return true }
        let testID = element["data-testid"]?.lowercased() ?? ""
        return words.contains { word in boilerplateMarks.contains { word.contains($0) } }
            || ["author", "clap", "share", "follow", "response", "bookmark", "audio"].contains { testID.contains($0) }
    }

    /// A block left with no text and no picture (what held a removed widget).
    private static func isEmptyBlock(_ element: HTMLElement) -> Bool {
        guard ["div", "section", "span", "p", "ul", "ol", "li", "figure", "a"].contains(element.name) else { return false }
        if element.first(where: { ["img", "picture", "video", "audio", "pre", "table", "math", "br", "hr", "source"].contains($0.name) }) != nil {
            return false
        }
        return TextMeasure.letters(element) == 0 && element.name != "a"
    }

    /// A short block that is mostly links: a tag list, a share bar, "Previous / Next".
    private static func isLinkList(_ element: HTMLElement) -> Bool {
        guard ["div", "section"].contains(element.name) else { return false }
        let letters = TextMeasure.letters(element)
        return letters < 300 && TextMeasure.linkDensity(element) > 0.6 && element.first("p") == nil
            && element.first(where: { $0.name == "img" }) == nil
    }
}

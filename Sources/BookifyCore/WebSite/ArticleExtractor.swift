import Foundation

/// A post taken out of its page: its body as HTML, without the theme around it, and what the
/// page says about it.
struct ExtractedArticle: Sendable {
    var metadata: ArticleMetadata
    /// The body, as HTML for the content stage to sanitize.
    var html: String
    /// The body's words, for comparing lengths.
    var wordCount: Int
}

/// Takes the article out of a post's page (ARCHITECTURE §3, a web site): the body the engines mark
/// (`itemprop=articleBody`, `.entry-content`, `.post-content`, `.gh-content`, …), else the
/// page's `<article>`, else the block a readability-style score of text and link density
/// picks, else JSON-LD `articleBody`; then cleaned of what themes put inside it (share bars,
/// related posts, comments, forms, scripts, the repeated title).
enum ArticleExtractor {
    /// Classes that engines and themes give the post body, strongest first: WordPress and most
    /// themes, Ghost, Substack, Blogger, Hugo and Jekyll themes, microformats.
    static let bodyClasses = [
        "entry-content", "post-content", "gh-content", "post-full-content", "article-content", "article-body", "post-body",
        "post__content", "blog-post-content", "single-content", "entry-body", "content-body", "e-content", "markup",
    ]

    static func extract(_ page: WebPage) -> ExtractedArticle? {
        let metadata = ArticleMetadata(page: page)
        guard let body = page.root.first("body") ?? Optional(page.root) else { return nil }
        var container = bodyContainer(in: body)
        container = ArticleCleaner(title: metadata.title).cleaned(container)
        var words = TextMeasure.words(container)
        if let fromLinkedData = linkedDataBody(page), fromLinkedData.wordCount > max(100, words * 2) {
            container = fromLinkedData.element
            words = fromLinkedData.wordCount
        }
        guard words > 0 || container.first(where: { $0.name == "img" }) != nil else { return nil }
        return ExtractedArticle(metadata: metadata, html: container.innerHTML, wordCount: words)
    }

    /// The element that holds the post body.
    static func bodyContainer(in body: HTMLElement) -> HTMLElement {
        let marked = body.descendants { $0["itemprop"]?.lowercased() == "articlebody" }
        if let best = richest(marked) { return best }
        for name in bodyClasses {
            if let best = richest(body.descendants { $0.classes.contains(name) }) { return best }
        }
        if let article = richest(body.descendants { $0.name == "article" }), TextMeasure.paragraphText(article) > 200 { return article }
        if let scored = ReadabilityScore.best(in: body) { return scored }
        return body.first("main") ?? body.first { $0["role"] == "main" } ?? body
    }

    /// Of several candidates (a home page lists many `.entry-content`s; related posts are
    /// `<article>`s too), the one with the most paragraph text.
    private static func richest(_ candidates: [HTMLElement]) -> HTMLElement? {
        candidates.max { TextMeasure.paragraphText($0) < TextMeasure.paragraphText($1) }
    }

    /// JSON-LD `articleBody` as paragraphs: text only, for pages that render their body with
    /// scripts.
    private static func linkedDataBody(_ page: WebPage) -> (element: HTMLElement, wordCount: Int)? {
        guard let text = page.linkedDataArticle?["articleBody"]?.stringValue, !text.isEmpty else { return nil }
        let paragraphs = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let element = HTMLElement("div", children: paragraphs.map { .element(HTMLElement("p", children: [.text($0)])) })
        return (element, TextMeasure.wordCount(text))
    }
}

/// Text measures the extractor compares blocks by.
enum TextMeasure {
    /// Elements whose text is no reading text.
    static let silent: Set<String> = ["script", "style", "noscript", "template", "svg", "button", "select", "option", "textarea"]

    static func wordCount(_ text: String) -> Int {
        text.split { !$0.isLetter && !$0.isNumber }.count
    }

    /// The words of the text a reader sees.
    static func words(_ element: HTMLElement) -> Int { wordCount(text(element)) }

    /// The visible text (no scripts, styles, buttons).
    static func text(_ element: HTMLElement) -> String {
        element.children.map { child in
            switch child {
            case .text(let text): return text
            case .element(let inner): return silent.contains(inner.name) ? " " : " " + text(inner) + " "
            }
        }.joined()
    }

    /// Characters of text inside the paragraphs, list items, quotes and code below `element`:
    /// what distinguishes a post from a list of links.
    static func paragraphText(_ element: HTMLElement) -> Int {
        element.descendants { ["p", "pre", "blockquote", "li", "h2", "h3", "td"].contains($0.name) }
            .reduce(0) { $0 + (["li", "td", "h2", "h3"].contains($1.name) ? 1 : 2) * letters($1) / 2 }
    }

    /// Non-space characters of visible text.
    static func letters(_ element: HTMLElement) -> Int {
        text(element).reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
    }

    /// Of the visible text, the share inside links.
    static func linkDensity(_ element: HTMLElement) -> Double {
        let total = letters(element)
        guard total > 0 else { return 0 }
        let linked = element.descendants { $0.name == "a" }.reduce(0) { $0 + letters($1) }
        return Double(linked) / Double(total)
    }
}

/// Readability's idea: every paragraph scores its parent (and half its grandparent) by its
/// length and commas; the block with the best score, discounted by its link density, holds the
/// post.
enum ReadabilityScore {
    static func best(in body: HTMLElement) -> HTMLElement? {
        var scores: [String: (element: HTMLElement, score: Double)] = [:]
        walk(body, path: "0", parents: []) { paragraph, parents in
            let letters = TextMeasure.letters(paragraph)
            guard letters >= 25 else { return }
            let text = TextMeasure.text(paragraph)
            let points = 1 + Double(text.filter { $0 == "," }.count) + min(3, Double(letters) / 100)
            for (depth, parent) in parents.suffix(2).reversed().enumerated() {
                scores[parent.path, default: (parent.element, 0)].score += depth == 0 ? points : points / 2
            }
        }
        let ranked = scores.values.map { ($0.element, $0.score * (1 - TextMeasure.linkDensity($0.element))) }
        guard let best = ranked.max(by: { $0.1 < $1.1 }), best.1 >= 5 else { return nil }
        return best.0
    }

    /// Calls `visit` for each paragraph-like element with its block ancestors (keyed by their
    /// position path, as elements are values).
    private static func walk(_ element: HTMLElement, path: String, parents: [(path: String, element: HTMLElement)],
                             visit: (HTMLElement, [(path: String, element: HTMLElement)]) -> Void) {
        for (index, child) in element.elementChildren.enumerated() {
            let childPath = path + "." + String(index)
            if ["p", "pre", "blockquote"].contains(child.name) {
                visit(child, parents)
            } else if ["div", "section", "article", "main", "td"].contains(child.name) {
                walk(child, path: childPath, parents: parents + [(childPath, child)], visit: visit)
            } else if !TextMeasure.silent.contains(child.name) {
                walk(child, path: childPath, parents: parents, visit: visit)
            }
        }
    }
}

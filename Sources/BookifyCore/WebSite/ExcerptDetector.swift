/// Tells a feed item that holds only an excerpt of its post: it ends in "[…]", "Read more",
/// "Continue reading" (WordPress's summary feeds and themes write these), or it is short
/// enough that its page may hold more. Whether the page really holds more is the site
/// reader's to check (`isMuchLonger`).
enum ExcerptDetector {
    /// Endings of excerpts, lower-cased, as engines and themes write them.
    static let endings = ["[…]", "[...]", "[&hellip;]", "…", "...", "(more…)", "(more...)", "read more", "read more »",
                          "continue reading", "continue reading →", "continue reading »", "read the full post", "read the rest",
                          "keep reading", "read full article", "full post", "more »", "»"]

    /// Fewer words than this, and a feed item may be an excerpt whatever its ending.
    static let shortItemWords = 80

    /// How sure it is that a feed item is an excerpt.
    enum Signal {
        /// It says so: no text, or an ending such as "[…]" or "Continue reading".
        case marked
        /// It is short: its page may hold more.
        case short
    }

    /// Whether `post`'s feed content looks like an excerpt of it, and how surely.
    static func signal(_ post: Post) -> Signal? {
        let text = plainText(post)
        if text.isEmpty { return .marked }
        let tail = text.suffix(40).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if endings.contains(where: { tail.hasSuffix($0) }) { return .marked }
        return TextMeasure.wordCount(text) < shortItemWords ? .short : nil
    }

    /// Whether a page's article is enough longer than the feed's text to replace it.
    static func isMuchLonger(_ article: ExtractedArticle, than post: Post) -> Bool {
        let feedWords = TextMeasure.wordCount(plainText(post))
        return article.wordCount >= feedWords + 20 && Double(article.wordCount) >= Double(feedWords) * 1.3
    }

    private static func plainText(_ post: Post) -> String {
        switch post.contentFormat {
        case .html, .auto:
            return WebPage.folded(HTMLParser().parseFragment(post.content).map(\.textContent).joined(separator: " "))
        default:
            return WebPage.folded(post.content)
        }
    }
}

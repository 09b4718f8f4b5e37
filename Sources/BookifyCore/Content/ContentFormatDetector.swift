/// Tells HTML from Markdown in feed content that may hold either.
enum ContentFormatDetector {
    private static let blockTagPattern = #"(?i)</?(p|div|br|h[1-6]|ul|ol|li|blockquote|pre|table|figure|img|section|article)\b[^>]*>"#

    /// `.html` when the text starts with a tag or its paragraphs are marked up with block
    /// tags; otherwise `.markdown`.
    static func detect(_ text: String) -> ContentFormat {
        let start = text.drop(while: \.isWhitespace)
        if start.hasPrefix("<"), !start.hasPrefix("<http"), !start.hasPrefix("<!--") { return .html }
        let blockTags = text.matches(of: try! Regex(blockTagPattern)).count
        let blankLineParagraphs = text.matches(of: /\n[ \t]*\n/).count
        return blockTags > 0 && blockTags >= blankLineParagraphs ? .html : .markdown
    }
}

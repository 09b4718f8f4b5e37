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

    /// Whether plain text (JSON Feed `content_text`) is in fact Markdown: fenced code, headings,
    /// links, emphasis or lists on at least two lines, or any fence or link.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        if text.contains("```") || text.contains("~~~") || text.firstMatch(of: /\[[^\]\n]+\]\([^)\s]+\)/) != nil {
            return true
        }
        let markers = text.split(separator: "\n").filter { line in
            line.firstMatch(of: /^(#{1,6} \S|[-*+] \S|\d+\. \S|> \S)/) != nil
                || line.firstMatch(of: /(\*\*|__)\S.*?\S(\*\*|__)/) != nil
        }
        return markers.count >= 2
    }
}

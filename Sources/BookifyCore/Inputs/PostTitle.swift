import Foundation

/// Titles for posts that have none (microblog posts, untitled feed items).
enum PostTitle {
    static let maximumWords = 10

    /// The first words of the summary, else of the body's text, else "Untitled post".
    static func derived(summary: String?, content: String, format: ContentFormat) -> String {
        let candidates = [summary, format == .text ? content : strippingMarkup(content)]
        for candidate in candidates.compactMap({ $0 }) {
            let words = candidate.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty else { continue }
            let title = words.prefix(maximumWords).joined(separator: " ")
            return words.count > maximumWords ? title + "…" : title
        }
        return "Untitled post"
    }

    /// A rough plain text of HTML or Markdown: good enough for a few words of a title.
    private static func strippingMarkup(_ text: String) -> String {
        text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"[#*_`>\[\]]"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\(https?://[^)]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

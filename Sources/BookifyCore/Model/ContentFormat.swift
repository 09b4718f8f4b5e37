/// How a post's body text is written.
public enum ContentFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// HTML or Markdown; the content stage decides from the text (JSON Feed `content_html`
    /// holds either in real feeds).
    case auto
    case html
    case markdown
    /// Plain text: paragraphs separated by blank lines.
    case text
}

/// How the content stage reads the posts' bodies.
public struct ContentSettings: Sendable {
    /// How `content_html`-style bodies are read when they could be HTML or Markdown; `nil`:
    /// decided from each body's text.
    public var contentFormat: ContentFormat?

    /// Settings that decide each body's format from its text.
    public init() {}
}

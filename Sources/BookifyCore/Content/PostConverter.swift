import Foundation

/// Turns a post's body, in whatever format it came, into a sanitized XHTML body.
public struct PostConverter: Sendable {
    /// Overrides the detection of HTML versus Markdown in `ContentFormat.auto` bodies.
    public var autoFormat: ContentFormat?

    private let markdown = MarkdownRenderer()
    private let parser = HTMLParser()

    public init(autoFormat: ContentFormat? = nil) {
        self.autoFormat = autoFormat
    }

    /// Converts one post into the document `documentID`; links to the posts in `links` stay
    /// inside the book.
    public func convert(_ post: Post, documentID: String, links: BookLinks = BookLinks()) -> PostDocument {
        let html = html(of: post)
        let parsed = parser.parseFragment(html)
        let sanitizer = HTMLSanitizer(baseURL: post.contentBase ?? post.url, bookLinks: links, documentID: documentID)
        let sanitized = CodeHighlighter.highlight(Footnotes.makeNotes(ContentModel.repair(
            Self.withAttachedMedia(of: post, Self.withLeadImage(of: post, sanitizer.sanitize(parsed))))))
        let outlined = HeadingOutline.normalize(sanitized)
        let scoped = IdentifierScope(prefix: documentID).apply(to: outlined)
        return PostDocument(post: post, documentID: documentID, body: scoped.nodes,
                            headings: HeadingOutline.headings(in: scoped.nodes), brokenLinks: scoped.brokenLinks)
    }

    /// The post's own image (JSON Feed `banner_image`, else `image`) above a body that shows
    /// none: decorative, so it has empty alt text.
    private static func withLeadImage(of post: Post, _ body: [XHTMLNode]) -> [XHTMLNode] {
        guard let lead = post.bannerImage ?? post.image, !showsImage(body) else { return body }
        let marker = MediaReference(source: lead.absoluteString, alt: "").marker
        return [.element(XHTMLElement("figure", attributes: [XHTMLAttribute("class", MediaReference.leadImageClass)],
                                      children: [.element(marker)]))] + body
    }

    /// A podcast episode or video the post carries as an attachment (RSS enclosure, JSON Feed
    /// attachment) and does not show itself: a figure linking to it, after the text.
    private static func withAttachedMedia(of post: Post, _ body: [XHTMLNode]) -> [XHTMLNode] {
        let shown = Set(MediaReference.all(in: body).map(\.source))
        let figures = post.attachments.compactMap { attachment -> XHTMLNode? in
            let kind: MediaReference.Kind? = attachment.mimeType.hasPrefix("audio/") ? .audio
                : attachment.mimeType.hasPrefix("video/") ? .video : nil
            guard let kind, !shown.contains(attachment.url.absoluteString) else { return nil }
            let marker = MediaReference(source: attachment.url.absoluteString, alt: attachment.title, kind: kind).marker
            return .element(XHTMLElement("p", children: [.element(marker)]))
        }
        return body + figures
    }

    private static func showsImage(_ nodes: [XHTMLNode]) -> Bool {
        MediaReference.all(in: nodes).contains { $0.kind == .image }
    }

    private func html(of post: Post) -> String {
        let content = Self.withoutControlCharacters(post.content)
        var format = post.contentFormat
        if format == .auto { format = autoFormat ?? ContentFormatDetector.detect(content) }
        switch format {
        case .markdown, .auto: return markdown.render(content)
        case .html: return content
        case .text:
            return ContentFormatDetector.looksLikeMarkdown(content) ? markdown.render(content) : Self.paragraphs(content)
        }
    }

    /// C0 control characters other than tab and line breaks have no place in a book, and a NUL
    /// would end the text early for the C libraries.
    private static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }) else {
            return text
        }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) })
        return String(cleaned)
    }

    /// Plain text as HTML paragraphs, one per blank-line-separated block.
    private static func paragraphs(_ text: String) -> String {
        text.split(separator: /\r?\n[ \t]*\r?\n/)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + XMLText.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
            .joined()
    }
}

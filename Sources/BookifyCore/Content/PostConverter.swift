import Foundation

/// Turns a post's body, in whatever format it came, into the book model.
struct PostConverter: Sendable {
    /// Overrides the detection of HTML versus Markdown in `ContentFormat.auto` bodies.
    var autoFormat: ContentFormat?

    private let markdown = MarkdownRenderer()
    private let parser = HTMLParser()

    init(autoFormat: ContentFormat? = nil) {
        self.autoFormat = autoFormat
    }

    /// Converts one post into the document `documentID`; links to the posts in `links` stay
    /// inside the book. The passes, in order: parse, sanitize, find math in text, add the post's lead image and
    /// attached media, repair content models, set typographic punctuation, mark right-to-left blocks, make notes,
    /// highlight code, outline headings, scope ids.
    func convert(_ post: Post, documentID: String, links: BookLinks = BookLinks(),
                        bookAuthors: [String] = []) -> PostDocument {
        let sanitizer = HTMLSanitizer(baseURL: post.contentBase ?? post.url, bookLinks: links, documentID: documentID)
        var body = sanitizer.sanitize(parsedBody(of: post))
        body = MathDelimiters.apply(body)
        body = Self.withLeadImage(of: post, body)
        body = Self.withAttachedMedia(of: post, body)
        body = ContentModel.repair(body)
        body = SmartPunctuation.apply(body)
        body = TextDirection.apply(body, language: post.language)
        body = Footnotes.makeNotes(body)
        body = CodeHighlighter.highlight(body)
        body = HeadingOutline.normalize(body)
        let scoped = IdentifierScope(prefix: documentID).apply(to: body)
        return PostDocument(post: post, documentID: documentID, header: PostHeader(post: post, bookAuthors: bookAuthors),
                            language: post.language, body: scoped.nodes, headings: HeadingOutline.headings(in: scoped.nodes),
                            brokenLinks: scoped.brokenLinks)
    }

    /// The post's own image (JSON Feed `banner_image`, else `image`) above a body that shows
    /// none: decorative, so it has empty alt text.
    private static func withLeadImage(of post: Post, _ body: [ContentNode]) -> [ContentNode] {
        guard let lead = post.bannerImage ?? post.image, !showsImage(body) else { return body }
        let reference = MediaReference(source: lead.absoluteString, alt: "")
        return [.element(ContentElement(.figure, role: .leadImage, children: [.media(reference)]))] + body
    }

    /// A podcast episode or video the post carries as an attachment (RSS enclosure, JSON Feed
    /// attachment) and does not show itself: a figure linking to it, after the text.
    private static func withAttachedMedia(of post: Post, _ body: [ContentNode]) -> [ContentNode] {
        let shown = Set(MediaReference.all(in: body).map(\.source))
        let figures = post.attachments.compactMap { attachment -> ContentNode? in
            let kind: MediaReference.Kind? = attachment.mimeType.hasPrefix("audio/") ? .audio
                : attachment.mimeType.hasPrefix("video/") ? .video : nil
            guard let kind, !shown.contains(attachment.url.absoluteString) else { return nil }
            let reference = MediaReference(source: attachment.url.absoluteString, alt: attachment.title, kind: kind)
            return .element(ContentElement(.p, children: [.media(reference)]))
        }
        return body + figures
    }

    private static func showsImage(_ nodes: [ContentNode]) -> Bool {
        MediaReference.all(in: nodes).contains { $0.kind == .image }
    }

    private func parsedBody(of post: Post) -> [HTMLNode] {
        // A NUL would end the text early for the C libraries; no control character belongs in a book.
        let content = XMLText.withoutForbiddenCharacters(post.content)
        var format = post.contentFormat
        if format == .auto { format = autoFormat ?? ContentFormatDetector.detect(content) }
        switch format {
        case .markdown, .auto: return parsedMarkdown(content)
        case .html: return parser.parseFragment(content)
        case .text:
            return ContentFormatDetector.looksLikeMarkdown(content) ? parsedMarkdown(content) : parser.parseFragment(Self.paragraphs(content))
        }
    }

    /// Markdown as HTML nodes: read back directly when it holds no raw HTML (most posts), else
    /// parsed as any HTML is.
    private func parsedMarkdown(_ content: String) -> [HTMLNode] {
        let rendering = markdown.rendering(MarkdownMath.protect(content))
        if !rendering.holdsRawHTML, let nodes = RenderedMarkdownReader.read(rendering.html) { return nodes }
        return parser.parseFragment(rendering.html)
    }

    /// Plain text as HTML paragraphs, one per blank-line-separated block.
    private static func paragraphs(_ text: String) -> String {
        text.split(separator: /\r?\n[ \t]*\r?\n/)
            .map(\.trimmed)
            .filter { !$0.isEmpty }
            .map { "<p>" + XMLText.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
            .joined()
    }
}

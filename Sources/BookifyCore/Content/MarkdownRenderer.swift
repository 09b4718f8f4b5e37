import CCmarkGFM
import Foundation

/// Renders GitHub Flavored Markdown to HTML with cmark-gfm.
///
/// Raw HTML is kept (the sanitizer decides what stays), so the output is HTML, not XHTML:
/// it goes through `HTMLParser` before it reaches the book.
struct MarkdownRenderer: Sendable {
    /// The version of cmark-gfm loaded now.
    static var libraryVersion: String { String(cString: cmark_version_string()) }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's extensions once per process, before any concurrent use (see
    /// `MarkdownInlineCharacters` for what else makes parsers safe to run at the same time).
    private static let prepared: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Sets cmark-gfm up; call it once before converting posts concurrently.
    static func prepare() { _ = prepared }

    init() { Self.prepare() }

    /// HTML, and whether it holds raw HTML of the post's own (see `RenderedMarkdownReader`).
    struct Rendering {
        var html: String
        var holdsRawHTML: Bool
    }

    func render(_ markdown: String) -> String {
        rendering(markdown).html
    }

    func rendering(_ markdown: String) -> Rendering {
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
            | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return Rendering(html: "", holdsRawHTML: false) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return Rendering(html: "", holdsRawHTML: false) }
        defer { cmark_node_free(document) }
        let holdsRawHTML = Self.turnUnknownTagsIntoText(document)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Rendering(html: "", holdsRawHTML: false)
        }
        defer { free(html) }
        return Rendering(html: String(cString: html), holdsRawHTML: holdsRawHTML)
    }

    /// Raw HTML whose tag is no HTML element (`<app>`, `</node-ip>`, a block starting `<PID>`)
    /// is what the author typed: it becomes text instead of reaching the sanitizer as markup.
    /// Returns whether other raw HTML stays.
    private static func turnUnknownTagsIntoText(_ document: OpaquePointer) -> Bool {
        var unknown: [OpaquePointer] = []
        var known = false  // raw HTML that stays
        guard let iterator = cmark_iter_new(document) else { return true }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator),
                  cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK else { continue }
            guard let literal = cmark_node_get_literal(node), let name = tagName(String(cString: literal)),
                  !AllowList.htmlElementNames.contains(name) else {
                known = true
                continue
            }
            unknown.append(node)
        }
        cmark_iter_free(iterator)
        for node in unknown {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else {
                known = true
                continue
            }
            cmark_node_set_literal(text, cmark_node_get_literal(node))
            var replacement = text
            if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                cmark_node_append_child(paragraph, text)
                replacement = paragraph
            }
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
        return known
    }

    /// The lower-cased element name of a start or end tag, or `nil` for comments and the like.
    static func tagName(_ html: String) -> String? {
        guard let match = html.prefixMatch(of: /<\/?([A-Za-z][A-Za-z0-9-]*)/) else { return nil }
        return match.output.1.lowercased()
    }
}

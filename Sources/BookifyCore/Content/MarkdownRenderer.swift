import CCmarkGFM
import Foundation

/// Renders GitHub Flavored Markdown to HTML with cmark-gfm.
///
/// Raw HTML is kept (the sanitizer decides what stays), so the output is HTML, not XHTML:
/// it goes through `HTMLParser` before it reaches the book.
struct MarkdownRenderer: Sendable {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's extensions once per process, before any concurrent use.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the inline parser's special characters in a process-wide table that
    /// attaching and freeing a parser's extensions changes (`~` for strikethrough…): parsers
    /// running at the same time make each other drop markup. One conversion at a time.
    private static let lock = NSLock()

    init() { _ = Self.registered }

    func render(_ markdown: String) -> String {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
            | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }
}

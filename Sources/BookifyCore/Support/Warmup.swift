import Foundation

/// The first conversion and the first page of a run pay for much that later ones do not:
/// libxml2's and cmark-gfm's set-up, the templates parsed, the code grammars' tables, the date
/// style of a language, and the Swift runtime's type metadata and conformance lookups for every
/// type on the way. A build starts by parsing its command line and reading its input on one
/// core; `start` meanwhile puts a small built-in post through the same steps on another, so
/// that the build finds this done. Its results are thrown away.
///
/// First, though, it reads the feed the command line names (`FeedPrefetch`): the build needs
/// that before anything else.
public enum Warmup {
    /// Starts the warm-up on a thread of its own, reading the feed file at `feed` (when there
    /// is one there) first; returns at once.
    public static func start(readingAhead feed: String? = nil) {
        let thread = Thread { run(readingAhead: feed) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private static func run(readingAhead feed: String?) {
        // The built-in templates first: the build's writer is made before its input is read.
        _ = try? TemplateLibrary()
        if let feed { FeedPrefetch.read(feed) }
        _ = page()
    }

    /// The built-in post's EPUB page, made as a build makes one (without links or images).
    static func page() -> String? {
        LibXML2.initialize()
        MarkdownRenderer.prepare()
        let post = Post(id: "warm-up", url: URL(string: "https://example.org/warm-up/"), title: "Warm-up", content: sample,
                        contentFormat: .markdown, published: Date(timeIntervalSince1970: 0), tags: ["swift"])
        let document = PostConverter().convert(post, documentID: "p001", links: BookLinks(), bookAuthors: ["A"])
        guard let templates = try? TemplateLibrary() else { return nil }
        let metadata = BookMetadata(title: "Warm-up", authors: ["A"], language: "en", identifier: "urn:uuid:0",
                                    modified: Date(timeIntervalSince1970: 0))
        let writer = XHTMLWriter(documentID: "p001", href: { _ in "" }, imageSource: { _ in "" })
        let renderer = PageRenderer(templates: templates, metadata: metadata, stylesheetHref: "")
        let page = renderer.post(document.header, body: writer.serialize(document.body))
        // A chapter opener's values (a count, a list of links) are of types no post page has.
        _ = renderer.chapterOpener(ChapterOpener(title: "Warm-up", documents: [document]), href: { $0 })
        return XMLChecker.check(page) == nil ? page : nil
    }

    /// A post with the common kinds of content: headings, emphasis, a link, a list, a quote,
    /// code in a few languages, a table and a footnote.
    private static let sample = """
        Some *text* with **strong** words, `code`, a [link](https://example.org/) and "quotes"—dashes.

        ## A heading

        - one
        - two

        > A quote.

        ```swift
        let x = [1, 2].map { $0 * 2 } // comment
        ```

        ```python
        def f(x): return "s"
        ```

        ```sh
        echo "$HOME" | grep -v x
        ```

        | a | b |
        |---|---|
        | 1 | 2 |

        A note.[^1]

        [^1]: The note.
        """
}

@testable import BookifyCore
import Foundation
import Testing

@Suite struct PostConverterTests {
    private func convert(_ content: String, format: ContentFormat = .markdown,
                         url: String = "https://blog.example/posts/one/") -> PostDocument {
        let post = Post(id: "1", url: URL(string: url), title: "One", content: content, contentFormat: format)
        return PostConverter().convert(post, documentID: "p001")
    }

    private func xhtml(_ content: String, format: ContentFormat = .markdown) -> String {
        XHTMLSerializer.serialize(convert(content, format: format).body)
    }

    @Test func rendersGFMTablesWithAlignmentAsClasses() {
        let html = xhtml("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |")
        #expect(html.contains(#"<th class="align-left">a</th>"#))
        #expect(html.contains(#"<td class="align-center">2</td>"#))
        #expect(html.contains(#"<td class="align-right">3</td>"#))
        #expect(!html.contains("style=") && !html.contains("align="))
    }

    @Test func keepsCodeBlocksAndTheirLanguage() {
        let html = xhtml("```swift\nlet a = 1 < 2 && true\n```")
        #expect(html.contains(#"<pre><code class="language-swift">let a = 1 &lt; 2 &amp;&amp; true"#))
    }

    @Test func footnoteLinksPointAtTheirPrefixedNotes() {
        let html = xhtml("Text.[^n]\n\n[^n]: The note.")
        #expect(html.contains(##"href="#p001-fn-n""##))
        #expect(html.contains(#"id="p001-fn-n""#))
        #expect(html.contains(##"href="#p001-fnref-n""##))
    }

    @Test func shiftsHeadingsBelowThePostTitleAndGivesThemIDs() {
        let document = convert("# Top\n\ntext\n\n## Inner\n\n# Top\n")
        #expect(document.headings == [
            Heading(level: 2, text: "Top", id: "p001-top"),
            Heading(level: 3, text: "Inner", id: "p001-inner"),
            Heading(level: 2, text: "Top", id: "p001-top-2"),
        ])
        #expect(XHTMLSerializer.serialize(document.body).contains(#"<h2 id="p001-top">Top</h2>"#))
    }

    @Test func detectsHTMLAndMarkdownInFeedContent() {
        #expect(ContentFormatDetector.detect("<p>Hello <em>there</em></p>") == .html)
        #expect(ContentFormatDetector.detect("\n## Title\n\nSome *text* and <br> a break.\n\nMore.") == .markdown)
        #expect(ContentFormatDetector.detect("Intro line\n<p>one</p>\n<p>two</p>") == .html)
        #expect(ContentFormatDetector.detect("<https://autolink.example> is a link") == .markdown)
    }

    @Test func readsPlainTextAsParagraphs() {
        let html = xhtml("First <line>\nsame paragraph\n\nSecond", format: .text)
        #expect(html == "<p>First &lt;line&gt;<br/>same paragraph</p><p>Second</p>")
    }
}

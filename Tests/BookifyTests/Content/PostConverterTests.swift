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
        #expect(html.contains(#"<pre><code class="language-swift">"#))
        #expect(html.contains(#"<span class="tok-operator">&lt;</span> <span class="tok-number">2</span> <span class="tok-operator">&amp;&amp;</span>"#))
    }

    @Test func footnotesBecomeEPUBNotesWithBackLinks() {
        let html = xhtml("Text.[^n] More.[^m]\n\n[^n]: The note.\n[^m]: Another.")
        #expect(html.contains(##"<a epub:type="noteref" role="doc-noteref" id="p001-fnref-n" href="#p001-fn-n">1</a>"##))
        #expect(html.contains(##"<aside epub:type="footnote" role="doc-footnote" class="footnote" id="p001-fn-m">\##n<p><span class="footnote-label">2. </span>Another."##))
        #expect(html.contains(##"href="#p001-fnref-n""##))
        #expect(!html.contains("<ol>"))
    }

    @Test func inlineTagsThatAreNoHTMLElementsStayText() {
        let html = xhtml("Run `ps` and find <PID>, then ssh to <node-ip> as <app> user. <em>real</em>\n\n<custom-block>\nline\n")
        #expect(html.contains("find &lt;PID&gt;, then ssh to &lt;node-ip&gt; as &lt;app&gt; user. <em>real</em>"))
        #expect(html.contains("<p>&lt;custom-block&gt;\nline\n</p>"))
    }

    @Test func linksToOtherPostsOfTheBookStayInside() {
        var links = BookLinks()
        links.add(URL(string: "https://blog.example/posts/two/")!, documentID: "p002")
        links.add(URL(string: "https://blog.example/posts/one/")!, documentID: "p001")
        let markdown = "[a](https://blog.example/posts/two) [b](../two/#Part-2) [c](http://BLOG.example/posts/two/) "
            + "[self](#intro) [top](https://blog.example/posts/one/) [out](https://other.example/)\n\n## Intro"
        let post = Post(id: "1", url: URL(string: "https://blog.example/posts/one/"), title: "One", content: markdown,
                        contentFormat: .markdown)
        let html = XHTMLSerializer.serialize(PostConverter().convert(post, documentID: "p001", links: links).body)
        #expect(html.contains(#"<a href="p002.xhtml">a</a>"#))
        #expect(html.contains(##"<a href="p002.xhtml#p002-Part-2">b</a>"##))
        #expect(html.contains(#"<a href="p002.xhtml">c</a>"#))
        #expect(html.contains(##"<a href="#p001-intro">self</a>"##))
        #expect(html.contains(#"<a href="p001.xhtml">top</a>"#))
        #expect(html.contains(#"<a href="https://other.example/">out</a>"#))
    }

    @Test func taskListItemsAreMarked() {
        let html = xhtml("- [x] done\n- [ ] open")
        #expect(html.contains(#"<li class="task-list-item"><input type="checkbox" checked="checked" disabled="disabled""#))
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

@Suite struct PlainTextDetectionTests {
    @Test func plainTextThatIsMarkdownIsRenderedAsMarkdown() {
        #expect(ContentFormatDetector.looksLikeMarkdown("# Title\n\nSome text\n\n- one\n- two"))
        #expect(ContentFormatDetector.looksLikeMarkdown("See [the docs](https://e.example/docs)."))
        #expect(ContentFormatDetector.looksLikeMarkdown("Code:\n```\nx\n```"))
        #expect(!ContentFormatDetector.looksLikeMarkdown("Just a note. I paid $5 * 2 for it.\n\nAnother paragraph."))
        #expect(!ContentFormatDetector.looksLikeMarkdown("- a single dash line\nand text"))
        let post = Post(id: "1", title: "T", content: "## Heading\n\n**Bold** text\n- item", contentFormat: .text)
        let html = XHTMLSerializer.serialize(PostConverter().convert(post, documentID: "p001").body)
        #expect(html.contains("<h2 id=\"p001-heading\">Heading</h2>") && html.contains("<strong>Bold</strong>"))
    }
}

@Suite struct DiagramLayoutTests {
    @Test func textDiagramsAreMarkedByWidth() {
        let box = "┌────┐\n│ a  │\n└────┘"
        #expect(DiagramLayout.mark(XHTMLElement("pre", children: [.text(box)]))["class"] == "diagram")
        let wide = "A " + String(repeating: "─", count: 70) + "→ B\n" + String(repeating: " ", count: 72) + "↓"
        #expect(DiagramLayout.mark(XHTMLElement("pre", children: [.text(wide)]))["class"] == "diagram diagram-wide")
        let code = "func f() {\n    return 1\n}"
        #expect(DiagramLayout.mark(XHTMLElement("pre", children: [.text(code)]))["class"] == nil)
    }
}

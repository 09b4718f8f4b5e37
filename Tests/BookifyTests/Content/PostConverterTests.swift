@testable import BookifyCore
import Foundation
import Testing

/// What the content stage makes of a post, compared as tree dumps: exactly what every writer
/// receives.
@Suite struct PostConverterTests {
    private func convert(_ content: String, format: ContentFormat = .markdown,
                         url: String = "https://blog.example/posts/one/") -> PostDocument {
        let post = Post(id: "1", url: URL(string: url), title: "One", content: content, contentFormat: format)
        return PostConverter().convert(post, documentID: "p001")
    }

    private func dump(_ content: String, format: ContentFormat = .markdown) -> String {
        convert(content, format: format).body.dump
    }

    @Test func tableCellsCarryTheirAlignment() {
        // Alignment is data on the cell; no style or align attribute is kept.
        #expect(dump("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |") == """
            table
              "\\n"
              thead
                "\\n"
                tr
                  "\\n"
                  th align=left
                    "a"
                  "\\n"
                  th align=center
                    "b"
                  "\\n"
                  th align=right
                    "c"
                  "\\n"
                "\\n"
              "\\n"
              tbody
                "\\n"
                tr
                  "\\n"
                  td align=left
                    "1"
                  "\\n"
                  td align=center
                    "2"
                  "\\n"
                  td align=right
                    "3"
                  "\\n"
                "\\n"
              "\\n"
            "\\n"
            """)
    }

    @Test func codeBlocksKeepTheirLanguageAndBecomeTokens() {
        #expect(dump("```swift\nlet a = 1 < 2 && true\n```") == """
            pre
              code .language-swift
                token keyword "let"
                " a "
                token operator "="
                " "
                token number "1"
                " "
                token operator "<"
                " "
                token number "2"
                " "
                token operator "&&"
                " "
                token literal "true"
                "\\n"
            "\\n"
            """)
    }

    @Test func footnotesBecomeNotesAndTheirReferencesNoteLinks() {
        // Each note is a note node with its number, in place of the list cmark-gfm writes.
        #expect(dump("Text.[^n] More.[^m]\n\n[^n]: The note.\n[^m]: Another.") == """
            p
              "Text."
              sup .footnote-ref
                a #p001-fnref-n → p001#p001-fn-n (note reference)
                  "1"
              " More."
              sup .footnote-ref
                a #p001-fnref-m → p001#p001-fn-m (note reference)
                  "2"
            "\\n"
            section .footnotes
              "\\n"
              note 1 #p001-fn-n
                "\\n"
                p
                  "The note. "
                  a .footnote-backref → p001#p001-fnref-n
                    "↩︎"
                "\\n"
              note 2 #p001-fn-m
                "\\n"
                p
                  "Another. "
                  a .footnote-backref → p001#p001-fnref-m
                    "↩︎"
                "\\n"
              "\\n"
            "\\n"
            """)
    }

    @Test func inlineTagsThatAreNoHTMLElementsStayText() {
        #expect(dump("Run `ps` and find <PID>, then ssh to <node-ip> as <app> user. <em>real</em>\n\n<custom-block>\nline\n") == """
            p
              "Run "
              code
                "ps"
              " and find <PID>, then ssh to <node-ip> as <app> user. "
              em
                "real"
            "\\n"
            p
              "<custom-block>\\nline\\n"
            "\\n"
            """)
    }

    @Test func linksToOtherPostsOfTheBookAreTypedTargets() {
        var links = BookLinks()
        links.add(URL(string: "https://blog.example/posts/two/")!, documentID: "p002")
        links.add(URL(string: "https://blog.example/posts/one/")!, documentID: "p001")
        let markdown = "[a](https://blog.example/posts/two) [b](../two/#Part-2) [c](http://BLOG.example/posts/two/) "
            + "[self](#intro) [top](https://blog.example/posts/one/) [out](https://other.example/)\n\n## Intro"
        let post = Post(id: "1", url: URL(string: "https://blog.example/posts/one/"), title: "One", content: markdown,
                        contentFormat: .markdown)
        let links1 = PostConverter().convert(post, documentID: "p001", links: links).body.allElements.filter { $0.kind == .a }
        #expect(links1.map(\.link) == [
            .post("p002", anchor: nil), .post("p002", anchor: "p002-Part-2"), .post("p002", anchor: nil),
            .post("p001", anchor: "p001-intro"), .post("p001", anchor: nil), .external("https://other.example/"),
        ])
    }

    @Test func taskListItemsHaveTheirBoxes() {
        #expect(dump("- [x] done\n- [ ] open") == """
            ul
              "\\n"
              li (task item)
                checkbox [x]
                " done"
              "\\n"
              li (task item)
                checkbox [ ]
                " open"
              "\\n"
            "\\n"
            """)
    }

    @Test func shiftsHeadingsBelowThePostTitleAndGivesThemIDs() {
        let document = convert("# Top\n\ntext\n\n## Inner\n\n# Top\n")
        #expect(document.headings == [
            Heading(level: 2, text: "Top", id: "p001-top"),
            Heading(level: 3, text: "Inner", id: "p001-inner"),
            Heading(level: 2, text: "Top", id: "p001-top-2"),
        ])
        #expect(document.body.dump.hasPrefix("h2 #p001-top\n  \"Top\""))
    }

    @Test func aPostKeepsItsLanguageAndHeader() {
        var post = Post(id: "1", url: URL(string: "https://blog.example/de/"), title: "Hallo", content: "Text",
                        contentFormat: .markdown, published: Date(timeIntervalSince1970: 0), authors: [Author(name: "Gast")],
                        tags: ["a", "b"], language: "de")
        post.externalURL = URL(string: "https://other.example/")
        let document = PostConverter().convert(post, documentID: "p001", bookAuthors: ["Owner"])
        #expect(document.language == "de")
        #expect(document.header.title == "Hallo" && document.header.authors == ["Gast"] && document.header.tags == ["a", "b"])
        #expect(document.header.externalURL?.absoluteString == "https://other.example/")
        #expect(PostConverter().convert(post, documentID: "p001", bookAuthors: ["Gast"]).header.authors.isEmpty,
                "the book's own author is not repeated on each post")
    }

    @Test func detectsHTMLAndMarkdownInFeedContent() {
        #expect(ContentFormatDetector.detect("<p>Hello <em>there</em></p>") == .html)
        #expect(ContentFormatDetector.detect("\n## Title\n\nSome *text* and <br> a break.\n\nMore.") == .markdown)
        #expect(ContentFormatDetector.detect("Intro line\n<p>one</p>\n<p>two</p>") == .html)
        #expect(ContentFormatDetector.detect("<https://autolink.example> is a link") == .markdown)
    }

    /// Math is found line by line: in prose, not in code, whatever the line endings.
    @Test func mathIsFoundInProseButNotInCodeWithEitherLineEnding() {
        for ending in ["\n", "\r\n"] {
            let markdown = ["A shell:", "", "```sh", "echo $HOME $PATH", "```", "", "So $x^2$ grows, as $$y_1 = 2$$ says.", "",
                            "    indented $code$", "", "Costs $5 and $10."].joined(separator: ending)
            let body = convert(markdown).body
            func formulas(_ nodes: [ContentNode]) -> [String] {
                nodes.flatMap { node -> [String] in
                    if case .math(let formula) = node { return [formula.source] }
                    return formulas(node.children)
                }
            }
            #expect(formulas(body) == ["x^2", "y_1 = 2"], "\(ending.debugDescription): \(body.dump)")
            let text = body.map(\.textContent).joined()
            #expect(text.contains("echo $HOME $PATH") && text.contains("indented $code$") && text.contains("Costs $5 and $10."), "\(text)")
        }
    }

    @Test func readsPlainTextAsParagraphs() {
        #expect(dump("First <line>\nsame paragraph\n\nSecond", format: .text) == """
            p
              "First <line>"
              br
              "same paragraph"
            p
              "Second"
            """)
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
        let tree = PostConverter().convert(post, documentID: "p001").body.dump
        #expect(tree.hasPrefix("h2 #p001-heading\n  \"Heading\"") && tree.contains("strong\n    \"Bold\""))
    }
}

@Suite struct DiagramLayoutTests {
    @Test func textDiagramsAreMarkedWithTheirLongestLine() {
        let box = "┌────┐\n│ a  │\n└────┘"
        #expect(DiagramLayout.mark(ContentElement(.pre, children: [.text(box)])).role == .diagram(longestLine: 6))
        let wide = "A " + String(repeating: "─", count: 70) + "→ B\n" + String(repeating: " ", count: 72) + "↓"
        #expect(DiagramLayout.mark(ContentElement(.pre, children: [.text(wide)])).role == .diagram(longestLine: 75))
        let code = "func f() {\n    return 1\n}"
        #expect(DiagramLayout.mark(ContentElement(.pre, children: [.text(code)])).role == nil)
    }

    @Test func theLongestLineIsCountedInCharactersWhateverTheScript() {
        let texts = ["┌──┐\n│ab│\n└──┘", "a\u{0301}bcd\n→→", "e\u{0301}\u{0301}\nxy", "你好\n世界!", "a\r\nbcdef\r\nxy",
                     "👍🏽 ok\n👨‍👩‍👧 x", "x\u{200D}y\nabc", "", "\n\n", "tab\tand\u{00A0}space ─→"]
        for text in texts {
            let characters = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
            #expect(DiagramLayout.longestLine(text) == characters, "\(text.debugDescription)")
        }
    }

    @Test func aDiagramsDescriptionHasItsWordsSeparatedByOneSpaceWhateverTheScript() {
        let texts = ["┌──┐\n│ab│  \n└──┘ ", "  a\u{0301} b\t\tc\n→→\n", "x \u{0301}y", "你好\u{3000}世界", "a\r\nb",
                     "👍🏽 ok\n👨‍👩‍👧 x", "tab\tand\u{00A0}nbsp\u{2028}ls", "", " \n "]
        for text in texts {
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(DiagramLayout.collapsingWhitespace(text) == words, "\(text.debugDescription)")
        }
    }
}

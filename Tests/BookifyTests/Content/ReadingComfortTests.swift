@testable import BookifyCore
import Foundation
import Testing

/// The content stage's part in reading comfort (issue 14): typographic punctuation, headings
/// without permalinks, quiet placeholders, code cut into lines.
@Suite struct ReadingComfortTests {
    private func convert(_ content: String, format: ContentFormat = .markdown) -> PostDocument {
        let post = Post(id: "1", url: URL(string: "https://blog.example/posts/one/"), title: "One", content: content, contentFormat: format)
        return PostConverter().convert(post, documentID: "p001")
    }

    private func text(_ content: String, format: ContentFormat = .markdown) -> String {
        convert(content, format: format).body.map(\.textContent).joined()
    }

    @Test(arguments: [
        ("\"Hello,\" she said. It's the '90s.", "“Hello,” she said. It’s the ’90s."),
        ("She said 'yes' --- then \"no\"...", "She said ‘yes’ — then “no”…"),
        ("pages 10--20 and (\"quoted\")", "pages 10–20 and (“quoted”)"),
        ("run it with --title \"A\"", "run it with --title “A”"),
        ("He said \"*really*?\"", "He said “really?”"),
    ])
    func proseGetsTypographicPunctuation(markdown: String, expected: String) {
        #expect(text(markdown).trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    @Test func codeAddressesAndAttributesKeepTheirPunctuation() {
        let document = convert("Run `say \"hi\" -- 'x'` or see https://example.org/a--b?x='1' now.\n\n```\nprint(\"it's\")\n```\n\n![A \"quoted\" alt](x.png)")
        let dump = document.body.dump
        #expect(dump.contains("\"say \\\"hi\\\" -- 'x'\""), "\(dump)")
        #expect(dump.contains("\"https://example.org/a--b?x='1\""), "the address keeps its hyphens and quote")
        #expect(dump.contains("it's"))
        #expect(dump.contains("A \\\"quoted\\\" alt"), "attributes are left alone: \(dump)")
    }

    @Test func htmlTextGetsTheSameRules() {
        #expect(text("<p>It's \"fine\" -- <code>a--b</code></p>", format: .html) == "It’s “fine” – a--b")
    }

    @Test func headingsLoseTheirPermalinks() {
        let html = """
            <h2 id="setup"><a href="#setup">Setup</a></h2><h2 id="next">Next <a class="anchor" href="#next">#</a></h2>
            <h2><a id="last" href="#last">Last</a></h2><p>See <a href="#setup">setup</a>.</p>
            """
        let document = convert(html, format: .html)
        let headings = document.body.allElements.filter { $0.kind == .h2 }
        #expect(headings.map(\.textContent) == ["Setup", "Next ", "Last"])
        #expect(headings.allSatisfy { $0.children.allElements.allSatisfy { $0.kind != .a } }, "\(document.body.dump)")
        #expect(headings.last?.id == "p001-last", "the anchor's id moves to its heading")
        #expect(document.body.allElements.contains { $0.kind == .a && $0.link != nil }, "links elsewhere stay")
    }

    @Test func aMissingImageIsDescribedByItsAltTextOrAsImageNeverByItsFileName() {
        #expect(MediaReference(source: "https://x.example/img/httprouter_1.png", alt: "").description == "Image")
        #expect(MediaReference(source: "https://x.example/a.png", alt: "A chart").description == "A chart")
        #expect(MediaReference(source: "data:image/png;base64,AAAA", alt: nil).description == "Image")
        let bare = MediaPlaceholder(reference: MediaReference(source: "https://x.example/a.png", alt: ""), layout: .figure)
        #expect(bare.label == "Image not available", "not \"Image (image not available)\"")
        let described = MediaPlaceholder(reference: MediaReference(source: "https://x.example/a.png", alt: "A chart"), layout: .figure)
        #expect(described.label == "A chart (image not available)")
    }

    @Test func codeIsCutIntoLinesAcrossTokensAndElements() {
        let nodes: [ContentNode] = [.token(CodeToken(kind: .comment, text: "/* one\n   two */")), .text("\n    x = 1\n"),
                                    .element(ContentElement(.span, id: "here", children: [.text("a\nb")]))]
        let lines = CodeLines.split(nodes)
        #expect(lines.map { $0.map(\.textContent).joined() } == ["/* one", "   two */", "    x = 1", "a", "b"])
        #expect(lines.map(CodeLines.indentation(of:)) == [0, 3, 4, 0, 0])
        #expect(lines[3].first?.element()?.id == "here" && lines[4].first?.element()?.id == nil, "an id stays with the first part")
    }

    @Test(arguments: [("┌──┐\n└──┘\n", true), ("a → b\nc ← d\n", true), ("+---+\n|  x|\n+---+\n", true),
                      ("░░\n▓▓", true), ("let a = b -- c\nx = 1\n", false), ("one ┌ line only\n", false), ("", false)])
    func textDiagramsAreToldFromCode(text: String, isDiagram: Bool) {
        #expect(DiagramLayout.isDiagram(text) == isDiagram)
    }

    @Test func chapterOpenersListFewPostsAndDoNotRepeatTheirYears() {
        let posts = (1...3).map { Post(id: "\($0)", title: "Post \($0)", content: "x", contentFormat: .markdown, published: FeedDate.parseISO8601("2008-0\($0)-01")) }
        let documents = posts.enumerated().map { PostConverter().convert($1, documentID: "p00\($0 + 1)") }
        let opener = ChapterOpener(title: "2008", documents: documents)
        #expect(opener.yearsText == nil, "a chapter titled 2008 does not say 2008 again")
        #expect(ChapterOpener(title: "Go", documents: documents).yearsText == "2008")
        #expect(opener.listedPosts.count == 3)
        let many = (1...20).map { PostConverter().convert(Post(id: "\($0)", title: "P\($0)", content: "x", contentFormat: .markdown), documentID: "p\($0)") }
        #expect(ChapterOpener(title: "Many", documents: many).listedPosts.isEmpty, "a long chapter is listed by the contents")
    }

    @Test func consecutiveChaptersWithOneTitleAreJoined() {
        let post = { (id: String) in Post(id: id, title: id, content: "x", contentFormat: .markdown) }
        let joined = BookPlanner.joiningRepeats([Chapter(title: "Go", posts: [post("a")]), Chapter(title: "Go", posts: [post("b")]),
                                                 Chapter(title: nil, posts: [post("c")]), Chapter(title: nil, posts: [post("d")])])
        #expect(joined.map(\.title) == ["Go", nil, nil])
        #expect(joined[0].posts.map(\.id) == ["a", "b"])
    }
}

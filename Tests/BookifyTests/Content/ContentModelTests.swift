@testable import BookifyCore
import Testing

@Suite struct ContentModelTests {
    /// `html` sanitized and repaired, dumped.
    private func repair(_ html: String) -> String {
        ContentModel.repair(HTMLSanitizer().sanitize(HTMLParser().parseFragment(html))).dump
    }

    @Test func unwrapsBlocksInsidePhrasingElements() {
        #expect(repair("<span>a<div>b</div><hr>c</span>") == "span\n  \"a\"\n  \"b\"\n  \"c\"")
        #expect(repair("<h2>Title <ul><li>x</li></ul></h2>") == "h2\n  \"Title \"\n  \"x\"")
    }

    @Test func aBlockInAParagraphEndsItAsAnHTMLParserWould() {
        // research.swtch.com's anchored headings: the heading and its id survive.
        let element = ContentElement(.p, children: [
            .text("Text "),
            .element(ContentElement(.a, link: .post("p001", anchor: "algorithms"), children: [
                .element(ContentElement(.h2, id: "algorithms", children: [.text("Algorithms")])),
            ])),
            .text(" more"),
            .element(ContentElement(.div, children: [.text("block")])),
            .text(" "),
        ])
        #expect(ContentModel.repair([.element(element)]).dump == """
            p
              "Text "
            a → p001#algorithms
              h2 #algorithms
                "Algorithms"
            p
              " more"
            div
              "block"
            """)
        #expect(repair("<p>a <em>b</em></p>") == "p\n  \"a \"\n  em\n    \"b\"")
    }

    @Test func unwrapsLinksInsideLinks() {
        // The HTML parser already closes an open link at the next one; a placeholder or a
        // sanitized tree can still nest them.
        let inner = ContentElement(.a, link: .external("https://b.example/"), children: [.text("y")])
        let outer = ContentElement(.a, link: .external("https://a.example/"), children: [.text("x "), .element(inner)])
        #expect(ContentModel.repair([.element(outer)]).dump == "a → https://a.example/\n  \"x \"\n  \"y\"")
    }

    @Test func aStrayFigcaptionBecomesAParagraph() {
        #expect(repair("<p>x</p><figcaption>cap</figcaption>") == "p\n  \"x\"\np (stray caption)\n  \"cap\"")
        #expect(repair("<figure><figcaption>c</figcaption><p>i</p><figcaption>d</figcaption></figure>")
                == "figure\n  figcaption\n    \"c\"\n  p\n    \"i\"\n  figcaption\n    \"d\"")
        #expect(repair("<figure><p>i</p><figcaption>mid</figcaption><p>j</p></figure>")
                == "figure\n  p\n    \"i\"\n  p (stray caption)\n    \"mid\"\n  p\n    \"j\"")
    }

    @Test func aBrokenDefinitionListBecomesBlocksThatSayWhatTheyWere() {
        #expect(repair("<dl><dd>orphan</dd><dt>term</dt></dl>")
                == "div\n  div (definition description)\n    \"orphan\"\n  div (definition term)\n    \"term\"")
    }
}

@testable import BookifyCore
import Testing

@Suite struct ContentModelTests {
    private func repair(_ html: String) -> String {
        XHTMLSerializer.serialize(ContentModel.repair(HTMLParser().parseFragment(html)))
    }

    @Test func unwrapsBlocksInsidePhrasingElements() {
        #expect(repair("<span>a<div>b</div><hr>c</span>") == "<span>abc</span>")
        #expect(repair("<h2>Title <ul><li>x</li></ul></h2>") == "<h2>Title x</h2>")
    }

    @Test func aBlockInAParagraphEndsItAsAnHTMLParserWould() {
        // research.swtch.com's anchored headings: the heading and its id survive.
        let element = XHTMLElement("p", children: [
            .text("Text "),
            .element(XHTMLElement("a", attributes: [XHTMLAttribute("href", "#algorithms")], children: [
                .element(XHTMLElement("h2", attributes: [XHTMLAttribute("id", "algorithms")], children: [.text("Algorithms")])),
            ])),
            .text(" more"),
            .element(XHTMLElement("div", children: [.text("block")])),
            .text(" "),
        ])
        #expect(XHTMLSerializer.serialize(ContentModel.repair([.element(element)]))
                == ##"<p>Text </p><a href="#algorithms"><h2 id="algorithms">Algorithms</h2></a><p> more</p><div>block</div>"##)
        #expect(repair("<p>a <em>b</em></p>") == "<p>a <em>b</em></p>")
    }

    @Test func unwrapsLinksInsideLinks() {
        // The HTML parser already closes an open link at the next one; a placeholder or a
        // sanitized tree can still nest them.
        let inner = XHTMLElement("a", attributes: [XHTMLAttribute("href", "https://b.example/")], children: [.text("y")])
        let outer = XHTMLElement("a", attributes: [XHTMLAttribute("href", "https://a.example/")],
                                 children: [.text("x "), .element(inner)])
        #expect(XHTMLSerializer.serialize(ContentModel.repair([.element(outer)]))
                == #"<a href="https://a.example/">x y</a>"#)
    }

    @Test func aStrayFigcaptionBecomesAParagraph() {
        #expect(repair("<p>x</p><figcaption>cap</figcaption>") == #"<p>x</p><p class="caption">cap</p>"#)
        #expect(repair("<figure><figcaption>c</figcaption><p>i</p><figcaption>d</figcaption></figure>")
                == "<figure><figcaption>c</figcaption><p>i</p><figcaption>d</figcaption></figure>")
        #expect(repair("<figure><p>i</p><figcaption>mid</figcaption><p>j</p></figure>")
                == #"<figure><p>i</p><p class="caption">mid</p><p>j</p></figure>"#)
    }
}

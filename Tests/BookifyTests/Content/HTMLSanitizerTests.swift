@testable import BookifyCore
import Foundation
import Testing

@Suite struct HTMLSanitizerTests {
    private func clean(_ html: String, base: String? = "https://blog.example/posts/one/") -> String {
        let post = Post(id: "1", url: base.flatMap { URL(string: $0) }, title: "T", content: html, contentFormat: .html)
        return XHTMLSerializer.serialize(PostConverter().convert(post, documentID: "p001").body)
    }

    @Test func removesActiveContent() {
        let html = clean("""
        <p onclick="steal()">Hi<script>alert(1)</script></p><style>p{}</style>
        <iframe src="https://evil.example"></iframe><object data="x"></object><embed src="y">
        <form action="/x"><input type="text" name="q"><button>Go</button><textarea>t</textarea></form>
        <a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a><a href=" JaVaScRiPt:x">mixed</a>
        """)
        for forbidden in ["script", "alert", "onclick", "<style", "iframe", "object", "embed", "form", "button",
                          "textarea", "javascript", "data:", "<input"] {
            #expect(!html.lowercased().contains(forbidden.lowercased()), "\(forbidden) survived in \(html)")
        }
        #expect(html.contains("<p>Hi</p>"))
        #expect(html.contains("<a>js</a>"))
    }

    @Test func unwrapsUnknownElementsKeepingTheirText() {
        #expect(clean("<p><blink>on</blink> <font color=red>and</font> <custom-tag>off</custom-tag></p>")
                == "<p>on and off</p>")
    }

    @Test func resolvesRelativeLinksAgainstThePost() {
        let html = clean(#"<p><a href="../two/">two</a> <a href="/about">about</a> <a href="mailto:a@b.example">mail</a></p>"#)
        #expect(html.contains(#"href="https://blog.example/posts/two/""#))
        #expect(html.contains(#"href="https://blog.example/about""#))
        #expect(html.contains(#"href="mailto:a@b.example""#))
    }

    @Test func dropsRelativeLinksWithoutABase() {
        #expect(clean(#"<p><a href="page.html">x</a></p>"#, base: nil) == "<p><a>x</a></p>")
    }

    @Test func fragmentLinksFollowTheirTargetsOrLoseTheirHref() {
        let html = clean(##"<h2 id="Intro Part">Intro</h2><p><a href="#Intro Part">up</a> <a href="#missing">gone</a></p>"##)
        #expect(html.contains(#"<h2 id="p001-Intro-Part">"#))
        #expect(html.contains(##"<a href="#p001-Intro-Part">up</a>"##))
        #expect(html.contains("<a>gone</a>"))
    }

    @Test func aLinkToAPostOnASharedPageFindsThatPost() {
        var links = BookLinks()
        links.add(URL(string: "http://day.example/2017/06/26.html#a1")!, documentID: "p001")
        links.add(URL(string: "http://day.example/2017/06/26.html#a2")!, documentID: "p002")
        let post = Post(id: "3", url: URL(string: "http://day.example/2017/06/27.html"), title: "T",
                        content: #"<p><a href="26.html#a2">the item</a> and <a href="26.html">the day</a></p>"#, contentFormat: .html)
        let html = XHTMLSerializer.serialize(PostConverter().convert(post, documentID: "p003", links: links).body)
        #expect(html == #"<p><a href="p002.xhtml">the item</a> and <a href="p001.xhtml">the day</a></p>"#)
    }

    @Test func namedAnchorsAreLinkTargets() {
        let html = clean(##"<p>Claim<a href="#note1"><sup>1</sup></a></p><ol><li><a name="note1"></a>Source</li></ol>"##)
        #expect(html.contains(##"<a href="#p001-note1"><sup>1</sup></a>"##) && html.contains(#"<li><a id="p001-note1"></a>Source</li>"#))
    }

    @Test func makesDuplicateIDsUnique() {
        let html = clean(#"<p id="x">1</p><p id="x">2</p>"#)
        #expect(html == #"<p id="p001-x">1</p><p id="p001-x-2">2</p>"#)
    }

    @Test func mediaBecomeReferencesResolvedAgainstThePostForTheAssetStage() {
        let html = clean(#"<p><img src="/img/a.png" alt="A diagram" onerror="x()" width="9"> <img src="demo.mp4"> "#
                         + #"<picture><source srcset="b.webp 2x"><img src="b.png" alt="B"></picture> <video><source src="v.webm"></video></p>"#)
        #expect(html.contains(#"<img src="https://blog.example/img/a.png" alt="A diagram"/>"#))
        #expect(html.contains(#"<img src="https://blog.example/posts/one/demo.mp4" data-bookify-media="video"/>"#))
        #expect(html.contains(#"<img src="https://blog.example/posts/one/b.png" alt="B"/>"#))
        #expect(html.contains(#"<img src="https://blog.example/posts/one/v.webm" data-bookify-media="video"/>"#))
        #expect(!html.contains("onerror") && !html.contains("width") && !html.contains("<source"))
        // Lazy loading keeps the real image in data-src; 1×1 tracking pixels go.
        #expect(clean(#"<p><img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="r"></p>"#)
                == #"<p><img src="https://blog.example/real.jpg" alt="r"/></p>"#)
        #expect(clean(#"<p>Text<img src="https://cpx.example/cpx.php?a=1" alt="" width="1" height="1" /></p>"#) == "<p>Text</p>")
        // Without a post URL a relative path stays as written, for --assets to find.
        #expect(clean(#"<img src="img/c.png">"#, base: nil) == #"<img src="img/c.png"/>"#)
        #expect(clean(#"<img src="//cdn.example/c.png">"#, base: nil) == #"<img src="https://cdn.example/c.png"/>"#)
    }

    @Test func emojiImagesBecomeTheirEmoji() {
        #expect(clean(#"<p>Nice <img class="wp-smiley" src="https://s.w.org/72x72/1f642.png" alt="🙂"> day</p>"#)
                == "<p>Nice 🙂 day</p>")
        #expect(clean(#"<p><img src="/a.png" alt="42"></p>"#).contains(#"alt="42""#), "digits are no emoji")
    }

    @Test func movesContentOutOfHTML5VoidElementsLibxml2DoesNotKnow() {
        let html = clean("<p>a<wbr>b</p><video><source src=\"v.mp4\">Fallback text</video>")
        #expect(html.contains("<p>a<wbr/>b</p>"))
        #expect(!html.contains("<source"))
    }

    @Test func dropsControlCharactersAndKeepsTheText() {
        #expect(clean("<p>a\u{1}b\u{8}c\u{7F}d</p>") == "<p>abcd</p>")
    }

    @Test func survivesHostileNesting() {
        let deep = String(repeating: "<div>", count: 3_000) + "deep text" + String(repeating: "</div>", count: 3_000)
        #expect(clean(deep).contains("deep text"))
    }

    @Test func keepsTaskListBoxesDisabled() {
        let html = clean(#"<ul><li><input type="checkbox" checked=""> done</li></ul>"#)
        #expect(html.contains(#"<input type="checkbox" checked="checked" disabled="disabled" class="task-list-item-checkbox"/>"#))
    }

    @Test func writesLangTwiceAsEPUBReadersExpect() {
        #expect(clean(#"<p lang="fr">bonjour</p>"#) == #"<p lang="fr" xml:lang="fr">bonjour</p>"#)
    }
}

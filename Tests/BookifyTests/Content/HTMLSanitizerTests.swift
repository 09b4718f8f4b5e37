@testable import BookifyCore
import Foundation
import Testing

@Suite struct HTMLSanitizerTests {
    /// The tree a post made of `html` becomes, dumped.
    private func clean(_ html: String, base: String? = "https://blog.example/posts/one/") -> String {
        let post = Post(id: "1", url: base.flatMap { URL(string: $0) }, title: "T", content: html, contentFormat: .html)
        return PostConverter().convert(post, documentID: "p001").body.dump
    }

    @Test func removesActiveContent() {
        let html = clean("""
        <p onclick="steal()">Hi<script>alert(1)</script></p><style>p{}</style>
        <iframe src="https://evil.example"></iframe><object data="x"></object><embed src="y">
        <form action="/x"><input type="text" name="q"><button>Go</button><textarea>t</textarea></form>
        <a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a><a href=" JaVaScRiPt:x">mixed</a>
        """)
        for forbidden in ["script", "alert", "onclick", "style", "iframe", "object", "embed", "form", "button",
                          "textarea", "javascript", "data:", "input", "checkbox"] {
            #expect(!html.lowercased().contains(forbidden.lowercased()), "\(forbidden) survived in \(html)")
        }
        #expect(html.hasPrefix("p\n  \"Hi\"\n"))
        #expect(html.contains("a\n  \"js\""), "a link without its javascript: target")
    }

    @Test func unwrapsUnknownElementsKeepingTheirText() {
        #expect(clean("<p><blink>on</blink> <font color=red>and</font> <custom-tag>off</custom-tag></p>")
                == "p\n  \"on\"\n  \" \"\n  \"and\"\n  \" \"\n  \"off\"")
    }

    @Test func resolvesRelativeLinksAgainstThePost() {
        let html = clean(#"<p><a href="../two/">two</a> <a href="/about">about</a> <a href="mailto:a@b.example">mail</a></p>"#)
        #expect(html.contains("a → https://blog.example/posts/two/"))
        #expect(html.contains("a → https://blog.example/about"))
        #expect(html.contains("a → mailto:a@b.example"))
    }

    @Test func dropsRelativeLinksWithoutABase() {
        #expect(clean(#"<p><a href="page.html">x</a></p>"#, base: nil) == "p\n  a\n    \"x\"")
    }

    @Test func fragmentLinksFollowTheirTargetsOrLoseTheirHref() {
        let html = clean(##"<h2 id="Intro Part">Intro</h2><p><a href="#Intro Part">up</a> <a href="#missing">gone</a></p>"##)
        #expect(html.hasPrefix("h2 #p001-Intro-Part"))
        #expect(html.contains("a → p001#p001-Intro-Part\n    \"up\""))
        #expect(html.contains("  a\n    \"gone\""))
    }

    @Test func aLinkToAPostOnASharedPageFindsThatPost() {
        var links = BookLinks()
        links.add(URL(string: "http://day.example/2017/06/26.html#a1")!, documentID: "p001")
        links.add(URL(string: "http://day.example/2017/06/26.html#a2")!, documentID: "p002")
        let post = Post(id: "3", url: URL(string: "http://day.example/2017/06/27.html"), title: "T",
                        content: #"<p><a href="26.html#a2">the item</a> and <a href="26.html">the day</a></p>"#, contentFormat: .html)
        let tree = PostConverter().convert(post, documentID: "p003", links: links).body.dump
        #expect(tree == "p\n  a → p002\n    \"the item\"\n  \" and \"\n  a → p001\n    \"the day\"")
    }

    @Test func namedAnchorsAreLinkTargets() {
        let html = clean(##"<p>Claim<a href="#note1"><sup>1</sup></a></p><ol><li><a name="note1"></a>Source</li></ol>"##)
        #expect(html.contains("a → p001#p001-note1\n    sup") && html.contains("li\n    a #p001-note1\n    \"Source\""))
    }

    @Test func makesDuplicateIDsUnique() {
        let html = clean(#"<p id="x">1</p><p id="x">2</p>"#)
        #expect(html == "p #p001-x\n  \"1\"\np #p001-x-2\n  \"2\"")
    }

    @Test func mediaBecomeReferencesResolvedAgainstThePostForTheAssetStage() {
        let html = clean(#"<p><img src="/img/a.png" alt="A diagram" onerror="x()" width="9"> <img src="demo.mp4"> "#
                         + #"<picture><source srcset="b.webp 2x"><img src="b.png" alt="B"></picture> <video><source src="v.webm"></video></p>"#)
        #expect(html.contains(#"media image "https://blog.example/img/a.png" alt="A diagram""#))
        #expect(html.contains(#"media video "https://blog.example/posts/one/demo.mp4""#))
        #expect(html.contains(#"media image "https://blog.example/posts/one/b.png" alt="B""#))
        #expect(html.contains(#"media video "https://blog.example/posts/one/v.webm""#))
        #expect(!html.contains("onerror") && !html.contains("width") && !html.contains("source"))
        // Lazy loading keeps the real image in data-src; 1×1 tracking pixels go.
        #expect(clean(#"<p><img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="r"></p>"#)
                == #"p"# + "\n" + #"  media image "https://blog.example/real.jpg" alt="r""#)
        #expect(clean(#"<p>Text<img src="https://cpx.example/cpx.php?a=1" alt="" width="1" height="1" /></p>"#) == "p\n  \"Text\"")
        // Without a post URL a relative path stays as written, for --assets to find.
        #expect(clean(#"<img src="img/c.png">"#, base: nil) == #"media image "img/c.png""#)
        #expect(clean(#"<img src="//cdn.example/c.png">"#, base: nil) == #"media image "https://cdn.example/c.png""#)
    }

    @Test func emojiImagesBecomeTheirEmoji() {
        #expect(clean(#"<p>Nice <img class="wp-smiley" src="https://s.w.org/72x72/1f642.png" alt="🙂"> day</p>"#)
                == "p\n  \"Nice \"\n  \"🙂\"\n  \" day\"")
        #expect(clean(#"<p><img src="/a.png" alt="42"></p>"#).contains(#"media image "https://blog.example/a.png" alt="42""#),
                "digits are no emoji")
    }

    @Test func movesContentOutOfHTML5VoidElementsLibxml2DoesNotKnow() {
        let html = clean("<p>a<wbr>b</p><video><source src=\"v.mp4\">Fallback text</video>")
        #expect(html.hasPrefix("p\n  \"a\"\n  wbr\n  \"b\""))
        #expect(!html.contains("source"))
    }

    @Test func dropsControlCharactersAndKeepsTheText() {
        #expect(clean("<p>a\u{1}b\u{8}c\u{7F}d</p>") == "p\n  \"abcd\"")
    }

    @Test func survivesHostileNesting() {
        let deep = String(repeating: "<div>", count: 3_000) + "deep text" + String(repeating: "</div>", count: 3_000)
        #expect(clean(deep).contains("deep text"))
    }

    @Test func keepsTaskListBoxesDisabled() {
        let html = clean(#"<ul><li><input type="checkbox" checked=""> done</li></ul>"#)
        #expect(html == "ul\n  li (task item)\n    checkbox [x]\n    \" done\"")
    }

    @Test func keepsLanguageAndDirectionAndTurnsPresentationIntoData() {
        #expect(clean(#"<p lang="fr" dir="rtl" style="color: red; text-align: center">bonjour</p>"#)
                == "p [lang=\"fr\"] [dir=\"rtl\"] align=center\n  \"bonjour\"")
        #expect(clean(#"<table><tr><td colspan="2" rowspan=" 3 " align="right">x</td><td colspan="x">y</td></tr></table>"#)
                .contains("td align=right span=2×3\n      \"x\"\n    td\n"), "spans are numbers; a broken one is dropped")
    }
}

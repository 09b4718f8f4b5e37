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
        // Scripts, styles, frames, embeds and forms are gone with their content, handlers and
        // javascript: and data: targets without a trace; the links' text stays.
        #expect(html == """
            p
              "Hi"
            "\\n"
            "\\n"
            "\\n"
            a
              "js"
            a
              "data"
            a
              "mixed"
            """)
    }

    @Test func unwrapsUnknownElementsKeepingTheirText() {
        #expect(clean("<p><blink>on</blink> <font color=red>and</font> <custom-tag>off</custom-tag></p>")
                == "p\n  \"on\"\n  \" \"\n  \"and\"\n  \" \"\n  \"off\"")
    }

    @Test func resolvesRelativeLinksAgainstThePost() {
        let html = clean(#"<p><a href="../two/">two</a> <a href="/about">about</a> <a href="mailto:a@b.example">mail</a></p>"#)
        #expect(html == """
            p
              a → https://blog.example/posts/two/
                "two"
              " "
              a → https://blog.example/about
                "about"
              " "
              a → mailto:a@b.example
                "mail"
            """)
    }

    @Test func dropsRelativeLinksWithoutABase() {
        #expect(clean(#"<p><a href="page.html">x</a></p>"#, base: nil) == "p\n  a\n    \"x\"")
    }

    @Test func fragmentLinksFollowTheirTargetsOrLoseTheirHref() {
        let html = clean(##"<h2 id="Intro Part">Intro</h2><p><a href="#Intro Part">up</a> <a href="#missing">gone</a></p>"##)
        #expect(html == """
            h2 #p001-Intro-Part
              "Intro"
            p
              a → p001#p001-Intro-Part
                "up"
              " "
              a
                "gone"
            """)
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
        #expect(html == """
            p
              "Claim"
              a → p001#p001-note1
                sup
                  "1"
            ol
              li
                a #p001-note1
                "Source"
            """)
    }

    @Test func makesDuplicateIDsUnique() {
        let html = clean(#"<p id="x">1</p><p id="x">2</p>"#)
        #expect(html == "p #p001-x\n  \"1\"\np #p001-x-2\n  \"2\"")
    }

    @Test func mediaBecomeReferencesResolvedAgainstThePostForTheAssetStage() {
        let html = clean(#"<p><img src="/img/a.png" alt="A diagram" onerror="x()" width="9"> <img src="demo.mp4"> "#
                         + #"<picture><source srcset="b.webp 2x"><img src="b.png" alt="B"></picture> <video><source src="v.webm"></video></p>"#)
        // A picture is its img; a video its source; handlers and sizes go.
        #expect(html == """
            p
              media image "https://blog.example/img/a.png" alt="A diagram"
              " "
              media video "https://blog.example/posts/one/demo.mp4"
              " "
              media image "https://blog.example/posts/one/b.png" alt="B"
              " "
              media video "https://blog.example/posts/one/v.webm"
            """)
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
        #expect(clean(#"<p><img src="/a.png" alt="42"></p>"#) == """
                p
                  media image "https://blog.example/a.png" alt="42"
                """, "digits are no emoji")
    }

    @Test func movesContentOutOfHTML5VoidElementsLibxml2DoesNotKnow() {
        let html = clean("<p>a<wbr>b</p><video><source src=\"v.mp4\">Fallback text</video>")
        #expect(html == """
            p
              "a"
              wbr
              "b"
            media video "https://blog.example/posts/one/v.mp4" title="Fallback text"
            """)
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
        #expect(clean(#"<table><tr><td colspan="2" rowspan=" 3 " align="right">x</td><td colspan="x">y</td></tr></table>"#) == """
                table
                  tr
                    td align=right span=2×3
                      "x"
                    td
                      "y"
                """, "spans are numbers; a broken one is dropped")
    }
}

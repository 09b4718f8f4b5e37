import Foundation
import Testing

/// A feed written to attack the book: scripts, handlers, dangerous URLs, frames, absurd nesting
/// and sizes, broken tables, bidi overrides, invalid entities. The book must come out clean.
@Suite struct HostileBookTests {
    static let posts: [(title: String, html: String)] = [
        ("Scripts and handlers", """
         <p onclick="alert(1)" onmouseover='x()'>Click<script>document.write('pwned')</script> me</p>
         <img src="x.png" onerror="alert(2)" alt="broken image"><body onload="y()"><svg onload="z()"><script>1</script></svg>
         <SCRIPT SRC=//evil.example/x.js></SCRIPT><noscript>no script text</noscript><template><p>hidden</p></template>
         """),
        ("Dangerous links", """
         <p><a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt&colon;alert(1)">entity js</a>
         <a href="&#106;avascript:alert(1)">numeric js</a> <a href="vbscript:msgbox">vb</a>
         <a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="file:///etc/passwd">file</a>
         <a href="  java\tscript:alert(1)">tab js</a> <a href="http://../">bad host</a> <a href="//evil.example/x">protocol-relative</a></p>
         <img src="data:image/png;base64,iVBORw0KGgo=" alt="inline data"><img src="file:///etc/passwd" alt="local file">
         <img src="../../../../etc/passwd" alt="escaping path"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
         """),
        ("Frames, objects, forms and styles", """
         <iframe src="https://evil.example"></iframe><frameset><frame src="x"></frameset>
         <object data="x.swf"><param name="a" value="b">object fallback</object><embed src="x.swf">after embed
         <form action="https://evil.example"><input type="password" name="p"><button formaction="x">Go</button>
         <select><option>o</option></select><textarea>t</textarea></form>
         <style>body { background: url(https://evil.example/track.png) }</style>
         <p style="background:url('https://evil.example/t.png'); position: fixed">styled text</p>
         <link rel="stylesheet" href="https://evil.example/x.css"><audio src="a.mp3" autoplay></audio>
         """),
        ("Nesting three thousand deep",
         String(repeating: "<div><span>", count: 3_000) + "deep text" + String(repeating: "</span></div>", count: 3_000)),
        ("A 200 KB line", "<p>" + String(repeating: "long line ", count: 20_000) + "end of line</p>"),
        ("Broken tables and lists", """
         <table><tr><td>a<td>b<tr><th>c</table><table><p>para in table</p><tr>row text<td>cell</td></tr></table>
         <td>stray cell</td><tr><td>stray row</td></tr><li>stray item</li><ul>text in list<li>ok</li><p>para in list</p></ul>
         <dl>loose<dt>term<dd>def</dl><caption>stray caption</caption><thead><tr><td>x</td></tr></thead>
         """),
        ("Bidi overrides and invalid characters", """
         <p>abc\u{202E}fdp.exe\u{202C} and \u{2066}isolate\u{2069}</p>
         <p>&#0; &#xD800; &#x110000; &bogus; &amp &lt;b&gt; &#1114111; &#65535; nul:\u{0}: bell:\u{7}:</p>
         <p id="">empty id</p><p id="1 2 3">numeric id</p><p id="p001-collide">a</p><p id="collide">b</p>
         <h2 id="x" id="y">double id</h2><a href="#x">to x</a><a href="#nowhere">nowhere</a>
         """),
        ("Markdown with raw HTML", """
         ## A heading <script>alert(1)</script>

         [click](javascript:alert(1)) and <a href="javascript:x">raw</a> and ![img](javascript:alert(1))

         <iframe src="https://evil.example"></iframe>

         | a | b |
         |---|
         | broken | table | extra |
         """),
    ]

    private static func feed() throws -> Data {
        let items: [[String: Any]] = posts.enumerated().map { index, post in
            ["id": "h\(index)", "url": "https://hostile.example/posts/\(index)/", "title": post.title,
             "content_html": post.html, "date_published": "2024-01-\(String(format: "%02d", index + 1))T00:00:00Z"]
        }
        return try JSONSerialization.data(withJSONObject: [
            "version": "https://jsonfeed.org/version/1.1", "title": "Hostile <b>feed</b>",
            "home_page_url": "https://hostile.example/", "items": items,
        ])
    }

    @Test func buildsACleanValidBook() throws {
        let folder = TestPaths.temporaryFolder()
        try Self.feed().write(to: folder.appendingPathComponent("hostile.json"))
        let result = Shell.bookify(["hostile.json", "-o", "hostile.epub", "-q", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("hostile.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)

        let markup = inspector.archive.xhtmlEntries.map(\.text).joined()
        let forbidden = [#"<script"#, #"<iframe"#, #"<frame"#, #"<object"#, #"<embed"#, #"<form"#, #"<style"#,
                         #"<svg"#, #"<base"#, #"<meta http-equiv"#, #"<audio"#, #"<param"#, #" style=""#,
                         #"href="javascript"#, #"href="data:"#, #"href="file:"#, #"href="vbscript"#,
                         #"src="data:"#, #"type="password""#, #"<select"#, #"<textarea"#, "evil.example/x.css"]
        for pattern in forbidden {
            #expect(!markup.lowercased().contains(pattern.lowercased()), "\(pattern) got into the book")
        }
        #expect(markup.firstMatch(of: /<[a-z]+[^>]* on[a-z]+=/) == nil, "an event handler got into the book")
        #expect(!markup.contains("pwned") && !markup.contains("hidden</p>"))
        let text = inspector.readableText()
        for kept in ["deep text", "end of line", "styled text", "object fallback", "after embed", "stray cell",
                     "stray item", "para in list", "double id", "isolate", "broken image", "escaping path"] {
            #expect(text.contains(kept), "the text «\(kept)» was lost")
        }
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// How the EPUB writer turns the book model into XHTML: notes, roles, tokens, images, links.
@Suite struct XHTMLWriterTests {
    private func xhtml(_ markdown: String, links: BookLinks = BookLinks()) -> String {
        let post = Post(id: "1", url: URL(string: "https://blog.example/posts/one/"), title: "One", content: markdown,
                        contentFormat: .markdown)
        let document = PostConverter().convert(post, documentID: "p001", links: links)
        return XHTMLWriter(documentID: "p001", href: { target in
            switch target {
            case .external(let address): return address
            case .post(let id, let anchor): return id == "p001" && anchor != nil ? "#" + anchor! : id + ".xhtml" + (anchor.map { "#" + $0 } ?? "")
            }
        }, imageSource: { "../images/\($0.imageID).png" }).serialize(document.body)
    }

    @Test func notesBecomeEPUBFootnotesWithTheirNumber() {
        // References are noterefs to asides, which number themselves and link back; no list.
        #expect(xhtml("Text.[^n] More.[^m]\n\n[^n]: The note.\n[^m]: Another.") == """
            <p>Text.<sup class="footnote-ref"><a epub:type="noteref" role="doc-noteref" id="p001-fnref-n" href="#p001-fn-n">1</a></sup> \
            More.<sup class="footnote-ref"><a epub:type="noteref" role="doc-noteref" id="p001-fnref-m" href="#p001-fn-m">2</a></sup></p>
            <section class="footnotes">
            <aside epub:type="footnote" role="doc-footnote" class="footnote" id="p001-fn-n">
            <p><span class="footnote-label">1. </span>The note. <a class="footnote-backref" href="#p001-fnref-n">↩︎</a></p>
            </aside><aside epub:type="footnote" role="doc-footnote" class="footnote" id="p001-fn-m">
            <p><span class="footnote-label">2. </span>Another. <a class="footnote-backref" href="#p001-fnref-m">↩︎</a></p>
            </aside>
            </section>

            """)
    }

    @Test func alignmentTokensAndTaskItemsBecomeClasses() throws {
        #expect(xhtml("| a | b |\n|:--|--:|\n| 1 | 2 |") == """
            <table>
            <thead>
            <tr>
            <th class="align-left">a</th>
            <th class="align-right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">1</td>
            <td class="align-right">2</td>
            </tr>
            </tbody>
            </table>

            """)
        // A code line hangs at its indentation plus two columns of 0.6em.
        #expect(xhtml("```swift\nlet a = 1\n```") == """
            <pre><code class="language-swift"><span class="code-line" style="padding-left: 1.2em; text-indent: -1.2em">\
            <span class="tok-keyword">let</span> a <span class="tok-operator">=</span> <span class="tok-number">1</span>
            </span></code></pre>

            """)
        #expect(xhtml("- [x] done") == """
            <ul>
            <li class="task-list-item"><input type="checkbox" checked="checked" disabled="disabled" class="task-list-item-checkbox"/> done</li>
            </ul>

            """)
        #expect(xhtml("```\n┌──┐\n└──┘\n```") == "<pre class=\"diagram\"><code>┌──┐\n└──┘\n</code></pre>\n", "a narrow diagram stays text")
        // The image's name is a hash of its text: what matters is that it is one, with the text as its description.
        let wide = xhtml("```\n" + String(repeating: "─", count: 90) + "\n└──┘\n```")
        let figure = try XMLTree.parse(Array(wide.utf8))
        let image = figure.elements("img").first
        #expect(figure.name == "figure" && figure.hasClass("diagram") && image?.attributes["src"]?.wholeMatch(of: /\.\.\/images\/diagram-\w+\.svg/) != nil
                && image?.attributes["alt"]?.hasPrefix("──") == true && image?.attributes["style"]?.contains("max-width: 43.2em") == true,
                "a diagram too wide for text is an image of its text: \(wide)")
    }

    @Test func languageIsWrittenTwiceAsEPUBReadersExpect() {
        #expect(xhtml(#"<p lang="fr">bonjour</p>"#) == "<p lang=\"fr\" xml:lang=\"fr\">bonjour</p>\n")
    }

    @Test func linksAreWrittenForTheirPage() {
        var links = BookLinks()
        links.add(URL(string: "https://blog.example/posts/two/")!, documentID: "p002")
        // Another post's anchor takes its file; this post's stays a fragment; the web stays as it is.
        #expect(xhtml("[a](https://blog.example/posts/two/#x) [self](#intro) [out](https://other.example/)\n\n## Intro", links: links) == """
            <p><a href="p002.xhtml#p002-x">a</a> <a href="#p001-intro">self</a> <a href="https://other.example/">out</a></p>
            <h2 id="p001-intro">Intro</h2>

            """)
    }

    @Test func imagesAndPlaceholdersAreWrittenAsTheEPUBShowsThem() {
        let image = ImageUse(imageID: "a-0123456789", width: 640, height: 400, alt: "A <chart>")
        let writer = XHTMLWriter(documentID: "p001", href: { _ in "" }, imageSource: { "../images/\($0.imageID).png" })
        #expect(writer.serialize([.image(image)]) == #"<img src="../images/a-0123456789.png" alt="A &lt;chart&gt;"/>"#)
        let reference = MediaReference(source: "https://blog.example/v.mp4", alt: "Demo", kind: .video)
        #expect(writer.serialize([.placeholder(MediaPlaceholder(reference: reference, layout: .figure))])
                == #"<p class="media-placeholder">Demo (video not included) · <a href="https://blog.example/v.mp4">watch it online</a></p>"#)
        #expect(writer.serialize([.placeholder(MediaPlaceholder(reference: reference, layout: .inline))])
                == #"<a class="media-placeholder" href="https://blog.example/v.mp4">Demo</a>"#, "inline: one quiet piece")
        #expect(writer.serialize([.placeholder(MediaPlaceholder(reference: reference, layout: .inline, insideLink: true))])
                == #"<span class="media-placeholder">Demo</span>"#)
    }
}

/// The long-post splitter skips measuring posts that its estimate puts far under the limit:
/// the estimate must never be far below what the writer writes.
@Suite struct XHTMLSizeEstimateTests {
    @Test(arguments: [
        String(repeating: "Plain prose with *emphasis*, a [link](https://example.org/a) & <escapes>.\n\n", count: 200),
        "```swift\n" + String(repeating: "    let value = compute(1, 2) // a comment \"quoted\"\n", count: 400) + "```\n",
        String(repeating: "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n\n", count: 100),
        String(repeating: "- item with `code`\n  - nested [x](#y)\n", count: 200),
    ])
    func theEstimateStaysNearTheWrittenSize(markdown: String) {
        let post = Post(id: "1", title: "One", content: markdown, contentFormat: .markdown)
        let body = PostConverter().convert(post, documentID: "p001").body
        let written = XHTMLWriter(documentID: "p001", href: { _ in "p002.xhtml#somewhere" }, imageSource: { _ in "" }).serialize(body).utf8.count
        let estimate = XHTMLSizeEstimate.bytes(body)
        #expect(Double(estimate) > 0.6 * Double(written) && Double(estimate) < 2 * Double(written), "estimate \(estimate), written \(written)")
    }
}

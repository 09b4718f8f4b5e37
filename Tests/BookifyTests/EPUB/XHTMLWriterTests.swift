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
        let html = xhtml("Text.[^n] More.[^m]\n\n[^n]: The note.\n[^m]: Another.")
        #expect(html.contains(##"<a epub:type="noteref" role="doc-noteref" id="p001-fnref-n" href="#p001-fn-n">1</a>"##))
        #expect(html.contains(##"<aside epub:type="footnote" role="doc-footnote" class="footnote" id="p001-fn-m">\##n<p><span class="footnote-label">2. </span>Another."##))
        #expect(html.contains(##"href="#p001-fnref-n""##))
        #expect(!html.contains("<ol>"))
    }

    @Test func alignmentTokensAndTaskItemsBecomeClasses() {
        let table = xhtml("| a | b |\n|:--|--:|\n| 1 | 2 |")
        #expect(table.contains(#"<th class="align-left">a</th>"#) && table.contains(#"<td class="align-right">2</td>"#))
        #expect(xhtml("```swift\nlet a = 1\n```").contains(#"<pre><code class="language-swift"><span class="code-line" style="padding-left: 1.2em; text-indent: -1.2em"><span class="tok-keyword">let</span> a "#))
        #expect(xhtml("- [x] done").contains(#"<li class="task-list-item"><input type="checkbox" checked="checked" disabled="disabled" class="task-list-item-checkbox"/> done</li>"#))
        #expect(xhtml("```\n┌──┐\n└──┘\n```").contains(#"<pre class="diagram"><code>"#))
        let wide = xhtml("```\n" + String(repeating: "─", count: 90) + "\n└──┘\n```")
        #expect(wide.hasPrefix(#"<figure class="diagram"><img src="../images/diagram-"#) && wide.contains(#".svg" alt="──"#)
                && wide.contains("max-width: 43.2em"), "a diagram too wide for text is an image of its text: \(wide)")
    }

    @Test func languageIsWrittenTwiceAsEPUBReadersExpect() {
        #expect(xhtml(#"<p lang="fr">bonjour</p>"#).hasPrefix(#"<p lang="fr" xml:lang="fr">bonjour</p>"#))
    }

    @Test func linksAreWrittenForTheirPage() {
        var links = BookLinks()
        links.add(URL(string: "https://blog.example/posts/two/")!, documentID: "p002")
        let html = xhtml("[a](https://blog.example/posts/two/#x) [self](#intro) [out](https://other.example/)\n\n## Intro", links: links)
        #expect(html.contains(#"<a href="p002.xhtml#p002-x">a</a>"#))
        #expect(html.contains(##"<a href="#p001-intro">self</a>"##))
        #expect(html.contains(#"<a href="https://other.example/">out</a>"#))
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

@testable import BookifyCore
import Foundation
import Testing

/// `RenderedMarkdownReader` stands in for libxml2 on cmark-gfm's own HTML: wherever it reads a
/// post, it must give exactly the tree `HTMLParser` gives, and give up where it cannot.
@Suite struct RenderedMarkdownReaderTests {
    /// Every GFM spec example, every Markdown post of the corpus and the seed, and what the
    /// extensions write (footnotes, task lists, aligned tables, autolinks with `&`).
    private static func samples() throws -> [String] {
        let extensions = [
            "Text[^1] and www.example.com/a?b=1&c='x' [l](http://x.y/a%20b \"t & u\") ![i *j*](u.png \"t\")\n\n[^1]: The note.",
            "- [ ] task\n- [x] done\n\n| a | b | c |\n|:-|-:|:-:|\n| 1 & 2 | `<b>` | ~~del~~ |",
            "> quote\n>\n> - a\n>   1. b\n>\n>   ```swift\n>   let x = a < b && c > \"d\"\n>   ```\n\nline  \nbreak\\\nand soft\nbreak",
            "# Title #\n\nSetext\n------\n\n***\n\n    indented <code>\n\nÉtoile — 日本語 &copy; &#x1F600; &#0;",
        ]
        var markdown = GFMSpecExample.load().map(\.markdown) + extensions
        let sites = TestPaths.corpus.appendingPathComponent("markdown")
        for case let file as URL in FileManager.default.enumerator(at: sites, includingPropertiesForKeys: nil)!
        where file.pathExtension == "md" {
            markdown.append(try String(contentsOf: file, encoding: .utf8))
        }
        if let seed = TestPaths.seedFeed {
            let feed = try JSONSerialization.jsonObject(with: Data(contentsOf: seed)) as? [String: Any]
            for item in feed?["items"] as? [[String: Any]] ?? [] { markdown.append(item["content_html"] as? String ?? "") }
        }
        return markdown
    }

    @Test func readsWhatLibXML2ReadsOrGivesUp() throws {
        let samples = try Self.samples()
        #expect(samples.count > 20)
        var read = 0, withoutRawHTML = 0
        for markdown in samples {
            let rendering = MarkdownRenderer().rendering(MarkdownMath.protect(markdown))
            guard !rendering.holdsRawHTML else { continue }
            withoutRawHTML += 1
            guard let nodes = RenderedMarkdownReader.read(rendering.html) else { continue }
            read += 1
            let expected = HTMLParser().parseFragment(rendering.html)
            #expect(Self.dump(nodes) == Self.dump(expected), "\(markdown.debugDescription) → \(rendering.html.debugDescription)")
        }
        // Giving up is always safe, but the reader is there to read: nearly everything.
        #expect(read * 10 >= withoutRawHTML * 9, "\(read) of \(withoutRawHTML) read")
    }

    @Test func givesUpOnWhatItWasNotWrittenFor() {
        let deep = String(repeating: "> ", count: RenderedMarkdownReader.maximumDepth + 5) + "deep"
        #expect(RenderedMarkdownReader.read(MarkdownRenderer().render(deep)) == nil)
        for html in ["<p>a<span>b</span></p>", "<p>a &nbsp; b</p>", "<p>unclosed", "<p>a</em></p>", "<a href=\"x\">1<a href=\"y\">2</a></a>",
                     "<p>a\r\nb</p>", "<img src=x />"] {
            #expect(RenderedMarkdownReader.read(html) == nil, "\(html)")
        }
        let references = "<p>a &amp; &#x27;b&#39;</p>\n"
        let read = RenderedMarkdownReader.read(references)
        #expect(read.map(Self.dump) == Self.dump(HTMLParser().parseFragment(references)))
        #expect(read?.first?.textContent == "a & 'b'")
    }

    private static func dump(_ nodes: [HTMLNode]) -> String {
        nodes.map { node in
            switch node {
            case .text(let text): return text.debugDescription
            case .element(let element):
                let attributes = element.attributes.map { " \($0.name)=\($0.value.debugDescription)" }.joined()
                return "<\(element.name)\(attributes)>\(dump(element.children))</\(element.name)>"
            }
        }.joined()
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Math in posts (issue 32): TeX in Markdown with pandoc's delimiters and its traps, and the
/// forms HTML posts carry (MathJax scripts, KaTeX output, pandoc spans, MathML), become one
/// MathML formula each in a valid EPUB, and formulas set in the math font in the PDF.
@Suite struct MathBookTests {
    static let markdown = #"""
    Euler: $e^{i\pi} + 1 = 0$. The Gaussian integral:

    $$\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}$$

    Prices stay text: it costs $5 and $10 now, and `$HOME` is code; \$ is a dollar.

    ```sh
    echo "$x$ and $HOME"
    ```

    A sum \(\sum_{k=1}^{n} k = \frac{n(n+1)}{2}\), a matrix \[\begin{pmatrix} a & b \\ c & d \end{pmatrix} \in \mathbb{R}^{2 \times 2}\]
    and cases $|x| = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}$ and $a_i^2 * b_j$ with stars.

    Unknown: $\unknowncommand{x}$.

    Escaped brackets stay text: map\[int\]uint32 and \[145 84 1\]; so does shell: curl https://x.example/$(go env GOOS)/$(go env GOARCH).

    <p>
    Inline math in an HTML block: \(\varphi = \dfrac{1+\sqrt5}{2}\)
    </p>

    $$
    \varphi = 1+\frac{1} {1+\frac{1} {1+\cdots} }
    $$
    """#

    static let html = #"""
    <p>KaTeX: <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>y</mi><mo>=</mo><mn>1</mn></mrow><annotation encoding="application/x-tex">y = 1</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">y</span><span class="mrel">=</span><span class="mord">1</span></span></span></span>.
    MathJax: <script type="math/tex">\alpha^2</script> and <script type="math/tex; mode=display">\frac{1}{2}</script>.
    Pandoc: <span class="math inline">\(\beta_1\)</span>. MathML: <math><msqrt><mi>z</mi></msqrt><mi onclick="alert(1)" href="https://evil.example/">w</mi></math>.</p>
    """#

    @Test func everyFormulaIsOneMathMLElementAndNoTeXIsLeft() throws {
        let folder = TestPaths.temporaryFolder()
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Math", "items": [
            ["id": "1", "title": "Markdown math", "date_published": "2026-01-01T00:00:00Z", "content_text": Self.markdown],
            ["id": "2", "title": "HTML math", "date_published": "2026-01-02T00:00:00Z", "content_html": Self.html],
        ]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "math.epub", "-o", "math.pdf", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: math in \"Markdown math\"") && result.stderr.contains("\\unknowncommand"), "\(result.stderr)")
        let book = folder.appendingPathComponent("math.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        let markdownPage = try #require(inspector.page("text/p001.xhtml"))
        let htmlPage = try #require(inspector.page("text/p002.xhtml"))
        let formulas = markdownPage.descendants("math"), htmlFormulas = htmlPage.descendants("math")
        #expect(formulas.count == 9 && htmlFormulas.count == 5, "\(formulas.count) + \(htmlFormulas.count)")
        let names = { (trees: [XMLTree]) in Set(trees.flatMap { Self.allElements($0).map(\.name) }) }
        #expect(names(formulas).isSuperset(of: ["mfrac", "msqrt", "msubsup", "munderover", "mtable", "merror"]))
        // The TeX is the alttext only: a reader without MathML would show an annotation's text.
        #expect(!names(formulas + htmlFormulas).contains("annotation"))
        #expect(formulas.contains { $0.descendants("mi").contains { $0.text == "ℝ" } }, "\\mathbb{R} is ℝ")
        #expect(formulas.filter { $0.attributes["display"] == "block" }.count == 3)
        #expect(formulas.allSatisfy { !($0.attributes["alttext"] ?? "").contains("\\{") }, "no Markdown escape is left in the TeX")
        #expect(formulas.allSatisfy { $0.attributes["alttext"]?.isEmpty == false })
        // Outside formulas and code, no TeX is left; prices and a dollar stay as written.
        let prose = Self.textOutsideMathAndCode(markdownPage) + Self.textOutsideMathAndCode(htmlPage)
        for tex in ["\\frac", "\\sum", "\\int", "\\begin", "\\alpha", "\\beta", "\\(", "\\[", "$$", "y=1", "katex"] {
            #expect(!prose.contains(tex), "«\(tex)» is left in the text")
        }
        #expect(prose.contains("costs $5 and $10 now") && prose.contains("is a dollar") && prose.contains("$ is a dollar"))
        #expect(prose.contains("map[int]uint32 and [145 84 1]") && prose.contains("/$(go env GOOS)/$(go env GOARCH)"))
        #expect(markdownPage.descendants("pre").first?.text.contains("echo \"$x$ and $HOME\"") == true)
        // The page's own MathML keeps no handler or link.
        #expect(htmlFormulas.allSatisfy { Self.allElements($0).allSatisfy { $0.attributes.keys.allSatisfy { !["onclick", "href"].contains($0) } } })
        let mathPages = inspector.manifest.filter { $0.attributes["properties"]?.contains("mathml") == true }.compactMap { $0.attributes["href"] }
        #expect(Set(mathPages) == ["text/p001.xhtml", "text/p002.xhtml"])
        let pdfText = try PDFFacts.read(folder.appendingPathComponent("math.pdf"))
        let text = (0..<pdfText.pages).map { pdfText.text(onPage: $0) }.joined(separator: " ")
        for tex in ["\\frac", "\\sum", "\\int", "\\begin", "\\sqrt", "\\mathbb", "\\alpha"] { #expect(!text.contains(tex), "the PDF prints «\(tex)»") }
        // Formulas are set in the math face: its letters are Unicode's math italic (𝜋), ℝ is ℝ.
        #expect(text.contains("√𝜋") && text.contains("ℝ"), "\(text)")
        #expect(pdfText.fonts.contains { $0.name.contains("PagellaMath") && $0.embedded }, "\(pdfText.fonts.map(\.name))")
    }

    /// Kindle shows no MathML (and Send to Kindle drops SVG): each formula is a PNG drawn by
    /// the PDF's math layout, sized in ems on the text's baseline, its TeX the description.
    @Test func kindleGetsEachFormulaAsAnImageDescribedByItsTeX() throws {
        let folder = TestPaths.temporaryFolder()
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Math", "items": [
            ["id": "1", "title": "Markdown math", "date_published": "2026-01-01T00:00:00Z", "content_text": Self.markdown],
            ["id": "2", "title": "HTML math", "date_published": "2026-01-02T00:00:00Z", "content_html": Self.html],
        ]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "kindle.epub", "--device", "kindle", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("kindle.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        #expect(inspector.elements("math").isEmpty, "no MathML for Kindle")
        #expect(!inspector.manifest.contains { $0.attributes["properties"]?.contains("mathml") == true })
        let formulas = inspector.elements("img").filter { $0.attributes["class"] == "math" }
        let described = formulas.compactMap { $0.attributes["alt"] }.filter { !$0.isEmpty }
        #expect(described.count == 14, "\(described)")
        #expect(described.contains("\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}") && described.contains("\\alpha^2"))
        let manifest = Dictionary(inspector.manifest.compactMap { item in item.attributes["href"].map { ($0, item.attributes["media-type"] ?? "") } },
                                  uniquingKeysWith: { first, _ in first })
        for image in formulas {
            let source = try #require(image.attributes["src"]).replacingOccurrences(of: "../", with: "")
            #expect(manifest[source] == "image/png", "\(source)")
            let png = try #require(inspector.archive["OEBPS/" + source]?.data)
            let size = try #require(ImageSize.read(Array(png), type: .png))
            // The picture is drawn at 48 pixels an em: its pixels match the em width the page asks.
            let style = image.attributes["style"] ?? ""
            let width = try #require(style.firstMatch(of: /width: ([0-9.]+)em/).flatMap { Double($0.output.1) })
            #expect(abs(Double(size.width) - width * 48) <= 2, "\(source): \(size.width) px for \(width) em")
            #expect(style.contains("vertical-align: -") || style.contains("max-width: 100%"), "on the baseline, or a display formula no wider than the screen")
        }
        // The Markdown page's display formulas stand centred on lines of their own.
        let page = try #require(inspector.page("text/p001.xhtml"))
        #expect(page.descendants("span").filter { $0.attributes["class"] == "math-display" }.count == 3)
    }

    /// Read back from the PDF: a long inline formula breaks after an operator and stays inside
    /// the measure; a display formula stands centred on a line of its own.
    @Test func longInlineMathBreaksInsideTheMeasureAndDisplayMathIsCentred() throws {
        let folder = TestPaths.temporaryFolder()
        let markdown = #"""
        A polynomial: we have $f(x) = a_0 + a_1 x + a_2 x^2 + a_3 x^3 + a_4 x^4 + a_5 x^5 + a_6 x^6 + a_7 x^7 + a_8 x^8 + a_9 x^9 + a_{10} x^{10}$ which must break across lines and still read well, and more words follow it here so the paragraph has lines of text around the formula to measure.

        $$\sum_{k=1}^{n} k = \frac{n(n+1)}{2}$$
        """#
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Math", "items": [
            ["id": "1", "title": "Breaking math", "date_published": "2026-01-01T00:00:00Z", "content_html": markdown],
        ]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "math.pdf", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let facts = try PDFFacts.read(folder.appendingPathComponent("math.pdf"))
        let page = try #require((0..<facts.pages).first { facts.text(onPage: $0).contains("polynomial") })
        let words = facts.words(onPage: page)
        let first = try #require(words.first { $0.text.hasPrefix("𝑓(𝑥)") }), last = try #require(words.last { $0.text == "10" })
        #expect(last.box.y0 > first.box.y1, "the formula goes on past its first line")
        // Justified lines of the paragraph end at the measure's right edge: nothing goes past it.
        let end = try #require(words.first { $0.text == "measure." })
        let paragraph = words.filter { $0.box.y0 >= first.box.y0 - 2 && $0.box.y1 <= end.box.y1 }
        let textWords = paragraph.filter { word in word.text.first.map(\.isLetter) == true && word.box.y1 < end.box.y0 }
        let rightEdge = try #require(textWords.map(\.box.x1).max())
        #expect(paragraph.allSatisfy { $0.box.x1 <= rightEdge + 0.5 }, "\(paragraph.map { ($0.text, $0.box.x1) })")
        let leftEdge = try #require(words.first { $0.text == "A" }?.box.x0)
        // The display formula, on its own below the paragraph, is centred in the measure.
        let display = words.filter { $0.box.y0 > end.box.y1 && $0.box.y0 < end.box.y1 + 80 }
        try #require(display.count >= 5, "\(display.map(\.text))")
        let (left, right) = (try #require(display.map(\.box.x0).min()), try #require(display.map(\.box.x1).max()))
        #expect(abs((left + right) / 2 - (leftEdge + rightEdge) / 2) < 3, "centred: \(left)…\(right) in \(leftEdge)…\(rightEdge)")
    }

    private static func allElements(_ tree: XMLTree) -> [XMLTree] {
        tree.elements().flatMap { [$0] + allElements($0) }
    }

    private static func textOutsideMathAndCode(_ tree: XMLTree) -> String {
        tree.children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): ["math", "pre", "code"].contains(element.name) ? " " : textOutsideMathAndCode(element)
            }
        }.joined()
    }
}

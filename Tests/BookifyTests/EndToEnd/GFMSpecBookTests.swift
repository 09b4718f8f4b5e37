@testable import BookifyCore
import Foundation
import Testing

/// Every example of the GFM spec as a post of one book: the book validates, and the examples
/// that are not about raw HTML keep their text.
@Suite struct GFMSpecBookTests {
    private static func book() async -> (BookContent, [GFMSpecExample]) {
        let examples = GFMSpecExample.load()
        let posts = examples.map { example in
            Post(id: "example-\(example.number)", title: "Example \(example.number): \(example.section)",
                 content: example.markdown, contentFormat: .markdown)
        }
        let blog = Blog(title: "GitHub Flavored Markdown Spec", posts: posts, source: "gfm-spec.txt")
        let builder = BookBuilder(settings: .withoutNetwork)
        return (await builder.convert(builder.plan([blog])), examples)
    }

    @Test func theSpecBookPassesEPUBCheck() async throws {
        let (content, examples) = await Self.book()
        #expect(examples.count == (TestPaths.hasRealCorpus ? 673 : 14))
        let output = TestPaths.temporaryFolder().appendingPathComponent("gfm-spec.epub")
        try EPUBWriter(templates: TemplateLibrary()).write(content, to: output)
        try EPUBCheck.expectClean(output)
        ReadingSystemRules.check(try BookInspector(output))
    }

    @Test func examplesWithoutRawHTMLKeepTheirText() async throws {
        let (content, examples) = await Self.book()
        let documents = content.documents
        var kept = 0
        var lost: [String] = []
        for (example, document) in zip(examples, documents) where !example.isAboutRawHTML {
            let expected = Self.normalized(Self.text(of: HTMLParser().parseFragment(example.html)))
            let actual = Self.normalized(Self.text(of: document.body))
            if expected == actual { kept += 1 } else { lost.append("#\(example.number): expected «\(expected)» got «\(actual)»") }
        }
        let total = examples.filter { !$0.isAboutRawHTML }.count
        print("GFM spec: \(kept) of \(total) examples without raw HTML keep their text")
        // The whole spec: 608 such examples, of which at most 8 lose text; the small corpus's: none.
        #expect(total == (TestPaths.hasRealCorpus ? 608 : 12))
        #expect(kept >= total - (TestPaths.hasRealCorpus ? 8 : 0), "\(kept) of \(total) kept their text; lost:\n\(lost.joined(separator: "\n"))")
    }

    /// The text a reader sees of the parsed HTML, without images.
    private static func text(of nodes: [HTMLNode]) -> String {
        nodes.map { node in
            switch node {
            case .text(let text): return text
            case .element(let element) where element.name == "img": return ""
            case .element(let element): return text(of: element.children)
            }
        }.joined()
    }

    /// The text a reader sees of the book's tree (images and their placeholders have none).
    private static func text(of nodes: [ContentNode]) -> String {
        nodes.map(\.textContent).joined()
    }

    /// White space collapsed, and typographic punctuation (which bookify sets in prose) written
    /// back as the ASCII it stands for.
    private static func normalized(_ text: String) -> String {
        let ascii: [Character: String] = ["“": "\"", "”": "\"", "‘": "'", "’": "'", "–": "--", "—": "---", "…": "..."]
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").map { ascii[$0] ?? String($0) }.joined()
    }
}

@testable import BookifyCore
import Testing

/// The warm-up (`Warmup`) is only worth its thread while its post goes through the steps a
/// build's posts go through: Markdown, the sanitizer, code highlighting, tables, notes, the
/// page template. If a change made it fail early, builds would quietly lose its head start.
@Suite struct WarmupTests {
    @Test func theWarmUpPostBecomesAWellFormedPageWithEveryKindOfContent() throws {
        let page = try #require(Warmup.page(), "the warm-up page is not made, or not well-formed")
        let tree = try XMLTree.parse(Array(page.utf8))
        for name in ["h2", "ul", "blockquote", "table", "pre", "a", "em", "strong", "code"] {
            #expect(!tree.descendants(name).isEmpty, "no \(name) in the warm-up page")
        }
        let highlighted = tree.descendants("span").filter { $0.classes.contains { $0.hasPrefix("tok-") } }
        #expect(highlighted.count >= 6, "code blocks are highlighted")
        #expect(tree.descendants("aside").contains { $0.epubType == "footnote" }, "the note is an EPUB footnote")
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Reading comfort (issue 14) in the seed's and the corpus's EPUBs, checked on what a reader
/// gets: the text, the markup that sets it and the stylesheet that styles it.
@Suite
struct ReadingComfortBookTests {
    private static let seedFile = TestPaths.temporaryFolder().appendingPathComponent("blog.epub")

    private static let seed: BookInspector? = {
        guard let feed = TestPaths.seedFeed else { return nil }
        let folder = seedFile.deletingLastPathComponent()
        guard Shell.bookify([feed.path, "-o", seedFile.lastPathComponent, "-q", "--offline"], in: folder).status == 0 else { return nil }
        return try? BookInspector(seedFile)
    }()

    private static var stylesheet: String {
        (try? String(contentsOf: TestPaths.packageRoot.appendingPathComponent("styles/book.css"), encoding: .utf8)) ?? ""
    }

    /// The declarations of the first rule whose selector is exactly `selector`.
    private static func rule(_ selector: String) -> String {
        let pattern = try! Regex("(?m)^\(NSRegularExpression.escapedPattern(for: selector)) \\{([^}]*)\\}")
        return (try? pattern.firstMatch(in: stylesheet)).map { String($0.output[1].substring ?? "") } ?? ""
    }

    /// The posts' pages, their prose only: the text outside code.
    private static func prose(of book: BookInspector) -> String {
        func prose(_ tree: XMLTree) -> String {
            tree.children.map { child in
                switch child {
                case .text(let text): text
                case .element(let element): ["pre", "code", "kbd", "samp"].contains(element.name) ? " " : prose(element)
                }
            }.joined()
        }
        return book.spine.filter { $0.hasPrefix("text/p") }.compactMap { book.page($0)?.first("body").map(prose) }.joined(separator: "\n")
    }

    @Test func theBookValidates() throws {
        _ = try #require(Self.seed, "the seed was built")
        try EPUBCheck.expectClean(Self.seedFile)
    }

    @Test func proseHasTypographicQuotesAndCodeKeepsItsOwn() throws {
        let book = try #require(Self.seed, "the seed was built")
        let prose = Self.prose(of: book)
        let straight = prose.filter { $0 == "\"" || $0 == "'" }.count
        #expect(straight <= 10, "\(straight) straight quotes left in prose")
        #expect(prose.contains("’") && prose.contains("“"))
        let code = book.elements("pre").map(\.text).joined()
        let straightInCode = code.filter { $0 == "\"" || $0 == "'" }.count
        #expect(straightInCode > 200, "code keeps its straight quotes (\(straightInCode))")
    }

    @Test func everyCodeLineHangsAtItsOwnIndentation() throws {
        let book = try #require(Self.seed)
        let lines = book.elements("span").filter { $0.hasClass("code-line") }
        #expect(lines.count > 1500, "code is set a line at a time")
        for line in lines {
            let style = line.attributes["style"] ?? ""
            let match = style.wholeMatch(of: /padding-left: ([0-9.]+)em; text-indent: -([0-9.]+)em/)
            let indentation = line.text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            let hang = match.flatMap { Double($0.output.1) } ?? 0
            #expect(hang >= Double(indentation) * 0.6 && match?.output.1 == match?.output.2, "\"\(line.text)\" hangs at \(style)")
        }
        #expect(Self.rule(".code-line").contains("display: block"))
    }

    @Test func diagramsNeverWrapOrShrinkBelowSeventyPercent() throws {
        let book = try #require(Self.seed)
        for pre in book.elements("pre") where pre.hasClass("diagram") {
            let longest = pre.text.split(separator: "\n").map(\.count).max() ?? 0
            #expect(longest <= 60, "a diagram set as text is at most 60 columns (28.8em at the code size), not \(longest)")
        }
        let images = book.elements("figure").filter { $0.hasClass("diagram") }.compactMap { $0.first("img") }
        #expect(!images.isEmpty, "the seed's wide diagrams are drawn")
        for image in images {
            let source = try #require(image.attributes["src"])
            #expect(source.wholeMatch(of: /\.\.\/images\/diagram-[0-9a-f]+\.svg/) != nil && image.attributes["alt"]?.isEmpty == false)
            let svg = try XMLTree.parse(Array(try #require(book.archive["OEBPS/" + source.dropFirst(3)]).data))
            let lines = svg.descendants("text")
            #expect(svg.name == "svg" && !lines.isEmpty && lines.allSatisfy { $0.attributes["textLength"] != nil },
                    "\(source) is an SVG of the diagram's text, each line stretched to its columns")
        }
        let size = Self.rule("pre").firstMatch(of: /font-size: ([0-9.]+)em/).flatMap { Double($0.output.1) } ?? 0
        #expect(size >= 0.7, "code and diagrams are at least 70% of body size")
        #expect(!Self.rule("pre.diagram").contains("font-size"), "diagrams are not set smaller still")
    }

    @Test func codeSetsBothItsColoursAndEveryTokenReadsAtFourAndAHalfToOne() throws {
        let pre = Self.rule("pre")
        let text = try #require(pre.firstMatch(of: /(?m)^\s*color: (#[0-9a-f]{6})/).map { String($0.output.1) })
        let ground = try #require(pre.firstMatch(of: /background: (#[0-9a-f]{6})/).map { String($0.output.1) })
        #expect(Contrast.ratio(text, ground) >= 4.5)
        let tokens = Self.stylesheet.matches(of: /\.tok-[a-z, .-]+\{ color: (#[0-9a-f]{3,6})/)
        #expect(tokens.count >= 10)
        for token in tokens {
            #expect(Contrast.ratio(String(token.output.1), ground) >= 4.5, "\(token.output.0) on \(ground)")
        }
    }

    @Test func blockQuotesAreRoman() {
        #expect(!Self.rule("blockquote").contains("italic"))
    }

    @Test func noPostOpensWithAPlaceholderAndNoneIsLabelledByAFileName() throws {
        let book = try #require(Self.seed)
        for path in book.spine where path.hasPrefix("text/p") {
            let article = try #require(book.page(path)?.first("body")?.first("article"), "\(path) has its article")
            let first = article.elements().first { $0.name != "header" }
            #expect(first?.hasClass("media-placeholder") == false && first?.elements().first?.hasClass("media-placeholder") != true,
                    "\(path) opens with a placeholder")
            for placeholder in article.descendants("p") + article.descendants("span") where placeholder.hasClass("media-placeholder") {
                let label = placeholder.leadingText.prefix { $0 != "(" }
                #expect(!label.contains(/\.(png|jpe?g|gif|webp|svg)\b/), "\(path) labels a placeholder \(label)")
            }
        }
    }

    @Test func littleComesBeforeTheFirstPostAndTheMeasureStaysReadable() throws {
        let book = try #require(Self.seed)
        let aside = Set((book.package?.first("spine")?.elements("itemref") ?? []).filter { $0.attributes["linear"] == "no" }
            .compactMap { ref in book.manifest.first { $0.attributes["id"] == ref.attributes["idref"] }?.attributes["href"] })
        let before = book.spine.filter { !aside.contains($0) }.prefix { !$0.contains("/p0") }
        let characters = book.readableText { before.contains($0) }.count
        #expect(characters <= 3000, "\(characters) characters of \(before) come before the first post")
        let measure = Self.rule("article, section, nav").firstMatch(of: /max-width: ([0-9.]+)em/).flatMap { Double($0.output.1) } ?? 0
        // About 2.3 characters to the em in a text face: 38em is ~85 characters.
        #expect(measure > 0 && measure <= 40, "the text's measure on a wide screen is \(measure)em")
    }

    @Test func corpusBooksHaveNoSelfLinkedHeadingsNorRepeatedChapterTitles() throws {
        let corpus = TestPaths.corpus
        let inputs = TestPaths.hasRealCorpus
            ? ["atom/research-rsc-go-xml.xml", "atom/qemu-jekyll-feed.xml", "rss/rubenerd-hugo.xml", "markdown/npf-hugo-toml-series"]
            : ["atom/jekyll-standin.xml", "rss/wordpress-standin.xml", "rss/hugo-standin-latin1.xml", "markdown/hugo-toml-series"]
        for input in inputs {
            let folder = TestPaths.temporaryFolder()
            let result = Shell.bookify([corpus.appendingPathComponent(input).path, "-o", "book.epub", "-q", "--offline"], in: folder)
            try #require(result.status == 0, "\(input): \(result.stderr)")
            try EPUBCheck.expectClean(folder.appendingPathComponent("book.epub"))
            let book = try BookInspector(folder.appendingPathComponent("book.epub"))
            for level in 2...6 {
                for heading in book.elements("h\(level)") {
                    guard let id = heading.attributes["id"] else { continue }
                    #expect(!heading.descendants("a").contains { $0.attributes["href"] == "#" + id }, "\(input): a heading links to itself: \(heading.text)")
                }
            }
            let titles = book.spine.filter { $0.contains("/c") }
                .compactMap { book.elements("h1", in: "OEBPS/" + $0).first { $0.hasClass("chapter-title") }?.text }
            #expect(zip(titles, titles.dropFirst()).allSatisfy { $0 != $1 }, "\(input): \(titles)")
        }
    }
}

/// WCAG 2 contrast between two sRGB colours written `#rrggbb` or `#rgb`.
enum Contrast {
    static func ratio(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    private static func luminance(_ hex: String) -> Double {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        let value = Int(digits, radix: 16) ?? 0
        let linear = { (shift: Int) -> Double in
            let channel = Double((value >> shift) & 0xFF) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let (red, green, blue) = (linear(16), linear(8), linear(0))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    }
}

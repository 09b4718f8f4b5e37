@testable import BookifyCore
import Foundation
import Testing

/// Input built to exhaust bookify, as issue 18's fuzzing found it: nesting that overflowed the
/// stack or took quadratic time, alias and nesting bombs in YAML and TOML, endless input,
/// tags with huge attribute lists, interrupts during the write. Each case is sized well past
/// where the old code crashed or took hours; the time limits only catch such a blow-up (the
/// fixed code takes about a second, a few under the sanitizers; the limits also cover waiting
/// for EPUBCheck while both sanitizer passes load the machine), speed itself is measured by
/// `make bench`.
@Suite struct InputLimitTests {
    /// The deepest element nesting under `nodes`, counted without recursion.
    private func depth(_ nodes: [ContentNode]) -> Int {
        var deepest = 0
        var pending = nodes.map { ($0, 1) }
        while let (node, level) = pending.popLast() {
            deepest = max(deepest, level)
            pending += node.children.map { ($0, level + 1) }
        }
        return deepest
    }

    private func convert(_ content: String, format: ContentFormat) -> PostDocument {
        PostConverter().convert(Post(id: "1", title: "Deep", content: content, contentFormat: format), documentID: "p001")
    }

    @Test(.timeLimit(.minutes(10))) func markdownNestedTenThousandsDeepKeepsItsTextAtABoundedDepth() {
        let count = 60_000
        for source in [String(repeating: "> ", count: count) + "innermost quote",
                       String(repeating: "- ", count: count) + "innermost item",
                       String(repeating: "*a ", count: count) + "innermost emphasis" + String(repeating: " a*", count: count)] {
            let body = convert(source, format: .markdown).body
            #expect(depth(body) <= 210)
            #expect(body.map(\.textContent).joined().contains("innermost"))
        }
    }

    @Test(.timeLimit(.minutes(10))) func htmlNestedTenThousandsDeepIsFlattenedNotLost() {
        let html = String(repeating: "<div><blockquote>", count: 50_000) + "<p>bottom</p>" + String(repeating: "</blockquote></div>", count: 50_000)
        let body = convert(html, format: .html).body
        #expect(depth(body) <= 210)
        #expect(body.map(\.textContent).joined().contains("bottom"))
    }

    /// Found by the fuzz driver in a Blogger post: a list directly in a list gets a list item
    /// around it, a table in a table a row and a cell, so the repaired tree nested two or three
    /// times as deep as the parser allowed, past libxml2's 256 levels.
    @Test(.timeLimit(.minutes(10)), arguments: [("<ul><", "</ul>"), ("<table>", "</table>"), ("<ol><li><ul><", "</ul></li></ol>")])
    func strayListsAndTablesNestedDeepStayWithinLibXML2sDepth(open: String, close: String) throws {
        let html = String(repeating: open, count: 400) + "<li>bottom</li>" + String(repeating: close, count: 400)
        let body = convert(html, format: .html).body
        #expect(depth(body) <= 210)
        #expect(body.map(\.textContent).joined().contains("bottom"))
        let writer = XHTMLWriter(documentID: "p001", href: { _ in "#" }, imageSource: { _ in "" })
        let page = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + writer.serialize(body) + "</div>"
        #expect(XMLChecker.check(page) == nil)
    }

    /// Found by the fuzz driver: the last character of code nested in 40 inline elements took
    /// 2^40 steps (smart punctuation asks for it).
    @Test(.timeLimit(.minutes(10))) func codeNestedInManyInlineElementsIsConvertedAtOnce() {
        let html = "<p>a <code>" + String(repeating: "<b>", count: 40) + "x" + String(repeating: "</b>", count: 40) + "</code> \"b\"</p>"
        let body = convert(html, format: .html)
        #expect(body.body.map(\.textContent).joined() == "a x \u{201C}b\u{201D}")
    }

    @Test(.timeLimit(.minutes(10))) func oneHundredThousandIdenticalHeadingsGetDistinctIDs() {
        let markdown = String(repeating: "## Same\n\ntext\n\n", count: 100_000)
        var ids: [String] = []
        var pending = convert(markdown, format: .markdown).body
        while let node = pending.popLast() {
            if case .element(let element) = node, let id = element.id { ids.append(id) }
            pending += node.children
        }
        #expect(ids.count >= 100_000)
        #expect(Set(ids).count == ids.count)
    }

    @Test(.timeLimit(.minutes(10))) func aTagWithAHundredThousandAttributesKeepsTheFirstOnes() throws {
        let attributes = (0..<100_000).map { " a\($0)=\"\($0)\"" }.joined()
        let nodes = HTMLParser().parseFragment("<p\(attributes)>text</p>\n<p>after</p>")
        #expect(nodes.map(\.textContent).joined().contains("after"))
        let xml = try XMLTree.parse(Array("<root\(attributes)>\n<item>x</item></root>".utf8))
        #expect(xml.attributes.count == MarkupGuard.maximumAttributes)
        #expect(xml.elements("item").first?.line == 2, "what is cut keeps its line breaks")
        #expect(MarkupGuard.cappingAttributes(Array("<a b='1' c=\"2\"/>".utf8), limit: 1) == Array("<a b='1' />".utf8))
    }

    @Test(.timeLimit(.minutes(10))) func feedsAndImagesNestedTenThousandsDeepBuildABook() throws {
        let deep = String(repeating: "<div>", count: 60_000) + "bottom" + String(repeating: "</div>", count: 60_000)
        let atom = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title><id>urn:x</id>"#
            + #"<entry><title>One</title><id>urn:1</id><updated>2026-01-01T00:00:00Z</updated>"#
            + #"<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">"# + deep + "</div></content></entry></feed>"
        let rss = "<rss version=\"2.0\"><channel><title>Deep</title>" + String(repeating: "<x>", count: 60_000)
            + String(repeating: "</x>", count: 60_000) + "<item><title>One</title><description>fine</description></item></channel></rss>"
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">" + String(repeating: "<g>", count: 60_000)
            + String(repeating: "</g>", count: 60_000) + "</svg>"
        let work = try TestPaths.temporaryFolder(holding: ["atom.xml": atom, "rss.xml": rss, "deep.svg": svg,
                               "svg.json": #"{"title": "S", "items": [{"id": "1", "content_html": "<p>x</p><img src=\"deep.svg\" alt=\"deep\">"}]}"#])
        for input in ["atom.xml", "rss.xml", "svg.json"] {
            let result = Shell.bookify([input, "--offline", "-q", "--assets", ".", "-o", "\(input).epub"], in: work)
            #expect(result.status == 0, "\(input): \(result.stderr)")
            if result.status == 0 { try EPUBCheck.expectClean(work.appendingPathComponent("\(input).epub")) }
        }
    }

    @Test func yamlBombsInFrontMatterAndConfigurationAreOneLineErrorsWithTheLine() throws {
        let aliases = "a: &a [x, x, x, x, x, x, x, x, x]\n" + (1...9).map { "\(Character(UnicodeScalar(97 + $0)!)): &\(Character(UnicodeScalar(97 + $0)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + $0)!))", count: 9).joined(separator: ", ") + "]" }.joined(separator: "\n")
        let nested = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let cases: [(files: [String: String], input: String, message: String)] = [
            (["site/posts/bomb.md": "---\ntitle: Bomb\n\(aliases)\n---\nText\n"], "site", "site/posts/bomb.md:"),
            (["site/posts/deep.md": "---\ntitle: Deep\nx: \(nested)\n---\nText\n"], "site", "site/posts/deep.md:3"),
            (["site/posts/twice.md": "---\ntitle: A\ntitle: B\n---\nText\n"], "site", "the key title appears twice"),
            (["site/posts/toml.md": "+++\ntitle = \"T\"\nx = \(nested)\n+++\nText\n"], "site", "site/posts/toml.md:3"),
            (["site/posts/ok.md": "---\ntitle: Fine\n---\nText\n", "bookify.yml": "title: Book\n\(aliases)\n"], "site", "bookify.yml:"),
        ]
        for (files, input, message) in cases {
            let work = try TestPaths.temporaryFolder(holding: files)
            let result = Shell.bookify([input, "--offline", "-o", "book.epub"], in: work)
            #expect(result.status == 65, "\(files.keys): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("book.epub").path))
        }
    }

    @Test func endlessOrHugeInputIsRefusedBeforeItExhaustsMemory() throws {
        let work = try TestPaths.temporaryFolder(holding: ["site/posts/fine.md": "---\ntitle: Fine\n---\nText\n"])
        let huge = work.appendingPathComponent("site/posts/huge.md")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        try FileHandle(forWritingTo: huge).truncate(atOffset: 2 << 30)  // sparse: no disk used
        let site = Shell.bookify(["site", "--offline", "-o", "book.epub"], in: work)
        #expect(site.status == 66 && site.stderr.contains("huge.md") && site.stderr.contains("larger than"), "\(site.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: huge.path)[.size] as? Int == 2 << 30)

        // Standard input that never ends: `yes` writes until bookify stops reading.
        let endless = Shell.run("/bin/sh", ["-c", "yes | '\(TestPaths.bookifyBinary.path)' - --offline -o book.epub"], in: work)
        #expect(endless.status == 66 && endless.stderr.contains("standard input") && endless.stderr.contains("larger than"), "\(endless.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("book.epub").path))
    }

    @Test func libxml2ProblemsAreOneLineWithoutRawBytes() throws {
        let work = TestPaths.temporaryFolder()
        try Data("<?xml version=\"1.0\"?>\n<rss><channel>\n<title>\u{1}\u{2}\u{3} bytes</title>\n".utf8 + [0xFF, 0xFE, 0x00, 0x80])
            .write(to: work.appendingPathComponent("broken.xml"))
        let result = Shell.bookify(["broken.xml", "--offline", "-o", "book.epub"], in: work)
        #expect(result.status == 65 && result.stderr.hasPrefix("bookify: error: broken.xml:3:"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }

    /// Each build is interrupted once its output's temporary file exists: in the write phase.
    @Test func anInterruptedBuildLeavesNoTemporaryFileBehind() throws {
        let items: [[String: String]] = (0..<1_000).map { index in
            ["id": "\(index)", "title": "Post \(index)", "date_published": "2026-01-01T00:00:00Z",
             "content_html": "# Part\n\n" + String(repeating: "Words *and* words [link](https://x.example/\(index)). ", count: 40)
                + "\n\n```swift\nlet x = \(index)\n```"]
        }
        let feed = try JSONSerialization.data(withJSONObject: ["title": "Big", "items": items])
        let work = TestPaths.temporaryFolder()
        try feed.write(to: work.appendingPathComponent("feed.json"))
        let books: Set = ["feed.json", "book.epub", "book.pdf"]
        for (signal, delay) in [(SIGINT, 0.0), (SIGTERM, 0.0), (SIGHUP, 0.05), (SIGINT, 0.2), (SIGTERM, 0.5)] {
            let process = Process()
            process.executableURL = TestPaths.bookifyBinary
            process.arguments = ["feed.json", "--offline", "-q", "-o", "book.pdf", "-o", "book.epub"]
            process.currentDirectoryURL = work
            try process.run()
            let start = Date()
            while process.isRunning, Date().timeIntervalSince(start) < 120,
                  try !FileManager.default.contentsOfDirectory(atPath: work.path).contains(where: { $0.hasSuffix(".tmp") }) {
                Thread.sleep(forTimeInterval: 0.005)
            }
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let left = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { !books.contains($0) }
            #expect(left.isEmpty, "signal \(signal) \(delay) s into the write: \(left)")
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
            for book in ["book.epub", "book.pdf"] { try? FileManager.default.removeItem(at: work.appendingPathComponent(book)) }
        }
    }
}

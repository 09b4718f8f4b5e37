import Foundation
import Testing

/// The PDF book (issue 12), read back with pypdf, poppler and pdfplumber: what a reader of the
/// printed or on-screen book would check.
@Suite
struct SeedPDFTests {
    /// The seed as PDF and EPUB from one run, read back once for every test here.
    private static let seed: (folder: URL, facts: PDFFacts)? = {
        guard let feed = TestPaths.seedFeed else { return nil }
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([feed.path, "-o", "blog.pdf", "-o", "blog.epub", "-q", "--offline"], in: folder)
        guard result.status == 0, let facts = try? PDFFacts.read(folder.appendingPathComponent("blog.pdf"), code: true, layout: true) else { return nil }
        return (folder, facts)
    }()

    private static func feedTitles() throws -> [String] {
        let data = try Data(contentsOf: try #require(TestPaths.seedFeed))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (feed["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    /// Text without its white space: a title that wraps at a hyphen ("SD-" / "WAN") comes back
    /// from the PDF with a space there.
    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined()
    }

    @Test func pdfAndEPUBComeFromOneRunAndThePDFIsSoundWithEveryFontEmbedded() throws {
        let (folder, facts) = try #require(Self.seed, "the seed PDF was built and read")
        QPDF.expectClean(folder.appendingPathComponent("blog.pdf"))
        try EPUBCheck.expectClean(folder.appendingPathComponent("blog.epub"))
        #expect(!facts.fonts.isEmpty && facts.fonts.allSatisfy(\.embedded), "\(facts.fonts.filter { !$0.embedded })")
        #expect(facts.fonts.allSatisfy { $0.name.contains("+") }, "fonts are embedded as subsets")
        // A book face (issue 31): Pagella in its four styles, JetBrains Mono for code.
        let faces = Set(facts.fonts.map { $0.name.split(separator: "+").last.map(String.init) ?? $0.name })
        for face in ["TeXGyrePagella-Regular", "TeXGyrePagella-Italic", "TeXGyrePagella-Bold", "JetBrainsMono-Regular"] {
            #expect(faces.contains(face), "\(face) is not among \(faces.sorted())")
        }
        let body = (0..<facts.pages).flatMap { facts.bodyLines(onPage: $0) }
        #expect(body.count > 3000, "the text is set in Pagella: \(body.count) lines")
        #expect(facts.width == 432 && facts.height == 648, "6 × 9 in pages")
    }

    @Test func theOutlineHasAnEntryPerPostOpeningThePageThatShowsIt() throws {
        let (_, facts) = try #require(Self.seed)
        let titles = try Self.feedTitles()
        #expect(titles.count == 59)
        let posts = facts.outline.filter { $0.depth == 1 }
        #expect(Set(posts.map(\.title)) == Set(titles))
        for entry in posts {
            #expect(Self.normalized(facts.text(onPage: entry.page)).contains(Self.normalized(entry.title)),
                    "the outline's \"\(entry.title)\" opens page \(facts.labels[entry.page]), which does not show it")
        }
        #expect(facts.outline.filter { $0.depth == 0 }.map(\.title) == ["Posts", "Random", "About this book"])
        #expect(facts.outline.contains { $0.depth == 2 }, "sections of posts are in the outline")
    }

    @Test func everyPageNumberOfThePrintedContentsLeadsToThePageShowingThatPost() throws {
        let (_, facts) = try #require(Self.seed)
        let entries = Self.contentsEntries(facts)
        let titles = try Self.feedTitles()
        #expect(titles.allSatisfy { title in entries.contains { $0.title == Self.normalized(title) } }, "every post is listed")
        for entry in entries {
            let page = try #require(facts.labels.firstIndex(of: entry.number), "no page is labelled \(entry.number)")
            #expect(Self.normalized(facts.text(onPage: page)).contains(entry.title),
                    "the contents send \"\(entry.title)\" to page \(entry.number), which does not show it")
        }
        let contentsPages = facts.labels.indices.filter { Int(facts.labels[$0]) == nil }
        let links = facts.links.filter { contentsPages.contains($0.page) && $0.target != nil }
        #expect(links.count >= titles.count, "every contents entry is a link")
    }

    /// The printed contents: each line that ends in a page number at the right edge, with the
    /// lines of its title before it (titles may wrap), leader dots dropped.
    private static func contentsEntries(_ facts: PDFFacts) -> [(title: String, number: String)] {
        var entries: [(String, String)] = []
        var pending: [String] = []
        for page in 0..<facts.pages where Int(facts.labels[page]) == nil {
            pending = []
            let words = facts.words(onPage: page).filter { $0.box.y0 > 45 && $0.box.y1 < facts.height - 45 }
            let lines = Dictionary(grouping: words) { ($0.box.y0 * 2).rounded() / 2 }.sorted { $0.key < $1.key }
            for (_, line) in lines {
                let sorted = line.sorted { $0.box.x0 < $1.box.x0 }.map(\.text).filter { $0.contains { $0 != "." } }
                guard !sorted.isEmpty, sorted != ["Contents"] else { continue }
                if let number = sorted.last, Int(number) != nil {
                    entries.append((normalized((pending + sorted.dropLast()).joined(separator: " ")), number))
                    pending = []
                } else {
                    pending += sorted
                }
            }
        }
        return entries
    }

    @Test func everyBodyPageHasItsNumberAndNoGlyphLeavesTheTextBlock() throws {
        let (_, facts) = try #require(Self.seed)
        #expect(Array(facts.labels.prefix(3)) == ["i", "ii", "iii"], "roman front matter")
        let body = facts.labels.indices.filter { Int(facts.labels[$0]) != nil }
        #expect(facts.labels[body[0]] == "1" && body.count > 100)
        for page in body {
            let words = facts.words(onPage: page)
            guard !words.isEmpty else { continue }  // a blank left-hand page before a chapter
            #expect(words.contains { $0.text == facts.labels[page] && $0.box.y0 > facts.height - 60 },
                    "page \(facts.labels[page]) shows no page number at its foot")
        }
        for page in 0..<facts.pages {
            let rightHand = page % 2 == 0
            let (left, right) = rightHand ? (58.0, 432.0 - 42) : (42.0, 432.0 - 58)
            for word in facts.words(onPage: page) {
                #expect(word.box.x0 >= left - 1 && word.box.x1 <= right + 1 && word.box.y0 >= 18 && word.box.y1 <= facts.height - 18,
                        "\"\(word.text)\" on page \(facts.labels[page]) lies outside the text block: \(word.box)")
            }
        }
    }

    @Test func noCodeLineIsBrokenWithAnInsertedHyphenAndLinksLeadSomewhere() throws {
        let (_, facts) = try #require(Self.seed)
        let data = try Data(contentsOf: try #require(TestPaths.seedFeed))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let source = (feed["items"] as? [[String: Any]] ?? []).compactMap { $0["content_html"] as? String }.joined(separator: "\n")
        let codeLines = try #require(facts.codeLines)
        #expect(codeLines.count > 1000, "the seed's code is set in monospace")
        for line in codeLines {
            let text = line.text.replacingOccurrences(of: "↪", with: "").trimmingCharacters(in: .whitespaces)
            guard text.hasSuffix("-"), text.count > 3 else { continue }
            #expect(source.contains(text), "a code line on page \(facts.labels[line.page]) ends in a hyphen the post does not have: \(text)")
        }
        // A wrapped code line breaks at a space where its source has one before the measure
        // (issue 31: "compute(i" / "↪tem24" was cut inside a word).
        // The continuation mark (↪) is set smaller: it reads as the start of the row it marks,
        // or as a row of its own after it.
        var rows: [(text: String, continues: Bool)] = []
        for line in codeLines.map({ $0.text.trimmingCharacters(in: .whitespaces) }) {
            if line == "↪", !rows.isEmpty {
                rows[rows.count - 1].continues = true
            } else {
                rows.append((line.hasPrefix("↪") ? String(line.dropFirst()) : line, line.hasPrefix("↪")))
            }
        }
        var (wrapped, atSpaces) = (0, 0)
        for (head, tail) in zip(rows, rows.dropFirst()) where tail.continues && !head.text.isEmpty && !tail.text.isEmpty {
            wrapped += 1
            if source.contains(head.text + " " + tail.text.prefix(8)) || head.text.count >= 60 { atSpaces += 1 }
        }
        #expect(wrapped > 100 && Double(atSpaces) >= 0.95 * Double(wrapped), "\(atSpaces) of \(wrapped) wrapped code lines break at a space")
        #expect(facts.links.allSatisfy { $0.uri != nil || $0.target != nil }, "every internal link has a page")
        #expect(facts.links.contains { $0.uri?.hasPrefix("https://") == true }, "external links open their address")
    }

    @Test func runningHeadsNameTheBookOnTheLeftAndThePostOnTheRightButNotOnOpeningPages() throws {
        let (_, facts) = try #require(Self.seed)
        let opening = Set(facts.outline.filter { $0.depth < 2 }.map(\.page))
        let body = facts.labels.indices.filter { Int(facts.labels[$0]) != nil && !opening.contains($0) && !facts.words[$0].isEmpty }
        let left = body.filter { $0 % 2 == 1 }
        let right = body.filter { $0 % 2 == 0 }
        #expect(!left.isEmpty && left.allSatisfy { facts.runningHead(onPage: $0) == TestPaths.Seed.title })
        let titles = try Self.feedTitles().map(Self.normalized) + ["Posts", "Random", "Aboutthisbook"]
        for page in right {
            // A long title is cut to one line, ending in "…".
            let head = Self.normalized(facts.runningHead(onPage: page)).replacingOccurrences(of: "…", with: "")
            #expect(!head.isEmpty && titles.contains { $0.hasPrefix(head) }, "page \(facts.labels[page]) is headed \"\(head)\"")
        }
        #expect(opening.allSatisfy { facts.runningHead(onPage: $0).isEmpty }, "no running head where a post or chapter opens")
    }

    @Test func theDocumentSaysWhatItIsAndDatesItselfByTheNewestPost() throws {
        let (_, facts) = try #require(Self.seed)
        #expect(facts.metadata["Title"] == TestPaths.Seed.title && facts.metadata["Author"] == TestPaths.Seed.author)
        #expect(facts.metadata["Creator"] == "bookify 0.1.0" && facts.metadata["Keywords"]?.contains("career") == true)
        #expect(facts.metadata["CreationDate"]?.contains("20260405") == true, "\(facts.metadata)")
    }

    /// Body text is justified with hyphenated line ends (issue 13): lines followed by another of
    /// the same paragraph (one line pitch below, same left edge) reach the right edge.
    @Test func bodyTextIsJustifiedWithHyphenatedLineEnds() throws {
        let (_, facts) = try #require(Self.seed)
        var (inner, reaching, hyphenated) = (0, 0, 0)
        // The leading: the commonest distance between two body lines.
        let steps = (0..<facts.pages).flatMap { page in
            let tops = facts.bodyLines(onPage: page).filter { abs($0.size - 11) < 0.1 }.map(\.top)
            return zip(tops, tops.dropFirst()).map { (($1 - $0) * 10).rounded() / 10 }
        }
        let leading = try #require(Dictionary(grouping: steps, by: { $0 }).max { $0.value.count < $1.value.count }?.key)
        #expect(leading >= 11 * 1.2 && leading <= 11 * 1.45, "11 pt text on \(leading) pt")
        for page in 0..<facts.pages {
            let right = page % 2 == 0 ? 432 - 432 * 0.097 : 432 - 432 * 0.134
            let body = facts.bodyLines(onPage: page).filter { abs($0.size - 11) < 0.1 }
            for (line, next) in zip(body, body.dropFirst()) where abs(next.top - line.top - leading) < 0.6
                && abs(next.left - line.left) < 1 {
                inner += 1
                if line.right >= right - 1.5 { reaching += 1 }
                if line.text.hasSuffix("\u{AD}") || line.text.hasSuffix("-") { hyphenated += 1 }
            }
        }
        #expect(inner > 3000, "paragraph lines found: \(inner)")
        #expect(Double(reaching) >= 0.7 * Double(inner), "\(reaching) of \(inner) paragraph lines reach the right edge")
        #expect(hyphenated > 300, "\(hyphenated) lines end in a hyphen")
    }

    /// Paragraphs are broken as a whole (issue 31), so that no line is set loose to spare the
    /// ones before it: on the seed, at most 2% of the justified lines have a word gap over 1.6
    /// times the median and none over 2.5 times, and never three lines in a row end in a hyphen.
    @Test func justifiedLinesHaveEvenWordGapsAndNoLadderOfHyphens() throws {
        let (folder, _) = try #require(Self.seed)
        let gaps = try WordGaps.read(folder.appendingPathComponent("blog.pdf"))
        #expect(gaps.lines > 3000, "justified lines found: \(gaps.lines)")
        #expect(Double(gaps.over1_6) <= 0.02 * Double(gaps.lines), "\(gaps.over1_6) of \(gaps.lines) lines have a gap over 1.6× the median")
        #expect(gaps.over2_5 == 0 && gaps.worst <= 2.5, "the loosest line (page \(gaps.worstPage + 1), \(gaps.worst)×): \(gaps.worstText)")
        #expect(gaps.hyphenRun <= 2, "\(gaps.hyphenRun) lines in a row end in a hyphen")
    }

    /// Posts are laid out on every core; the bytes must not depend on which core laid out
    /// what, nor on how many there are (the third build runs on one core).
    /// Twice on every core, once on one core, once with one job: the same PDF and the same EPUB.
    @Test func buildsAreByteIdenticalOnAnyNumberOfCoresOrJobs() throws {
        let feed = try #require(TestPaths.seedFeed)
        let folder = TestPaths.temporaryFolder()
        let arguments = [feed.path, "-q", "--offline"]
        for name in ["a", "b"] {
            #expect(Shell.bookify(arguments + ["-o", "\(name).pdf", "-o", "\(name).epub"], in: folder).status == 0)
        }
        let oneCore = Shell.run("/usr/bin/taskset", ["-c", "0", TestPaths.bookifyBinary.path] + arguments + ["-o", "c.pdf", "-o", "c.epub"],
                                in: folder, environment: ["XDG_CACHE_HOME": TestPaths.temporaryFolder().path])
        #expect(oneCore.status == 0, "\(oneCore.stderr)")
        #expect(Shell.bookify(arguments + ["--jobs", "1", "-o", "d.pdf", "-o", "d.epub"], in: folder).status == 0)
        for format in ["pdf", "epub"] {
            let first = try Data(contentsOf: folder.appendingPathComponent("a.\(format)"))
            for name in ["b", "c", "d"] {
                #expect(first == (try Data(contentsOf: folder.appendingPathComponent("\(name).\(format)"))), "\(name).\(format)")
            }
        }
        try EPUBCheck.expectClean(folder.appendingPathComponent("a.epub"))
    }
}

/// Every corpus input and the sample blog become sound PDFs with their fonts embedded.
@Suite struct CorpusPDFTests {
    static let inputs: [String] = ["jsonfeed", "rss", "atom", "markdown"].flatMap { kind -> [String] in
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.appendingPathComponent(kind).path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(kind)/\($0)" }
    }

    @Test(arguments: inputs)
    func inputBecomesASoundPDF(input: String) throws {
        let path = TestPaths.corpus.appendingPathComponent(input).path
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([path, "-o", "book.pdf", "-q", "--offline"], in: folder)
        try #require(result.status == 0, "\(input): \(result.stderr)")
        let pdf = folder.appendingPathComponent("book.pdf")
        QPDF.expectClean(pdf)
        let fonts = Shell.run("/usr/bin/env", ["pdffonts", pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.split(separator: " ").reversed().dropFirst(4).first == "yes" },
                "\(input): a font is not embedded\n\(fonts.joined(separator: "\n"))")
    }

    @Test func theSampleBlogBecomesAPDFWithItsImage() throws {
        let folder = TestPaths.temporaryFolder()
        let feed = TestPaths.examples.appendingPathComponent("feed.json").path
        let cover = TestPaths.examples.appendingPathComponent("images/pipeline.png").path
        let result = Shell.bookify([feed, "--assets", TestPaths.examples.path, "--cover", cover, "-o", "notes.pdf", "-q"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("notes.pdf")
        QPDF.expectClean(pdf)
        let images = Shell.run("/usr/bin/env", ["pdfimages", "-list", pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(images.count == 2, "the pipeline picture is in the PDF, and on the cover")
        #expect(images.first?.split(separator: " ").first == "1", "the cover is the first page")
        let facts = try PDFFacts.read(pdf)
        #expect(facts.outline.map(\.title).contains("Three feed formats, compared"))
    }

    /// `--font` sets the text in another installed family; one that is not installed is an
    /// error naming the option, and no book is written.
    @Test func fontPicksAnInstalledFamilyAndRefusesOneThatIsNot() throws {
        let folder = TestPaths.temporaryFolder()
        let feed = TestPaths.examples.appendingPathComponent("feed.json").path
        let chosen = Shell.bookify([feed, "-o", "serif.pdf", "-q", "--offline", "--font", "DejaVu Serif"], in: folder)
        try #require(chosen.status == 0, "\(chosen.stderr)")
        let fonts = try PDFFacts.read(folder.appendingPathComponent("serif.pdf")).fonts.map(\.name)
        #expect(fonts.contains { $0.hasSuffix("+DejaVuSerif") } && !fonts.contains { $0.contains("Pagella") }, "\(fonts)")
        let missing = Shell.bookify([feed, "-o", "missing.pdf", "-q", "--offline", "--font", "No Such Face"], in: folder)
        #expect(missing.status == 64 && missing.stderr.contains("--font") && missing.stderr.contains("No Such Face"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing.pdf").path))
    }
}

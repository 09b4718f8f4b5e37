import Foundation
import Testing

/// PDF typography (issue 13) on a site made for it (`Support/typography_site.py`): long, wide
/// and spanning tables, images of every shape, footnotes, thirty headings, long code, several
/// scripts and a right-to-left post; checked from the PDF as a reader would see it.
struct PDFTypographyTests {
    /// The 6 × 9 in text block: 432 × 648 pt pages, margins inner 57.9, outer 41.9, top 54, bottom 62.2.
    static let (pageWidth, pageHeight) = (432.0, 648.0)
    static let (inner, outer, top, bottom) = (432 * 0.134, 432 * 0.097, 648.0 / 12, 648 * 0.096)

    private static let book: (folder: URL, facts: PDFFacts)? = {
        let folder = TestPaths.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Support/typography_site.py")
        guard Shell.run("/usr/bin/env", ["python3", script.path, site.path]).status == 0,
              Shell.bookify([site.path, "-o", "book.pdf", "-q", "--offline"], in: folder).status == 0,
              let facts = try? PDFFacts.read(folder.appendingPathComponent("book.pdf"), code: true, layout: true) else { return nil }
        return (folder, facts)
    }()

    /// The pages of the post titled `title`: from the outline entry to the next one.
    private static func pages(of title: String, in facts: PDFFacts) throws -> Range<Int> {
        let posts = facts.outline.filter { $0.depth == 1 }
        let index = try #require(posts.firstIndex { $0.title == title }, "no outline entry \(title)")
        let end = index + 1 < posts.count ? posts[index + 1].page : facts.pages
        return posts[index].page..<end
    }

    /// The text block's left and right edges on page `index` (0-based; even indexes are right-hand pages).
    private static func edges(ofPage index: Int) -> (left: Double, right: Double) {
        index % 2 == 0 ? (inner, pageWidth - outer) : (outer, pageWidth - inner)
    }

    @Test func theBookIsSoundAndNoGlyphOrImageLeavesTheTextBlock() throws {
        let (folder, facts) = try #require(Self.book, "the typography site was built and read")
        QPDF.expectClean(folder.appendingPathComponent("book.pdf"))
        #expect(facts.fonts.allSatisfy { $0.embedded }, "every font is embedded")
        for page in 0..<facts.pages {
            let (left, right) = Self.edges(ofPage: page)
            for word in facts.words(onPage: page) where word.box.y0 > Self.top - 1 && word.box.y1 < Self.pageHeight - Self.bottom + 1 {
                #expect(word.box.x0 >= left - 1 && word.box.x1 <= right + 1, "\"\(word.text)\" on page \(page + 1) runs off: \(word.box)")
            }
            for image in facts.images?[page] ?? [] {
                #expect(image[0] >= left - 0.5 && image[2] <= right + 0.5 && image[1] >= Self.top - 0.5
                        && image[3] <= Self.pageHeight - Self.bottom + 0.5, "an image on page \(page + 1) leaves the text block: \(image)")
            }
        }
    }

    @Test func aLongTablePrintsEveryRowWithItsHeaderOnEveryPage() throws {
        let (_, facts) = try #require(Self.book)
        var found = Set<Int>()
        for page in try Self.pages(of: "Tables", in: facts) {
            let text = facts.text(onPage: page)
            let rows = text.matches(of: /item number (\d+)/).compactMap { Int($0.1) }
            guard !rows.isEmpty else { continue }
            found.formUnion(rows)
            let words = facts.words(onPage: page)
            let header = try #require(words.first { $0.text == "Count" }, "page \(page + 1) continues the table without its header")
            let firstRow = try #require(words.first { $0.text == "item" })
            #expect(header.box.y1 <= firstRow.box.y0, "the header is above the rows on page \(page + 1)")
        }
        #expect(found == Set(1...150), "rows missing: \(Set(1...150).subtracting(found).sorted())")
        #expect(facts.text(onPage: try Self.pages(of: "Tables", in: facts).upperBound - 1).contains("Spans across columns and rows"),
                "the caption is printed")
    }

    @Test func imagesKeepTheirShapeAndATinyOneIsNotBlownUp() throws {
        let (_, facts) = try #require(Self.book)
        let images = try Self.pages(of: "Images", in: facts).flatMap { facts.images?[$0] ?? [] }
        let bySize = Dictionary(images.map { ("\(Int($0[4]))x\(Int($0[5]))", $0) }, uniquingKeysWith: { first, _ in first })
        for size in ["3000x1000", "600x3000", "40x40", "160x80"] {
            let image = try #require(bySize[size], "the \(size) image is in the PDF")
            let (width, height) = (image[2] - image[0], image[3] - image[1])
            #expect(abs(width / height - image[4] / image[5]) < 0.01, "\(size) is shown \(width) × \(height): distorted")
        }
        let tiny = try #require(bySize["40x40"])
        #expect(tiny[2] - tiny[0] <= 30.5, "a 40-pixel icon is at most 30 pt (96 px to the inch), not \(tiny[2] - tiny[0])")
        let pages = try Self.pages(of: "Images", in: facts)
        #expect(pages.contains { (facts.curves?[$0] ?? 0) > 0 }, "the SVG is drawn as vectors")
        #expect(pages.contains { facts.text(onPage: $0).contains("A photo that is not there (image not available)") },
                "a missing image is described in its place")
    }

    @Test func footnotesPrintAtTheFootOfTheirPostsPages() throws {
        let (_, facts) = try #require(Self.book)
        let pages = try Self.pages(of: "Footnotes", in: facts)
        for marker in ["Firstnote.", "Secondnote."] {
            let page = try #require(pages.first { page in facts.words(onPage: page).contains { $0.text == marker } },
                                    "\(marker) prints within the post's pages")
            let note = try #require(facts.words(onPage: page).first { $0.text == marker })
            let body = facts.bodyLines(onPage: page).filter { $0.size > 10 }
            #expect(body.allSatisfy { $0.top < note.box.y0 }, "\(marker) sits below the text of page \(page + 1)")
        }
        // A note too long for the foot of its page continues at the foot of the next.
        let third = try #require(pages.first { page in facts.words(onPage: page).contains { $0.text == "Thirdnote." } })
        let end = try #require(pages.first { page in facts.words(onPage: page).contains { $0.text == "Thirdend." } })
        #expect(end > third, "the long note runs on from page \(third + 1)")
    }

    @Test func noHeadingIsTheLastLineOfItsPage() throws {
        let (_, facts) = try #require(Self.book)
        var seen = 0
        for page in try Self.pages(of: "Thirty headings", in: facts) {
            let words = facts.words(onPage: page)
            for heading in words.indices where words[heading].text == "Heading" && words[heading + 1].text == "number" {
                seen += 1
                let below = words.filter { $0.box.y0 > words[heading].box.y1 + 2 && $0.box.y1 < Self.pageHeight - Self.bottom }
                #expect(below.count >= 10, "heading \(words[heading + 2].text) ends page \(page + 1)")
            }
        }
        #expect(seen == 30)
    }

    @Test func aLongCodeLineAndALongCodeBlockSurviveWhole() throws {
        let (_, facts) = try #require(Self.book)
        let lines = (facts.codeLines ?? []).map(\.text)
        let long = "let total = " + (0..<40).map { "value\($0)" }.joined(separator: " + ")
        let start = try #require(lines.firstIndex { $0.hasPrefix("let total") })
        let joined = lines[start...].prefix { !$0.hasPrefix("def ") }.map { $0.replacingOccurrences(of: "↪", with: "") }.joined()
        #expect(joined.replacingOccurrences(of: " ", with: "") == String(long.prefix(300)).replacingOccurrences(of: " ", with: ""))
        let block = lines.compactMap { $0.firstMatch(of: /line (\d{3}) of the long block/).map { Int($0.1)! } }
        #expect(block == Array(1...130))
    }

    @Test func greekCyrillicAndNordicTextExtractsAsWritten() throws {
        let (_, facts) = try #require(Self.book)
        let text = try Self.pages(of: "Scripts", in: facts).map { facts.text(onPage: $0) }.joined(separator: " ")
        // A word broken at a line's end comes back with its soft hyphen and a space.
        let extracted = text.replacingOccurrences(of: "\u{AD} ", with: "").split(separator: " ").joined(separator: " ")
        for sentence in ["Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.",
                         "Съешь же ещё этих мягких французских булок да выпей чаю.",
                         "Blåbærsyltetøy på brødskiva er godt.", "Räksmörgås åt Östen.", "Þú ert ð.",
                         "L’été où Noël s’achève, naïve Zoë mangea une crème brûlée."] {
            #expect(extracted.contains(sentence), "\(sentence) is not in \(extracted)")
        }
    }

    @Test func aRightToLeftPostIsSetFromTheRight() throws {
        let (_, facts) = try #require(Self.book)
        let page = try Self.pages(of: "Right to left", in: facts).lowerBound
        let (left, right) = Self.edges(ofPage: page)
        let hebrew = facts.words(onPage: page).filter { $0.text.unicodeScalars.contains { (0x5D0...0x5EA).contains($0.value) } }
        try #require(!hebrew.isEmpty)
        #expect(hebrew.contains { abs($0.box.x1 - right) < 1.5 }, "Hebrew lines reach the right edge")
        let lastLine = try #require(hebrew.max { $0.box.y0 < $1.box.y0 })
        let lastWords = hebrew.filter { abs($0.box.y0 - lastLine.box.y0) < 1 }
        #expect(lastWords.map(\.box.x1).max()! > right - 1.5 && lastWords.map(\.box.x0).min()! > left + 20,
                "the paragraph's last line is set from the right")
    }

    @Test(arguments: [("a5", 420.0, 595.0), ("letter", 612, 792), ("150x200mm", 425.2, 566.9)])
    func pageSizeOptionsGivePagesOfThatSize(size: String, width: Double, height: Double) throws {
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([TestPaths.examples.appendingPathComponent("feed.json").path, "-o", "book.pdf", "-q",
                                    "--offline", "--page-size", size], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let facts = try PDFFacts.read(folder.appendingPathComponent("book.pdf"))
        #expect(abs(facts.width - width) < 0.1 && abs(facts.height - height) < 0.1, "\(facts.width) × \(facts.height)")
    }

    @Test(arguments: [["--page-size", "huge"], ["--page-size", "3x3mm"], ["--margins", "1,2,3"], ["--font-size", "40"]])
    func wrongPageSettingsAreRefusedWithAReason(arguments: [String]) {
        let folder = TestPaths.temporaryFolder()
        let result = Shell.bookify([TestPaths.examples.appendingPathComponent("feed.json").path, "-o", "book.pdf"] + arguments, in: folder)
        #expect(result.status == 64 && result.stderr.contains("Error:") && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("book.pdf").path),
                "\(arguments): \(result.status) \(result.stderr)")
    }
}

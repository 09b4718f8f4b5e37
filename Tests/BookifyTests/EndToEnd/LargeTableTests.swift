import Foundation
import Testing

/// Tables of any size in the PDF (issue 31): a cell of 2,600 words runs on over pages under its
/// repeated header, a table of 13 columns is set smaller and wraps, and a table whose words
/// cannot fit the measure even so is turned onto pages of its own; nothing is cut and nothing
/// leaves the page.
@Suite struct LargeTableTests {
    @Test func aRowTallerThanAPageContinuesAndAWideTableStaysOnThePage() throws {
        let folder = TestPaths.temporaryFolder()
        let words = (0..<2600).map { "word\($0)" }.joined(separator: " ")
        let tall = "<table><thead><tr><th>Name</th><th>Notes</th></tr></thead><tbody><tr><td>short</td><td>\(words)</td></tr>"
            + "<tr><td>after</td><td>the last row</td></tr></tbody></table>"
        let header = (0..<13).map { "<th>Column \($0)</th>" }.joined()
        let rows = (0..<5).map { row in "<tr>" + (0..<13).map { "<td>cell \(row).\($0) value</td>" }.joined() + "</tr>" }.joined()
        let html = "<p>Before.</p>\(tall)<p>Between.</p><table><thead><tr>\(header)</tr></thead><tbody>\(rows)</tbody></table><p>After.</p>"
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Tables",
                                   "items": [["id": "1", "title": "Tables", "date_published": "2026-01-01T00:00:00Z", "content_html": html]]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "tables.pdf", "-q", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("tables.pdf")
        QPDF.expectClean(pdf)
        let facts = try PDFFacts.read(pdf)
        let text = (0..<facts.pages).map { facts.text(onPage: $0) }
        let found = Set(text.joined(separator: " ").split(separator: " ").filter { $0.hasPrefix("word") })
        #expect(found.count == 2600, "\(2600 - found.count) words of the tall cell are missing")
        let continued = text.filter { $0.contains("word1") }
        #expect(continued.count >= 3 && continued.allSatisfy { $0.contains("Name Notes") }, "the header repeats on every page the row runs on")
        for row in 0..<5 {
            for column in 0..<13 { #expect(text.joined(separator: " ").contains("\(row).\(column)"), "cell \(row).\(column)") }
        }
        for page in 0..<facts.pages {
            for word in facts.words(onPage: page) {
                #expect(word.box.x0 >= 0 && word.box.x1 <= facts.width && word.box.y0 >= 0 && word.box.y1 <= facts.height,
                        "«\(word.text)» leaves page \(page + 1)")
            }
        }
    }

    @Test func aTableTooWideForThePageIsTurnedWithItsWordsWhole() throws {
        let folder = TestPaths.temporaryFolder()
        let columns = 0..<6
        let header = columns.map { "<th>Heading\($0)</th>" }.joined()
        let rows = (0..<40).map { row in "<tr>" + columns.map { "<td>Interchange\(row)Format\($0)</td>" }.joined() + "</tr>" }.joined()
        let html = "<p>Before.</p><table><caption>Formats by row</caption><thead><tr>\(header)</tr></thead><tbody>\(rows)</tbody></table><p>After.</p>"
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Wide",
                                   "items": [["id": "1", "title": "Wide", "date_published": "2026-01-01T00:00:00Z", "content_html": html]]]
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let result = Shell.bookify(["feed.json", "-o", "wide.pdf", "-o", "wide.epub", "-q", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("wide.epub"))
        let pdf = folder.appendingPathComponent("wide.pdf")
        QPDF.expectClean(pdf)
        let facts = try PDFFacts.read(pdf)
        var turnedPages: Set<Int> = []
        var cells: [String] = []
        for page in 0..<facts.pages {
            for word in facts.words(onPage: page) {
                #expect(word.box.x0 >= 0 && word.box.x1 <= facts.width && word.box.y0 >= 0 && word.box.y1 <= facts.height,
                        "«\(word.text)» leaves page \(page + 1)")
                guard word.text.hasPrefix("Interchange") || word.text.hasPrefix("Heading") else { continue }
                // Turned text runs up the page: its words are taller than they are wide.
                #expect(word.box.y1 - word.box.y0 > word.box.x1 - word.box.x0, "«\(word.text)» on page \(page + 1) is not turned")
                turnedPages.insert(page)
                if word.text.hasPrefix("Interchange") { cells.append(word.text) }
            }
        }
        let expected = (0..<40).flatMap { row in columns.map { "Interchange\(row)Format\($0)" } }
        #expect(cells.sorted() == expected.sorted(),
                "every cell once, whole; not so: \(Set(expected).symmetricDifference(cells).sorted().prefix(5))")
        #expect(turnedPages.count >= 2, "40 rows take more than one turned page")
        for page in turnedPages {
            #expect(facts.words(onPage: page).filter { $0.text == "Heading0" }.count == 1, "page \(page + 1) starts with the header")
        }
        let text = (0..<facts.pages).map { facts.text(onPage: $0) }
        #expect(text[turnedPages.min()!].contains("Formats by row"), "the caption is on the table's first page")
        #expect(!turnedPages.contains { text[$0].contains("Before.") || text[$0].contains("After.") }, "the turned pages hold only the table")
    }
}

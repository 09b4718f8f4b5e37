import Foundation
import Testing

/// What a PDF holds, read back by `pdf_facts.py` (pypdf, poppler, pdfplumber) independently of
/// bookify: pages and their labels, the outline, links, fonts, and the words on each page.
struct PDFFacts: Decodable {
    struct OutlineEntry: Decodable {
        var title: String
        var depth: Int
        var page: Int
    }

    struct Link: Decodable {
        var page: Int
        var rect: [Double]
        var uri: String?
        var target: Int?
    }

    struct Font: Decodable {
        var name: String
        var embedded: Bool
    }

    struct CodeLine: Decodable {
        var page: Int
        var text: String
    }

    var pages: Int
    var labels: [String]
    var width: Double
    var height: Double
    var outline: [OutlineEntry]
    /// The document information: Title, Author, Subject, Keywords, Creator, CreationDate…
    var metadata: [String: String]
    var links: [Link]
    var fonts: [Font]
    /// Per page: [xMin, yMin, xMax, yMax, word], y from the top.
    var words: [[[WordField]]]
    var codeLines: [CodeLine]?
    /// With `layout`: per page, images as [x0, top, x1, bottom, pixel width, pixel height].
    var images: [[[Double]]]?
    /// With `layout`: per page, how many curves it draws (vector art).
    var curves: [Int]?
    /// With `layout`: per page, lines in the body's face as [top, left, right, size, text].
    var bodyLines: [[[WordField]]]?

    struct BodyLine {
        var top: Double
        var left: Double
        var right: Double
        var size: Double
        var text: String
    }

    /// The lines in the body's face on page `index`, top to bottom.
    func bodyLines(onPage index: Int) -> [BodyLine] {
        (bodyLines?[index] ?? []).compactMap { fields in
            guard fields.count == 5, case .number(let top) = fields[0], case .number(let left) = fields[1],
                  case .number(let right) = fields[2], case .number(let size) = fields[3], case .text(let text) = fields[4] else { return nil }
            return BodyLine(top: top, left: left, right: right, size: size, text: text)
        }
    }

    enum WordField: Decodable {
        case number(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }

    /// The words of page `index` (0-based) with their boxes.
    func words(onPage index: Int) -> [(box: (x0: Double, y0: Double, x1: Double, y1: Double), text: String)] {
        words[index].compactMap { fields in
            guard fields.count == 5, case .number(let x0) = fields[0], case .number(let y0) = fields[1],
                  case .number(let x1) = fields[2], case .number(let y1) = fields[3], case .text(let text) = fields[4] else { return nil }
            return ((x0, y0, x1, y1), text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'"))
        }
    }

    /// The running head of page `index`: the words above the text block.
    func runningHead(onPage index: Int) -> String {
        words(onPage: index).filter { $0.box.y1 < 45 }.map(\.text).joined(separator: " ")
    }

    /// The text of page `index`, words joined by spaces.
    func text(onPage index: Int) -> String {
        words(onPage: index).map(\.text).joined(separator: " ")
    }

    static func read(_ pdf: URL, code: Bool = false, layout: Bool = false) throws -> PDFFacts {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Support/pdf_facts.py")
        let result = Shell.run("/usr/bin/env", ["python3", script.path, pdf.path] + (code ? ["--code"] : []) + (layout ? ["--layout"] : []))
        try #require(result.status == 0, "pdf_facts.py failed: \(result.stderr)")
        return try JSONDecoder().decode(PDFFacts.self, from: Data(result.stdout.utf8))
    }
}

/// `qpdf --check`: the file's structure is sound (no warnings either).
enum QPDF {
    static func expectClean(_ pdf: URL) {
        let result = Shell.run("/usr/bin/env", ["qpdf", "--check", pdf.path])
        #expect(result.status == 0 && !result.stdout.contains("WARNING") && !result.stderr.contains("WARNING"),
                "qpdf --check \(pdf.lastPathComponent): \(result.stdout.suffix(600)) \(result.stderr.suffix(600))")
    }
}

/// The word gaps of a PDF's justified body lines, read by `word_gaps.py` (pdfplumber).
struct WordGaps: Decodable {
    /// Full justified lines measured, and the median gap between their words (points).
    var lines: Int
    var median: Double
    /// Lines whose widest gap is over 1.6 and over 2.5 times the median.
    var over1_6: Int
    var over2_5: Int
    /// The widest gap's ratio to the median, and where it is.
    var worst: Double
    var worstPage: Int
    var worstText: String
    /// The most consecutive lines that end in a hyphen.
    var hyphenRun: Int

    static func read(_ pdf: URL) throws -> WordGaps {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Support/word_gaps.py")
        let result = Shell.run("/usr/bin/env", ["python3", script.path, pdf.path])
        try #require(result.status == 0, "word_gaps.py failed: \(result.stderr)")
        return try JSONDecoder().decode(WordGaps.self, from: Data(result.stdout.utf8))
    }
}

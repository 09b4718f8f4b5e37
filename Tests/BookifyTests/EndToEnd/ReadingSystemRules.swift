import Foundation
import Testing

/// The rules of ARCHITECTURE §5 that reading systems (Kindle, Kobo, Apple Books, KOReader) enforce
/// beyond EPUBCheck, checked on a built book.
enum ReadingSystemRules {
    static let maximumDocumentBytes = 250_000
    static let bannedCSSProperties = ["position", "overflow", "clip", "direction", "unicode-bidi"]

    static func check(_ book: BookInspector, sourceLocation: SourceLocation = #_sourceLocation) {
        let names = book.archive.entries.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "names must differ after case folding",
                sourceLocation: sourceLocation)
        for name in names {
            #expect(name.wholeMatch(of: /[A-Za-z0-9._\-\/]+/) != nil, "file name \(name)", sourceLocation: sourceLocation)
        }
        for entry in book.archive.xhtmlEntries {
            let text = entry.text
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "\(entry.name): XML declaration",
                    sourceLocation: sourceLocation)
            let title = EPUBArchive.texts(of: "title", in: text).first ?? ""
            #expect(!title.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.name): <title>", sourceLocation: sourceLocation)
            let htmlTag = text.firstMatch(of: /<html [^>]*>/).map { String($0.output) } ?? ""
            #expect(htmlTag.contains(" lang=\"") && htmlTag.contains(" xml:lang=\""), "\(entry.name): lang on <html>",
                    sourceLocation: sourceLocation)
            #expect(text.firstMatch(of: /<img(?![^>]* src=")[^>]*>/) == nil, "\(entry.name): <img> without src",
                    sourceLocation: sourceLocation)
            for image in text.matches(of: /<img [^>]*>/) {
                let tag = String(image.output)
                #expect(tag.contains(" alt=\"") && tag.contains("src=\"../images/"),
                        "\(entry.name): an image is in the book and has alt text: \(tag)", sourceLocation: sourceLocation)
            }
            #expect(!text.contains("data-bookify-media"), "\(entry.name): a media marker was left", sourceLocation: sourceLocation)
            for comment in text.matches(of: /<!--(.*?)-->/.dotMatchesNewlines()) {
                #expect(!comment.output.1.contains("--"), "\(entry.name): -- inside a comment", sourceLocation: sourceLocation)
            }
            let bodyID = text.firstMatch(of: /<body[^>]* id="([^"]+)"/)?.output.1
            #expect(bodyID == nil, "\(entry.name): links must not target <body>", sourceLocation: sourceLocation)
            #expect(entry.data.count < maximumDocumentBytes, "\(entry.name) is \(entry.data.count) bytes",
                    sourceLocation: sourceLocation)
        }
        for css in book.archive.entries where css.name.hasSuffix(".css") {
            let declarations = css.text.replacing(/\/\*.*?\*\//.dotMatchesNewlines(), with: "")
            for property in bannedCSSProperties {
                let pattern = try! Regex("(^|[;{\\s])\(property)\\s*:")
                #expect(declarations.firstMatch(of: pattern) == nil, "\(css.name) uses \(property)",
                        sourceLocation: sourceLocation)
            }
            #expect(declarations.firstMatch(of: /display\s*:\s*(flex|grid|inline-flex|inline-grid)/) == nil,
                    "\(css.name) uses flex or grid", sourceLocation: sourceLocation)
            let href = css.name.replacingOccurrences(of: "OEBPS/", with: "")
            #expect(book.opf.contains("href=\"\(href)\" media-type=\"text/css\""), sourceLocation: sourceLocation)
        }
        let opf = book.opf
        #expect(opf.contains("<package ") && opf.firstMatch(of: /<package [^>]*xml:lang="/) != nil, sourceLocation: sourceLocation)
        #expect(opf.firstMatch(of: /<dc:language>[^<]+<\/dc:language>/) != nil, sourceLocation: sourceLocation)
        let modified = opf.matches(of: /<meta property="dcterms:modified">(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)<\/meta>/)
        #expect(modified.count == 1, "dcterms:modified exactly once as CCYY-MM-DDThh:mm:ssZ", sourceLocation: sourceLocation)
        let uid = book.ncx.firstMatch(of: /<meta name="dtb:uid" content="([^"]+)"/)?.output.1
        #expect(uid.map(String.init) == book.identifier, "NCX dtb:uid equals the package identifier", sourceLocation: sourceLocation)
        for (property, value) in [("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
                                  ("schema:accessibilityFeature", "tableOfContents"),
                                  ("schema:accessibilityFeature", "readingOrder"),
                                  ("schema:accessibilityFeature", "structuralNavigation"),
                                  ("schema:accessibilityHazard", "none")] {
            #expect(opf.contains("<meta property=\"\(property)\">\(value)</meta>"), "\(property) \(value)",
                    sourceLocation: sourceLocation)
        }
        #expect(opf.contains("<meta property=\"schema:accessibilitySummary\">"), sourceLocation: sourceLocation)
        #expect(!opf.contains("dcterms:conformsTo"), sourceLocation: sourceLocation)
        let landmarks = book.nav.components(separatedBy: "epub:type=\"landmarks\"").last ?? ""
        #expect(landmarks.contains("<a epub:type=\"toc\"") && landmarks.contains("<a epub:type=\"bodymatter\""),
                "landmarks link toc and bodymatter", sourceLocation: sourceLocation)
        #expect(book.brokenInternalReferences().isEmpty, "\(book.brokenInternalReferences())", sourceLocation: sourceLocation)
    }
}

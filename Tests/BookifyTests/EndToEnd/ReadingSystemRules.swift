@testable import BookifyCore
import Foundation
import Testing

/// The rules of ARCHITECTURE §5 that reading systems (Kindle, Kobo, Apple Books, KOReader) enforce
/// beyond EPUBCheck, checked on a built book.
enum ReadingSystemRules {
    static let maximumDocumentBytes = 250_000
    static let bannedCSSProperties = ["position", "overflow", "clip", "direction", "unicode-bidi"]

    static func check(_ book: BookInspector, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
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
            guard let page = try? XMLTree.parse(Array(entry.data)) else {
                Issue.record("\(entry.name) is not well-formed XML", sourceLocation: sourceLocation)
                continue
            }
            #expect(page.first("head")?.first("title")?.trimmedText != nil, "\(entry.name): <title>", sourceLocation: sourceLocation)
            #expect(page.attributes["lang"] != nil && page.attributes["lang"] == page.attributes["xml:lang"],
                    "\(entry.name): lang and xml:lang on <html>", sourceLocation: sourceLocation)
            for image in page.descendants("img") {
                #expect(image.attributes["src"]?.hasPrefix("../images/") == true && image.attributes["alt"] != nil,
                        "\(entry.name): an image is in the book and has alt text: \(image.attributes)", sourceLocation: sourceLocation)
            }
            #expect(!text.contains("data-bookify-media"), "\(entry.name): a media marker was left", sourceLocation: sourceLocation)
            for comment in text.matches(of: /<!--(.*?)-->/.dotMatchesNewlines()) {
                #expect(!comment.output.1.contains("--"), "\(entry.name): -- inside a comment", sourceLocation: sourceLocation)
            }
            #expect(page.first("body")?.attributes["id"] == nil, "\(entry.name): links must not target <body>", sourceLocation: sourceLocation)
            #expect(entry.data.count < maximumDocumentBytes, "\(entry.name) is \(entry.data.count) bytes",
                    sourceLocation: sourceLocation)
        }
        let package = try? XMLTree.parse(Array(book.opf.utf8))
        let manifest = package?.first("manifest")?.elements("item") ?? []
        let metadata = package?.first("metadata")?.elements() ?? []
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
            #expect(manifest.contains { $0.attributes["href"] == href && $0.attributes["media-type"] == "text/css" },
                    "\(css.name) is in the manifest as text/css", sourceLocation: sourceLocation)
        }
        #expect(package?.name == "package" && package?.attributes["xml:lang"] != nil, sourceLocation: sourceLocation)
        #expect(metadata.contains { $0.name == "language" && $0.trimmedText != nil }, "dc:language", sourceLocation: sourceLocation)
        let metas = metadata.filter { $0.name == "meta" }.map { (property: $0.attributes["property"] ?? "", value: $0.text) }
        let modified = metas.filter { $0.property == "dcterms:modified" }.map(\.value)
        #expect(modified.count == 1 && modified.allSatisfy { $0.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil },
                "dcterms:modified exactly once as CCYY-MM-DDThh:mm:ssZ: \(modified)", sourceLocation: sourceLocation)
        let ncx = try? XMLTree.parse(Array(book.ncx.utf8))
        let uid = ncx?.first("head")?.elements("meta").first { $0.attributes["name"] == "dtb:uid" }?.attributes["content"]
        #expect(uid != nil && uid == book.identifier, "NCX dtb:uid equals the package identifier", sourceLocation: sourceLocation)
        for (property, value) in [("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
                                  ("schema:accessibilityFeature", "tableOfContents"),
                                  ("schema:accessibilityFeature", "readingOrder"),
                                  ("schema:accessibilityFeature", "structuralNavigation"),
                                  ("schema:accessibilityHazard", "none")] {
            #expect(metas.contains { $0 == (property, value) }, "\(property) \(value)", sourceLocation: sourceLocation)
        }
        #expect(metas.contains { $0.property == "schema:accessibilitySummary" && !$0.value.isEmpty }, sourceLocation: sourceLocation)
        #expect(!metas.contains { $0.property == "dcterms:conformsTo" } && !metadata.contains { $0.name == "conformsTo" },
                "no conformance claim", sourceLocation: sourceLocation)
        let nav = (try? XMLTree.parse(Array(book.nav.utf8))).map { $0.descendants("nav") } ?? []
        let landmarks = nav.first { $0.epubType == "landmarks" }.map { $0.descendants("a").compactMap(\.epubType) } ?? []
        #expect(landmarks.contains("toc") && landmarks.contains("bodymatter"), "landmarks link toc and bodymatter: \(landmarks)",
                sourceLocation: sourceLocation)
        #expect(book.brokenInternalReferences().isEmpty, "\(book.brokenInternalReferences())", sourceLocation: sourceLocation)
    }
}

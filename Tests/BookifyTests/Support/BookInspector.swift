@testable import BookifyCore
import Foundation
import Testing

/// What a user (or a reading system) can check in a built book.
struct BookInspector {
    let archive: EPUBArchive

    init(_ book: URL) throws {
        archive = try EPUBArchive(book)
    }

    var opf: String { archive["OEBPS/content.opf"]?.text ?? "" }
    var nav: String { archive["OEBPS/nav.xhtml"]?.text ?? "" }
    var ncx: String { archive["OEBPS/toc.ncx"]?.text ?? "" }

    /// Every element named `name` in the book's XHTML documents (or in the entry `entry`), parsed:
    /// what a test checks of the markup, rather than a substring of it.
    func elements(_ name: String, in entry: String? = nil) -> [XMLTree] {
        let entries = entry.map { archive[$0].map { [$0] } ?? [] } ?? archive.xhtmlEntries
        return entries.compactMap { try? XMLTree.parse(Array($0.data)) }.flatMap { $0.descendants(name) }
    }

    /// The document at `path` inside `OEBPS/` (say "text/p001.xhtml"), parsed.
    func page(_ path: String) -> XMLTree? {
        archive["OEBPS/" + path].flatMap { try? XMLTree.parse(Array($0.data)) }
    }

    /// The reading-order documents, parsed, in spine order.
    var spinePages: [XMLTree] { spine.compactMap(page) }

    /// The text a reader sees (tags gone, entities decoded) in the reading-order documents whose
    /// path passes `including`, one document after another.
    func readableText(including: (String) -> Bool = { _ in true }) -> String {
        spine.filter(including).compactMap { page($0)?.first("body")?.text }.joined(separator: "\n")
    }

    /// The package document, parsed.
    var package: XMLTree? { try? XMLTree.parse(Array(opf.utf8)) }

    /// The package's Dublin Core elements named `name` ("title", "creator", "language"…).
    func dublinCore(_ name: String) -> [XMLTree] {
        package?.first("metadata")?.elements(name, namespace: "http://purl.org/dc/elements/1.1/") ?? []
    }

    /// The values of the package's `<meta property="…">` elements for `property`.
    func metaValues(_ property: String) -> [String] {
        package?.first("metadata")?.elements("meta").filter { $0.attributes["property"] == property }.map(\.text) ?? []
    }

    /// The package's `<meta name="…" content="…">` (EPUB 2) value for `name`.
    func legacyMeta(_ name: String) -> String? {
        package?.first("metadata")?.elements("meta").first { $0.attributes["name"] == name }?.attributes["content"]
    }

    /// The manifest's items.
    var manifest: [XMLTree] { package?.first("manifest")?.elements("item") ?? [] }

    /// The titles the table of contents lists, in order (nested entries included).
    var navTitles: [String] {
        let navs = page("nav.xhtml")?.descendants("nav") ?? []
        return navs.first { $0.epubType == "toc" }?.descendants("a").map(\.text) ?? []
    }

    /// The reading-order documents' paths (inside `OEBPS/`), in spine order.
    var spine: [String] {
        let hrefs = Dictionary(manifest.compactMap { item in item.attributes["id"].map { ($0, item.attributes["href"] ?? "") } },
                               uniquingKeysWith: { first, _ in first })
        let itemrefs = package?.first("spine")?.elements("itemref") ?? []
        return itemrefs.compactMap { $0.attributes["idref"].flatMap { hrefs[$0] } }
    }

    var identifier: String? {
        dublinCore("identifier").first { $0.attributes["id"] == "book-id" }?.text
    }

    /// Every reference from a document of the book that points inside it but at nothing:
    /// a missing file or a missing fragment id.
    func brokenInternalReferences() -> [String] {
        var idsByFile: [String: Set<String>] = [:]
        for entry in archive.xhtmlEntries {
            idsByFile[entry.name] = Set(entry.text.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) })
        }
        var broken: [String] = []
        for entry in archive.entries where entry.name.hasSuffix(".xhtml") || entry.name.hasSuffix(".ncx") || entry.name.hasSuffix(".opf") {
            let folder = (entry.name as NSString).deletingLastPathComponent
            for match in entry.text.matches(of: #/<[A-Za-z][^>]*? (?:href|src)="([^"]*)"/#) {
                let reference = Self.unescape(String(match.output.1))
                let lowercased = reference.lowercased()
                if lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") || lowercased.hasPrefix("mailto:") {
                    continue
                }
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = parts[0].isEmpty ? entry.name : Self.normalize(folder + "/" + parts[0])
                guard archive[path] != nil else { broken.append("\(entry.name): \(reference)"); continue }
                if parts.count == 2, idsByFile[path]?.contains(String(parts[1])) != true {
                    broken.append("\(entry.name): \(reference)")
                }
            }
        }
        return broken
    }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import Foundation

/// The examples of the GitHub Flavored Markdown spec (the corpus's spec/gfm-spec.txt: the whole
/// spec's 673 in ../shared, a few in the same form in the small corpus).
struct GFMSpecExample: Sendable {
    var number: Int
    var section: String
    var markdown: String
    var html: String

    /// Sections whose examples are about raw HTML passing through, which bookify sanitizes.
    static let rawHTMLSections: Set<String> = ["HTML blocks", "Raw HTML", "Disallowed Raw HTML (extension)"]

    var isAboutRawHTML: Bool { Self.rawHTMLSections.contains(section) }

    static func load() -> [GFMSpecExample] {
        let file = TestPaths.corpus.appendingPathComponent("spec/gfm-spec.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [GFMSpecExample] = []
        var section = ""
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            if var lines = current {
                if line == fence {
                    let joined = lines.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t")
                    let parts = ("\n" + joined + "\n").components(separatedBy: "\n.\n")
                    examples.append(GFMSpecExample(number: examples.count + 1, section: section,
                                                   markdown: String(parts[0].dropFirst()),
                                                   html: parts.dropFirst().joined(separator: "\n.\n")))
                    current = nil
                } else {
                    lines.append(line)
                    current = lines
                }
            } else if line.hasPrefix(fence + " example") {
                current = []
            } else if line.hasPrefix("#") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }
}

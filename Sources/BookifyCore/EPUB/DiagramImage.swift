import Crypto
import Foundation

/// A text diagram too wide to set as text on a 6-inch screen, drawn as an SVG image of its
/// text: it scales with the page instead of wrapping (a wrapped box drawing is unreadable) or
/// shrinking to a size no one can read. Its text stays its description.
enum DiagramImage {
    /// The widest diagram set as text: 60 columns at the code size (0.8em) fit a 600-pixel
    /// screen at the reader's default size.
    static let maximumColumns = 60

    /// Whether `pre` is a diagram to draw as an image.
    static func isImage(_ pre: ContentElement) -> Bool {
        if case .diagram(let longest) = pre.role { return longest > maximumColumns }
        return false
    }

    /// The diagram's file in the container, named by its text (the same diagram is one file).
    static func path(of pre: ContentElement, format: ImageType = .svg) -> String {
        let digest = Hex.string(SHA256.hash(data: Data(pre.textContent.utf8)).prefix(8))
        return "images/diagram-\(digest).\(format.fileExtension)"
    }

    /// The lines of the diagram, without a final empty one.
    private static func lines(of pre: ContentElement) -> [String] {
        var lines = pre.textContent.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The `img` that shows the diagram: as wide as the page, never wider than the text would be.
    static func imageElement(for pre: ContentElement, source: String) -> String {
        let columns = if case .diagram(let longest) = pre.role { longest } else { lines(of: pre).map(\.count).max() ?? 1 }
        let description = DiagramLayout.collapsingWhitespace(pre.textContent)
        // 0.6em a column at the code's 0.8em, in tenths of an em: columns × 0.48 is a whole
        // number of hundredths, never halfway, so this rounds as "%.1f" did.
        let tenths = (columns * 48 + 5) / 10
        let maximum = "\(tenths / 10).\(tenths % 10)"
        let id = pre.id.map { " id=\"\(XMLText.escape($0, quotes: true))\"" } ?? ""
        return "<figure class=\"diagram\"\(id)><img src=\"\(XMLText.escape(source, quotes: true))\" alt=\"\(XMLText.escape(description, quotes: true))\""
            + " style=\"width: 100%; max-width: \(maximum)em\"/></figure>"
    }

    /// The SVG: each line a `text` stretched to its exact column count (`textLength`), so that
    /// the columns line up in whatever monospace font the reader has.
    static func svg(for pre: ContentElement) -> String {
        let lines = lines(of: pre)
        let columns = lines.map(\.count).max() ?? 1
        let (advance, height) = (6, 12)
        var svg = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(columns * advance + 4)\" height=\"\(lines.count * height + 4)\""
        svg += " viewBox=\"0 0 \(columns * advance + 4) \(lines.count * height + 4)\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\""
        svg += " font-size=\"10\" fill=\"#1a1a1a\">\n<title>Text diagram</title>\n"
        svg += "<desc>\(XMLText.escape(pre.textContent))</desc>\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f4f4f4\"/>\n"
        for (index, line) in lines.enumerated() where !line.trimmedSpaces.isEmpty {
            svg += "<text x=\"2\" y=\"\((index + 1) * height - 1)\" textLength=\"\(line.count * advance)\" lengthAdjust=\"spacingAndGlyphs\""
            svg += " xml:space=\"preserve\">\(XMLText.escape(line))</text>\n"
        }
        return svg + "</svg>\n"
    }
}

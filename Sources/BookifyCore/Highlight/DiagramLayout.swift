/// Keeps text diagrams aligned on small screens. Code may wrap (`pre-wrap`), but a wrapped
/// box drawing is unreadable: a `pre` that draws (box-drawing characters, arrows, ASCII
/// boxes) is marked `diagram` with a width class, and the stylesheet shrinks its type so its
/// longest line fits the page.
enum DiagramLayout {
    /// Width classes by longest line, in characters; shorter diagrams fit as they are.
    static let widthClasses: [(maximum: Int, className: String)] = [
        (60, ""), (80, "diagram-wide"), (100, "diagram-wider"), (Int.max, "diagram-widest"),
    ]

    static func mark(_ pre: XHTMLElement) -> XHTMLElement {
        let text = pre.textContent
        guard isDiagram(text) else { return pre }
        let longest = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        let width = widthClasses.first { longest <= $0.maximum }?.className ?? ""
        var marked = pre
        let classes = [pre["class"], "diagram", width.isEmpty ? nil : width].compactMap { $0 }
        marked["class"] = classes.joined(separator: " ")
        return marked
    }

    /// Box-drawing and block characters or arrows on several lines, or ASCII boxes (`+---+`).
    static func isDiagram(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        let drawingLines = lines.filter { line in
            line.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) || (0x2190...0x21FF).contains($0.value) }
                || line.contains("+--") || line.contains("--+") || line.contains("-->") || line.contains("|  ")
        }
        return drawingLines.count >= 2
    }
}

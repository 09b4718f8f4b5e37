/// Finds text diagrams among code blocks. Code may wrap, but a wrapped box drawing is
/// unreadable: a `pre` that draws (box-drawing characters, arrows, ASCII boxes) gets the
/// `diagram` role with its longest line, so that each writer can scale it to its page instead.
enum DiagramLayout {
    static func mark(_ pre: ContentElement) -> ContentElement {
        let text = pre.textContent
        guard isDiagram(text) else { return pre }
        var marked = pre
        let longest = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        marked.role = .diagram(longestLine: longest)
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

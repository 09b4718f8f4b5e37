import Foundation

/// Makes an SVG file safe to put in a book: only SVG elements and plain presentation
/// attributes survive; scripts, event handlers, animations (which can rewrite links), foreign
/// content and every reference outside the file are dropped.
enum SVGSanitizer {
    static let namespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    /// Deeper drawings are not worth the risk of exhausting the stack.
    private static let maximumDepth = 200

    /// Elements dropped with everything inside them.
    private static let dropped: Set<String> = [
        "script", "foreignObject", "animate", "animateMotion", "animateTransform", "animateColor", "set",
        "discard", "handler", "listener", "image", "feImage", "metadata", "iframe", "audio", "video", "canvas",
    ]

    /// The sanitized file, or `nil` when `bytes` are no well-formed SVG document.
    static func sanitize(_ bytes: [UInt8]) -> [UInt8]? {
        guard let root = try? XMLTree.parse(bytes), root.name == "svg", root.namespace == namespace,
              depth(of: root) <= maximumDepth else { return nil }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let writer = Writer(ids: keptIDs(in: root))
        writer.write(root, to: &output, isRoot: true)
        output += "\n"
        return Array(output.utf8)
    }

    private static func depth(of root: XMLTree) -> Int {
        var deepest = 0
        var stack = [(root, 1)]
        while let (element, level) = stack.popLast() {
            deepest = max(deepest, level)
            if deepest > maximumDepth { break }
            for case .element(let child) in element.children { stack.append((child, level + 1)) }
        }
        return deepest
    }

    static func isKeptElement(_ element: XMLTree) -> Bool {
        element.namespace == namespace && !dropped.contains(element.name)
    }

    /// The ids of the elements that stay: references to any other id would dangle.
    private static func keptIDs(in root: XMLTree) -> Set<String> {
        var ids = Set<String>()
        var stack = [root]
        while let element = stack.popLast() {
            guard isKeptElement(element) else { continue }
            if let id = element.attributes["id"] { ids.insert(id) }
            for case .element(let child) in element.children { stack.append(child) }
        }
        return ids
    }
}

/// Writes the kept elements and attributes.
private struct Writer {
    let ids: Set<String>

    func write(_ element: XMLTree, to output: inout String, isRoot: Bool = false) {
        guard SVGSanitizer.isKeptElement(element) else { return }
        // A link would lead out of the book: its drawing stays, the link goes.
        let tag = element.name == "a" ? "g" : element.name
        output += "<" + tag
        if isRoot { output += " xmlns=\"\(SVGSanitizer.namespace)\" xmlns:xlink=\"\(SVGSanitizer.xlinkNamespace)\"" }
        for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
            guard let kept = keptName(name, value: value) else { continue }
            output += " \(kept)=\"\(XMLText.escape(value, quotes: true))\""
        }
        output += ">"
        if element.name == "style" {
            let css = element.text
            if isSafe(css) { output += XMLText.escape(css) }
        } else {
            for child in element.children {
                switch child {
                case .text(let text): output += XMLText.escape(text)
                case .element(let child): write(child, to: &output)
                }
            }
        }
        output += "</\(tag)>"
    }

    /// The name an attribute is written with, or `nil` to drop it.
    private func keptName(_ name: String, value: String) -> String? {
        let lowered = value.lowercased()
        if lowered.contains("javascript:") || lowered.contains("data:") || !isSafe(value) { return nil }
        switch name {
        case "xml:space", "xml:lang": return name
        case "href", SVGSanitizer.xlinkNamespace + ":href":
            guard value.hasPrefix("#"), ids.contains(String(value.dropFirst())) else { return nil }
            return name == "href" ? "href" : "xlink:href"
        default:
            if name.contains(":") || name.lowercased().hasPrefix("on") { return nil }
            return name
        }
    }

    /// CSS (or an attribute) that loads nothing: no `@import`, and `url()` only to elements of
    /// the same file that are kept.
    private func isSafe(_ css: String) -> Bool {
        let lowered = css.lowercased()
        if lowered.contains("@import") || lowered.contains("expression(") { return false }
        var rest = Substring(css)
        while let range = rest.range(of: "url(", options: .caseInsensitive) {
            let target = rest[range.upperBound...].drop { $0 == " " || $0 == "'" || $0 == "\"" }
            guard target.hasPrefix("#") else { return false }
            let id = target.dropFirst().prefix { !" '\")".contains($0) }
            if !ids.contains(String(id)) { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

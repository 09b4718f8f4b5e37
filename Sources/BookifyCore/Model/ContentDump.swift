extension Array where Element == ContentNode {
    /// A stable, readable text of the tree: one node per line, children indented by two
    /// spaces. It is what every writer receives, so tests of the content stage compare it.
    ///
    ///     p #p001-intro .lead
    ///       "See "
    ///       a → p002#p002-setup
    ///         "the setup"
    ///     pre (diagram 12)
    ///       code .language-go
    ///         token keyword "func"
    ///     image diagram-3f2a9c01de 640×400 alt="A diagram"
    public var dump: String {
        var lines: [String] = []
        ContentDump.write(self, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }
}

enum ContentDump {
    static func write(_ nodes: [ContentNode], depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for node in nodes {
            lines.append(indent + line(for: node))
            write(node.children, depth: depth + 1, into: &lines)
        }
    }

    private static func line(for node: ContentNode) -> String {
        switch node {
        case .text(let text):
            return quoted(text)
        case .element(let element):
            return line(for: element)
        case .image(let image):
            return "image \(image.imageID) \(image.width)×\(image.height) alt=\(quoted(image.alt))"
        case .media(let reference):
            var line = "media \(reference.kind.rawValue) \(quoted(reference.source))"
            if let alt = reference.alt { line += " alt=\(quoted(alt))" }
            if let title = reference.title { line += " title=\(quoted(title))" }
            return line
        case .placeholder(let placeholder):
            return "placeholder \(placeholder.layout == .figure ? "figure" : "inline") \(placeholder.kind.rawValue) "
                + quoted(placeholder.description) + (placeholder.original.map { " → \($0.absoluteString)" } ?? "")
        case .note(let note):
            return "note \(note.number)" + (note.id.map { " #\($0)" } ?? "")
        case .token(let token):
            return "token \(token.kind?.rawValue ?? "plain") \(quoted(token.text))"
        case .checkbox(let checked):
            return checked ? "checkbox [x]" : "checkbox [ ]"
        case .math(let formula):
            return "math \(formula.display ? "display" : "inline") \(quoted(formula.source)) \(formula.root.outline)"
        }
    }

    private static func line(for element: ContentElement) -> String {
        var parts = [element.kind.tagName]
        if let id = element.id { parts.append("#" + id) }
        parts += element.classes.map { "." + $0 }
        parts += element.attributes.map { "[\($0.name.rawValue)=\(quoted($0.value))]" }
        if let alignment = element.alignment { parts.append("align=\(alignment.rawValue)") }
        if let span = element.span { parts.append("span=\(span.columns.map(String.init) ?? "1")×\(span.rows.map(String.init) ?? "1")") }
        switch element.link {
        case .external(let address)?: parts.append("→ " + address)
        case .post(let post, let anchor)?: parts.append("→ " + post + (anchor.map { "#" + $0 } ?? ""))
        case nil: break
        }
        if let role = element.role { parts.append("(\(describe(role)))") }
        return parts.joined(separator: " ")
    }

    private static func describe(_ role: ElementRole) -> String {
        switch role {
        case .taskItem: return "task item"
        case .imageFigure: return "image figure"
        case .leadImage: return "lead image"
        case .noteReference: return "note reference"
        case .strayCaption: return "stray caption"
        case .definitionTerm: return "definition term"
        case .definitionDescription: return "definition description"
        case .diagram(let longestLine): return "diagram \(longestLine)"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}

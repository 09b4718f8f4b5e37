/// A code block's content cut into its lines, elements and tokens that span a line break cut
/// with it (an id stays with the first part), so that each line can be set on its own: with a
/// hanging indent at its own indentation when it wraps.
enum CodeLines {
    /// The lines of `nodes`, without the empty line after a final line break and without the
    /// spaces that end a line (invisible, but a run of them made a page wider than its screen).
    static func split(_ nodes: [ContentNode]) -> [[ContentNode]] {
        var lines = cut(nodes).map(withoutTrailingSpaces)
        if lines.count > 1, lines.last?.allSatisfy({ $0.textContent.isEmpty }) == true { lines.removeLast() }
        return lines
    }

    private static func withoutTrailingSpaces(_ line: [ContentNode]) -> [ContentNode] {
        var line = line
        while let last = line.last {
            let trimmed: ContentNode
            switch last {
            case .text(let text): trimmed = .text(withoutTrailingBlanks(text))
            case .token(var token):
                token.text = withoutTrailingBlanks(token.text)
                trimmed = .token(token)
            case .element(var element):
                element.children = withoutTrailingSpaces(element.children)
                trimmed = .element(element)
            default: return line
            }
            if case .element = trimmed { line[line.count - 1] = trimmed; return line }
            guard trimmed.textContent.isEmpty else { line[line.count - 1] = trimmed; return line }
            line.removeLast()
        }
        return line
    }

    /// `text` without the spaces and tabs that end it; most code lines have none, and keep
    /// their storage.
    private static func withoutTrailingBlanks(_ text: String) -> String {
        let bytes = text.utf8
        guard let last = bytes.last, last == 0x20 || last == 0x09 else { return text }
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index(after: $0) } ?? bytes.startIndex
        return String(text[..<end])
    }

    /// How many columns the line is indented by (a tab counts four).
    static func indentation(of line: [ContentNode]) -> Int {
        var columns = 0
        for node in line {
            for byte in node.textContent.utf8 {
                guard byte == 0x20 || byte == 0x09 else { return columns }
                columns += byte == 0x09 ? 4 : 1
            }
        }
        return columns
    }

    private static func cut(_ nodes: [ContentNode]) -> [[ContentNode]] {
        var lines: [[ContentNode]] = [[]]
        func append(_ parts: [[ContentNode]]) {
            lines[lines.count - 1] += parts[0]
            lines += parts.dropFirst()
        }
        nodes.forEachInPlace { node in
            switch node {
            // Most pieces of code hold no line break: kept as they are, without arrays of pieces.
            case .text(let text) where isUnbroken(text): lines[lines.count - 1].append(node)
            case .token(let token) where isUnbroken(token.text): lines[lines.count - 1].append(node)
            case .text(let text):
                append(pieces(of: text).map { $0.isEmpty ? [] : [.text($0)] })
            case .token(let token):
                append(pieces(of: token.text).map { $0.isEmpty ? [] : [.token(CodeToken(kind: token.kind, text: $0))] })
            case .element(let element):
                append(cut(element.children).enumerated().map { index, children in
                    var part = element
                    part.children = children
                    if index > 0 { part.id = nil }
                    return [.element(part)]
                })
            default:
                append([[node]])
            }
        }
        return lines
    }

    /// Text that is one piece of a line: not empty (an empty piece is left out), no line break.
    private static func isUnbroken(_ text: String) -> Bool {
        !text.isEmpty && !text.utf8.contains(0x0A)
    }

    private static func pieces(of text: String) -> [String] {
        guard text.utf8.contains(0x0A) else { return [text] }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}

/// About how many bytes nodes serialize to as XHTML, without serializing them: the long-post
/// splitter measures exactly only the posts this says may be long (most are far from it, and
/// serializing every post twice cost a tenth of a large build).
enum XHTMLSizeEstimate {
    static func bytes(_ nodes: [ContentNode]) -> Int {
        var total = 0
        nodes.forEachInPlace { total += bytes($0) }
        return total
    }

    private static func bytes(_ node: ContentNode) -> Int {
        switch node {
        case .text(let text): return escaped(text)
        case .token(let token): return escaped(token.text) + 30
        case .element(let element):
            var total = 2 * element.kind.tagName.utf8.count + 5 + bytes(element.children)
            total += element.attributes.reduce(0) { $0 + $1.name.rawValue.utf8.count + $1.value.utf8.count + 4 }
            total += element.classes.reduce(0) { $0 + $1.utf8.count + 10 } + (element.id?.utf8.count ?? 0) * 2 + 6
            if element.link != nil { total += 80 }
            // Code is set a line at a time, each line in a span with its indentation.
            if element.kind == .pre { total += 80 * (lineBreaks(in: element.children) + 1) }
            return total
        case .note(let note): return 150 + bytes(note.children)
        case .image(let image): return 120 + escaped(image.alt)
        case .placeholder(let placeholder): return 200 + escaped(placeholder.description)
        case .media(let reference): return 200 + reference.source.utf8.count
        case .checkbox: return 90
        // MathML spells each token out in tags: about ten times its TeX, and the TeX twice more.
        case .math(let formula): return 200 + 12 * escaped(formula.source)
        }
    }

    /// The line breaks in the text of `nodes` (counted without joining it).
    private static func lineBreaks(in nodes: [ContentNode]) -> Int {
        var count = 0
        nodes.forEachInPlace { node in
            switch node {
            case .text(let text): count += bytes(of: text) { $0 == 0x0A }
            case .token(let token): count += bytes(of: token.text) { $0 == 0x0A }
            default: count += lineBreaks(in: node.children)
            }
        }
        return count
    }

    /// UTF-8 bytes with `&`, `<` and `>` as entities.
    private static func escaped(_ text: String) -> Int {
        text.utf8.count + 4 * bytes(of: text) { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }
    }

    /// How many of the text's UTF-8 bytes are `wanted`: over its contiguous storage when it
    /// has one (every text the model holds), which is several times faster than `utf8.count(where:)`.
    private static func bytes(of text: String, where wanted: (UInt8) -> Bool) -> Int {
        text.utf8.withContiguousStorageIfAvailable { $0.count(where: wanted) } ?? text.utf8.count(where: wanted)
    }
}

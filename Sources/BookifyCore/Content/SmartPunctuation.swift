/// Typographic punctuation in prose, by the rules of cmark-gfm's smart option and of careful
/// e-book producers (Standard Ebooks): “double” and ‘single’ quotes by what stands before them,
/// ’ for apostrophes (also in ’90s), – for `--` and — for `---` between words, … for `...`.
/// Never in code (`code`, `pre`, `kbd`, `samp`, `tt`), in an address written out in the text,
/// or in attributes; a command-line option in prose (`--title`) keeps its hyphens.
struct SmartPunctuation: ContentRewriter {
    /// The character before the text being visited, across inline elements; `nil` at a block's start.
    private var previous: Character?

    static let verbatim: Set<String> = ["code", "pre", "kbd", "samp", "tt", "script", "style"]

    static func apply(_ nodes: [ContentNode]) -> [ContentNode] {
        var pass = SmartPunctuation()
        return pass.rewrite(nodes)
    }

    mutating func visitElement(_ element: ContentElement) -> [ContentNode] {
        if Self.verbatim.contains(element.name) {
            previous = element.textContent.last ?? previous
            return [.element(element)]
        }
        guard ContentModel.blocks.contains(element.name) || element.name == "br" else { return [.element(descend(element))] }
        previous = nil
        let result = descend(element)
        previous = nil
        return [.element(result)]
    }

    mutating func visitNote(_ note: Note) -> [ContentNode] {
        previous = nil
        var copy = note
        copy.children = rewrite(note.children)
        previous = nil
        return [.note(copy)]
    }

    mutating func visitLeaf(_ node: ContentNode) -> [ContentNode] {
        previous = "x"  // an image or a checkbox stands like a word
        return [node]
    }

    mutating func visitText(_ text: String) -> [ContentNode] {
        guard text.contains(where: { $0 == "\"" || $0 == "'" || $0 == "-" || $0 == "." }) else {
            previous = text.last ?? previous
            return [.text(text)]
        }
        var result = ""
        var word = ""
        for character in text {
            if character.isWhitespace {
                result += converted(word)
                word = ""
                result.append(character)
                previous = character
            } else {
                word.append(character)
            }
        }
        result += converted(word)
        return [.text(result)]
    }

    /// A word smartened, unless it is an address.
    private mutating func converted(_ word: String) -> String {
        guard !word.isEmpty else { return word }
        guard !Self.isAddress(word) else {
            previous = word.last
            return word
        }
        return smarten(word)
    }

    private static func isAddress(_ word: String) -> Bool {
        word.contains("://") || word.hasPrefix("www.") || word.contains("@") && word.contains(".")
    }

    /// One word (no white space), `previous` being what stands before it.
    private mutating func smarten(_ word: String) -> String {
        let characters = Array(word)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\"":
                output.append(Self.opens(after: previous) ? "“" : "”")
            case "'":
                let apostrophe = previous.map { $0.isLetter || $0.isNumber } == true || next?.isNumber == true
                output.append(apostrophe || !Self.opens(after: previous) ? "’" : "‘")
            case "." where next == "." && index + 2 < characters.count && characters[index + 2] == ".":
                output.append("…")
                index += 2
            case "-" where next == "-":
                let dashes = index + 2 < characters.count && characters[index + 2] == "-" ? 3 : 2
                let after = index + dashes < characters.count ? characters[index + dashes] : nil
                // "--title" at a word's start is an option, not a dash.
                if Self.opens(after: previous), after?.isLetter == true {
                    output += String(repeating: "-", count: dashes)
                } else {
                    output.append(dashes == 3 ? "—" : "–")
                }
                index += dashes - 1
            default:
                output.append(character)
            }
            previous = output.last
            index += 1
        }
        return output
    }

    /// Whether a quote after `character` opens: at the start, after a space, an opening bracket,
    /// a dash or another opening quote.
    private static func opens(after character: Character?) -> Bool {
        guard let character else { return true }
        return character.isWhitespace || "([{<“‘—–-/".contains(character)
    }
}

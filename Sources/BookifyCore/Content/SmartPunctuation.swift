/// Typographic punctuation in prose, by the rules of cmark-gfm's smart option and of careful
/// e-book producers (Standard Ebooks): “double” and ‘single’ quotes by what stands before them,
/// ’ for apostrophes (also in ’90s), – for `--` and — for `---` between words, … for `...`.
/// Never in code (`code`, `pre`, `kbd`, `samp`, `tt`), in an address written out in the text,
/// or in attributes; a command-line option in prose (`--title`) keeps its hyphens.
struct SmartPunctuation: ContentRewriter {
    /// What stands before the text being visited, across inline elements; `nil` at a block's start.
    private var previous: Unicode.Scalar?

    static let verbatim: Set<ElementKind> = [.code, .pre, .kbd, .samp]

    static func apply(_ nodes: [ContentNode]) -> [ContentNode] {
        var pass = SmartPunctuation()
        var result: [ContentNode] = []
        result.reserveCapacity(nodes.count)
        nodes.forEachInPlace { node in
            // A block with nothing to change is kept as it is (it resets `previous` in any case).
            if case .element(let element) = node, element.kind.isBlock, !Self.mayChange(in: node) {
                result.append(node)
                pass.previous = nil
            } else {
                pass.rewrite(node, into: &result)
            }
        }
        return result
    }

    private static func mayChange(in node: ContentNode) -> Bool {
        node.anyNode { if case .text(let text) = $0 { mayChange(text) } else { false } }
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        if Self.verbatim.contains(element.kind) {
            previous = ContentNode.element(element).lastScalar ?? previous
            output.append(.element(element))
            return
        }
        guard element.kind.isBlock || element.kind == .br else { output.append(.element(descend(element))); return }
        previous = nil
        let result = descend(element)
        previous = nil
        output.append(.element(result))
    }

    mutating func visitNote(_ note: Note, into output: inout [ContentNode]) {
        previous = nil
        var copy = note
        copy.children = rewrite(note.children)
        previous = nil
        output.append(.note(copy))
    }

    mutating func visitLeaf(_ node: ContentNode, into output: inout [ContentNode]) {
        previous = "x"  // an image or a checkbox stands like a word
        output.append(node)
    }

    mutating func visitText(_ text: String, into output: inout [ContentNode]) {
        // Most text has nothing to change: found by its bytes, it is left as it is.
        guard Self.mayChange(text) else {
            previous = text.unicodeScalars.last ?? previous
            output.append(.text(text))
            return
        }
        // Words without anything to change are copied in runs, as they are.
        let scalars = text.unicodeScalars
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var copiedUpTo = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if Self.isSpace(scalars[index]) {
                previous = scalars[index]
                index = scalars.index(after: index)
                continue
            }
            let start = index
            while index < scalars.endIndex, !Self.isSpace(scalars[index]) { index = scalars.index(after: index) }
            let word = scalars[start..<index]
            guard let smartened = smartened(word) else { continue }
            result += text[copiedUpTo..<start]
            result.unicodeScalars.append(contentsOf: smartened)
            copiedUpTo = index
        }
        result += text[copiedUpTo...]
        output.append(.text(result))
    }

    /// Whether `text` holds a quote, `--` or `...`: over its contiguous bytes (every text the
    /// model holds has them), several times faster than over `utf8`.
    private static func mayChange(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayChange(bytes:)) ?? mayChange(bytes: text.utf8)
    }

    private static func mayChange<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
        var last: UInt8 = 0
        var run = 0
        for byte in bytes {
            if byte == 0x22 || byte == 0x27 { return true }
            run = byte == last ? run + 1 : 1
            if (byte == 0x2D && run == 2) || (byte == 0x2E && run == 3) { return true }
            last = byte
        }
        return false
    }

    /// A word smartened; `nil` when it stays as it is: plain (no quote, dash or dot) or an address.
    private mutating func smartened(_ word: Substring.UnicodeScalarView) -> [Unicode.Scalar]? {
        guard let last = word.last else { return nil }
        guard word.contains(where: { $0 == "\"" || $0 == "'" || $0 == "-" || $0 == "." }), !Self.isAddress(Substring(word)) else {
            previous = last
            return nil
        }
        return smarten(Array(word))
    }

    private static func isAddress(_ text: Substring) -> Bool {
        text.containsBytes("://") || text.hasPrefix("www.") || text.containsBytes("@") && text.containsBytes(".")
    }

    /// One word (no white space), `previous` being what stands before it.
    private mutating func smarten(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        var index = 0
        while index < word.count {
            let scalar = word[index]
            let next = index + 1 < word.count ? word[index + 1] : nil
            switch scalar {
            case "\"":
                output.append(Self.opens(after: previous) ? "“" : "”")
            case "'":
                let apostrophe = previous.map(Self.isWordish) == true || next.map(Self.isDigit) == true
                output.append(apostrophe || !Self.opens(after: previous) ? "’" : "‘")
            case "." where next == "." && index + 2 < word.count && word[index + 2] == ".":
                output.append("…")
                index += 2
            case "-" where next == "-":
                let dashes = index + 2 < word.count && word[index + 2] == "-" ? 3 : 2
                let after = index + dashes < word.count ? word[index + dashes] : nil
                // "--title" at a word's start is an option, not a dash.
                if Self.opens(after: previous), after.map(Self.isWordish) == true {
                    output += Array(repeating: "-", count: dashes)
                } else {
                    output.append(dashes == 3 ? "—" : "–")
                }
                index += dashes - 1
            default:
                output.append(scalar)
            }
            previous = output.last
            index += 1
        }
        return output
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" : scalar.properties.isWhitespace
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
    }

    /// A letter or a digit: what an apostrophe follows.
    private static func isWordish(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                       : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a quote after `scalar` opens: at the start, after a space, an opening bracket, a
    /// dash or another opening quote.
    private static func opens(after scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return isSpace(scalar) || "([{<“‘—–-/".unicodeScalars.contains(scalar)
    }
}

/// Right-to-left text in a left-to-right post: each block written in Hebrew, Arabic or another
/// right-to-left script gets `dir="rtl"`, so that reading systems set it from the right (with
/// its punctuation at the right end), as the PDF does. A block that says its direction keeps it.
struct TextDirection: ContentRewriter {
    /// The blocks that hold a line of text of their own.
    private static let textBlocks: Set<ElementKind> = [.p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dd, .dt, .td, .th, .figcaption, .caption]

    /// Marks the right-to-left blocks of a post in `language`; a right-to-left post's blocks
    /// take their direction from the page (`page-progression-direction`, the PDF's setting).
    static func apply(_ nodes: [ContentNode], language: String?) -> [ContentNode] {
        guard !isRightToLeft(language: language ?? ""), nodes.anyNode(where: { if case .text(let text) = $0 { startsRightToLeft(text) ?? false } else { false } }) else {
            return nodes
        }
        var pass = TextDirection()
        return pass.rewrite(nodes)
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        var element = element
        if Self.textBlocks.contains(element.kind), element[.dir] == nil, Self.startsRightToLeft(ContentNode.element(element).textContent) == true {
            element[.dir] = "rtl"
        }
        element.children = rewrite(element.children)
        output.append(.element(element))
    }

    /// Whether a language (a BCP 47 tag) is written from right to left: Arabic, Hebrew, Persian, Urdu…
    static func isRightToLeft(language tag: String) -> Bool {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi"].contains(primary)
    }

    /// The direction of the first letter of `text` that has one (Unicode's "first strong"
    /// rule): true for a right-to-left script, false for any other letter, nil with none.
    static func startsRightToLeft(_ text: String) -> Bool? {
        for scalar in text.unicodeScalars {
            // ASCII first, without Unicode's tables: its letters are left to right, the rest neutral.
            if scalar.isASCII {
                if scalar.isASCIILetter { return false }
                continue
            }
            if isRightToLeftLetter(scalar) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return nil
    }

    /// Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, N'Ko.
    private static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return scalar.properties.isAlphabetic
        default: return false
        }
    }
}

/// Tells HTML from Markdown in feed content that may hold either.
enum ContentFormatDetector {
    /// Tags that mark up paragraphs and blocks: the sign of HTML.
    private static let blockTags: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "figure",
        "img", "section", "article",
    ]

    /// `.html` when the text starts with a tag or its paragraphs are marked up with block
    /// tags; otherwise `.markdown`.
    static func detect(_ text: String) -> ContentFormat {
        let start = text.drop(while: \.isWhitespace)
        if start.hasPrefix("<"), !start.hasPrefix("<http"), !start.hasPrefix("<!--") { return .html }
        let counts = countBlockTagsAndBlankLines(Array(text.utf8))
        return counts.tags > 0 && counts.tags >= counts.blankLines ? .html : .markdown
    }

    /// Whether plain text (JSON Feed `content_text`) is in fact Markdown: fenced code, headings,
    /// links, emphasis or lists on at least two lines, or any fence or link.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        if text.containsBytes("```") || text.containsBytes("~~~") || text.firstMatch(of: /\[[^\]\n]+\]\([^)\s]+\)/) != nil {
            return true
        }
        let markers = text.split(separator: "\n").filter { line in
            line.firstMatch(of: /^(#{1,6} \S|[-*+] \S|\d+\. \S|> \S)/) != nil
                || line.firstMatch(of: /(\*\*|__)\S.*?\S(\*\*|__)/) != nil
        }
        return markers.count >= 2
    }

    /// Block tags (`<p …>`, `</div>`: a name of `blockTags`, case-insensitive, ending the word,
    /// then anything up to `>`) and, separately, blank lines between paragraphs (`\n`, spaces
    /// or tabs, `\n`), each counted without overlap. Scans of the bytes: regular expressions
    /// took a sixth of a build's time here.
    private static func countBlockTagsAndBlankLines(_ bytes: [UInt8]) -> (tags: Int, blankLines: Int) {
        (count(in: bytes, from: UInt8(ascii: "<"), matchEnd: blockTagEnd),
         count(in: bytes, from: UInt8(ascii: "\n"), matchEnd: blankLineEnd))
    }

    /// How many non-overlapping matches start at a `start` byte; `matchEnd` gives the index
    /// after a match at an index, or `nil`.
    private static func count(in bytes: [UInt8], from start: UInt8, matchEnd: ([UInt8], Int) -> Int?) -> Int {
        var matches = 0
        var index = 0
        while let next = bytes[index...].firstIndex(of: start) {
            if let end = matchEnd(bytes, next) {
                matches += 1
                index = end
            } else {
                index = next + 1
            }
        }
        return matches
    }

    private static func blockTagEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        let isWordByte = { (byte: UInt8) in
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
        var end = index + 1
        if end < bytes.count, bytes[end] == UInt8(ascii: "/") { end += 1 }
        let nameStart = end
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard blockTags.contains(String(decoding: bytes[nameStart..<end], as: UTF8.self).lowercased()) else { return nil }
        return bytes[end...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
    }

    private static func blankLineEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        var end = index + 1
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return end < bytes.count && bytes[end] == UInt8(ascii: "\n") ? end + 1 : nil
    }
}

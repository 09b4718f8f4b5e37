/// What Kobo's own reading engine needs of a KEPUB (`-o book.kepub.epub`) to count pages, time
/// left and highlights as in the books it sells: each sentence of each paragraph in a
/// `<span class="koboSpan" id="kobo.P.S">` (P numbers the paragraph in its page, S the
/// sentence), and the page's body wrapped in `book-columns` and `book-inner` divisions.
///
/// It works on a finished page (bookify's own well-formed XHTML, post and template parts
/// alike): tags are copied as they are, and text inside a paragraph, outside code, is cut
/// into sentences.
enum KoboSpans {
    /// The blocks Kobo numbers as paragraphs.
    private static let paragraphs: Set<Substring> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th",
                                                     "figcaption", "caption", "blockquote"]
    /// Elements whose text is left alone: code keeps its lines, the head is no text.
    private static let verbatim: Set<Substring> = ["pre", "head", "script", "style", "svg", "math"]

    static func apply(to xhtml: String) -> String {
        var output = ""
        output.reserveCapacity(xhtml.utf8.count * 3 / 2)
        var open: [Substring] = []
        var (paragraph, sentence) = (0, 0)
        var rest = Substring(xhtml)
        while let tagStart = rest.firstIndex(of: "<") {
            let text = rest[..<tagStart]
            let spans = open.contains(where: paragraphs.contains) && !open.contains(where: verbatim.contains)
            if spans, text.contains(where: { !$0.isWhitespace }) {
                for piece in sentences(in: text) {
                    sentence += 1
                    output += "<span class=\"koboSpan\" id=\"kobo.\(paragraph).\(sentence)\">\(piece)</span>"
                }
            } else {
                output += text
            }
            guard let tagEnd = rest[tagStart...].firstIndex(of: ">") else { output += rest[tagStart...]; return output }
            let tag = rest[tagStart...tagEnd]
            let name = tag.dropFirst(tag.hasPrefix("</") ? 2 : 1).prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            output += tag
            if tag.hasPrefix("</") {
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
                if name == "body" { output.insert(contentsOf: "</div></div>", at: output.index(output.endIndex, offsetBy: -tag.count)) }
            } else if !tag.hasPrefix("<!"), !tag.hasPrefix("<?"), !tag.hasSuffix("/>") {
                open.append(name)
                if paragraphs.contains(name) { (paragraph, sentence) = (paragraph + 1, 0) }
                if name == "body" { output += "<div id=\"book-columns\"><div id=\"book-inner\">" }
            }
            rest = rest[rest.index(after: tagEnd)...]
        }
        output += rest
        return output
    }

    /// `text` cut after each sentence's closing punctuation and the spaces after it (the
    /// pieces, joined, are the text again).
    static func sentences(in text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var ended = false
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
        for index in text.indices {
            let character = text[index]
            if ended, !character.isWhitespace, !closers.contains(character) {
                pieces.append(text[start..<index])
                start = index
                ended = false
            }
            if ".!?…".contains(character) {
                ended = true
            } else if !character.isWhitespace, !closers.contains(character) {
                ended = false
            }
        }
        pieces.append(text[start...])
        return pieces
    }
}

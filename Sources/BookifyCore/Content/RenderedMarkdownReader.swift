/// Reads back the HTML cmark-gfm writes for Markdown that holds no raw HTML, into the tree
/// libxml2 would make of it, without libxml2: that HTML is regular (a known set of tags, each
/// closed, attributes quoted, four named entities and numeric ones), and parsing it with
/// libxml2 took a sixth of a post's conversion. Anything this reader was not written for
/// (another tag or entity, a tag libxml2 would close by itself, nesting deeper than
/// `maximumDepth`) makes it give up with `nil`, and the post goes through `HTMLParser` as any
/// other HTML does. A test compares the two on every example of the GFM spec and the corpus.
enum RenderedMarkdownReader {
    /// Deeper than this, libxml2's copy flattens elements (`HTMLParser.maximumDepth`): such
    /// posts are left to it.
    static let maximumDepth = 100

    /// The tags cmark-gfm writes (blocks, inlines, and its table, strikethrough, task list and
    /// footnote extensions); `void` ones have no end tag.
    private static let containers: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "del", "a",
        "table", "thead", "tbody", "tr", "th", "td", "sup", "section",
    ]
    private static let void: Set<String> = ["br", "hr", "img", "input"]

    /// The nodes of `html`, as `HTMLParser.parseFragment` would give them, or nil.
    static func read(_ html: String) -> [HTMLNode]? {
        var html = html
        return html.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.read()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The open elements, the outermost first, below a root that holds the fragment.
        var open: [HTMLElement] = [HTMLElement("")]
        var text: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func read() -> [HTMLNode]? {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    flushText()
                    guard readTag() else { return nil }
                case UInt8(ascii: "&"):
                    guard let scalar = readReference() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                // libxml2 would see a carriage return or a NUL its own way; cmark writes neither.
                case 0x0D, 0x00:
                    return nil
                case let byte:
                    text.append(byte)
                    index += 1
                }
            }
            flushText()
            return open.count == 1 ? open[0].children : nil
        }

        private mutating func flushText() {
            guard !text.isEmpty else { return }
            open[open.count - 1].children.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }

        /// A start or end tag at `index` (on `<`); false when it is not one cmark writes.
        private mutating func readTag() -> Bool {
            index += 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let name = readName()
            if closing {
                guard open.count > 1, open[open.count - 1].name == name, skip(">") else { return false }
                let element = open.removeLast()
                open[open.count - 1].children.append(.element(element))
                return true
            }
            // libxml2 closes an open link when another starts.
            guard Reader.knows(name), name != "a" || !open.contains(where: { $0.name == "a" }),
                  let element = readAttributes(of: name) else { return false }
            if RenderedMarkdownReader.void.contains(name) {
                open[open.count - 1].children.append(.element(element))
            } else {
                guard open.count <= RenderedMarkdownReader.maximumDepth else { return false }
                open.append(element)
            }
            return true
        }

        private static func knows(_ name: String) -> Bool {
            RenderedMarkdownReader.containers.contains(name) || RenderedMarkdownReader.void.contains(name)
        }

        /// The attributes up to the tag's end (`>` or `/>`): `name="value"` or a bare name,
        /// whose value libxml2 gives as "".
        private mutating func readAttributes(of name: String) -> HTMLElement? {
            var element = HTMLElement(name)
            while true {
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                if skip(">") || skip("/>") { return element }
                let attribute = readName()
                guard !attribute.isEmpty, !element.attributes.contains(where: { $0.name == attribute }) else { return nil }
                var value = ""
                if skip("=\"") {
                    var valueBytes: [UInt8] = []
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        if bytes[index] == UInt8(ascii: "&") {
                            guard let scalar = readReference() else { return nil }
                            valueBytes.append(contentsOf: String(Character(scalar)).utf8)
                        } else {
                            valueBytes.append(bytes[index])
                            index += 1
                        }
                    }
                    guard skip("\"") else { return nil }
                    value = String(decoding: valueBytes, as: UTF8.self)
                }
                element.attributes.append((attribute, value))
            }
        }

        /// Lower-case letters, digits and hyphens: cmark's tag and attribute names.
        private mutating func readName() -> String {
            let start = index
            while index < bytes.count, (0x61...0x7A).contains(bytes[index]) || (0x30...0x39).contains(bytes[index])
                || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// The character an entity or character reference at `index` (on `&`) stands for.
        private mutating func readReference() -> Unicode.Scalar? {
            for (name, scalar) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\"")] as [(StaticString, Unicode.Scalar)] {
                if skip(name) { return scalar }
            }
            guard skip("&#") else { return nil }
            let hexadecimal = skip("x") || skip("X")
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ";"), index - start < 8 { index += 1 }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard skip(";"), let value = UInt32(digits, radix: hexadecimal ? 16 : 10), value != 0 else { return nil }
            return Unicode.Scalar(value)
        }

        /// Steps over `literal` when it comes next.
        private mutating func skip(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
            index += count
            return true
        }
    }
}

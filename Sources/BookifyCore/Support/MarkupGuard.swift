/// Caps what makes libxml2 slow before it sees it: both its parsers check each attribute of a
/// tag against all the others, so one tag with 100,000 attributes takes tens of seconds.
enum MarkupGuard {
    /// No real tag comes near this; libxml2 takes a tag this long in microseconds.
    static let maximumAttributes = 256

    /// `bytes` with every start tag cut after its first `maximumAttributes` attributes. What
    /// is cut leaves its line breaks behind, so later lines keep their numbers in messages.
    /// One pass, linear in the input; input without such a tag comes back unchanged.
    static func cappingAttributes(_ bytes: [UInt8], limit: Int = maximumAttributes) -> [UInt8] {
        var result: [UInt8] = []
        var copied = 0  // bytes before this offset are in `result` (once anything was cut)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            let tag = scanTag(bytes, from: index, limit: limit)
            if let cut = tag.cut {
                result += bytes[copied..<cut]
                result += bytes[cut..<tag.end].filter { $0 == UInt8(ascii: "\n") }
                if bytes[tag.end - 1] == UInt8(ascii: "/") { result.append(UInt8(ascii: "/")) }
                copied = tag.end
            }
            index = tag.end
        }
        guard copied > 0 else { return bytes }
        return result + bytes[copied...]
    }

    /// The tag starting at `start`: where it ends (its `>`, or the end of the input) and,
    /// when it has more than `limit` attributes, where the first attribute too many begins.
    private static func scanTag(_ bytes: [UInt8], from start: Int, limit: Int) -> (end: Int, cut: Int?) {
        var attributes = 0
        var cut: Int?
        var quote: UInt8?
        var previous = UInt8(ascii: "<")
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: ">") {
                return (index, cut)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if isSpace(previous), !isSpace(byte), byte != UInt8(ascii: "="), byte != UInt8(ascii: "/") {
                attributes += 1
                if attributes > limit, cut == nil { cut = index }
            }
            previous = byte
            index += 1
        }
        return (bytes.count, nil)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

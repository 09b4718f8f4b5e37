/// Escaping for XML text and attribute values.
enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 forbids (C0 controls other than
    /// tab, newline and carriage return; U+FFFE and U+FFFF).
    static func escape(_ text: String, quotes: Bool = false) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            // Most text needs nothing: handed back as it is, not copied.
            guard bytes.contains(where: { needsWork($0, quotes: quotes) }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, quotes: quotes, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// `text` escaped (as `escape` does) onto the end of UTF-8 `output`.
    static func appendEscaped(_ text: String, quotes: Bool = false, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, quotes: quotes, to: &output) }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool, to output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            // The run up to the next byte that needs work is copied at once.
            let runStart = index
            while index < bytes.count, !needsWork(bytes[index], quotes: quotes) { index += 1 }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            guard index < bytes.count else { return }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2  // U+FFFE, U+FFFF
            case 0xEF: output.append(byte)
            default: break  // a control character XML forbids
            }
            index += 1
        }
    }

    /// Whether a byte of UTF-8 text may need escaping or dropping (0xEF starts U+FFFE/U+FFFF).
    private static func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x7F, 0xEF: return true
        case UInt8(ascii: "\""): return quotes
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20
        }
    }

    /// `text` without the characters no book may hold (see `isAllowed`).
    static func withoutForbiddenCharacters(_ text: String) -> String {
        // By bytes first: a control character is one byte, U+FFFE and U+FFFF start with 0xEF.
        // Over the contiguous bytes a native string has: several times faster than `utf8`.
        let suspect = { (byte: UInt8) in (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xEF }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: suspect) }) ?? text.utf8.contains(where: suspect),
              !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(cleaned)
    }

    /// Control characters other than tab and line breaks, DEL, U+FFFE and U+FFFF: XML 1.0
    /// forbids most of them, and none is text a reader should get.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return true
        case "\u{0}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": return false
        default: return true
        }
    }
}

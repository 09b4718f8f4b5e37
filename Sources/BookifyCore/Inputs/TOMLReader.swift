/// The lexical half of `TOMLDocument`: reads keys, values and the lines around them from the
/// bytes of a TOML document, with the line and column of whatever is wrong.
struct TOMLReader {
    typealias SyntaxError = TOMLDocument.SyntaxError

    private let bytes: [UInt8]
    private(set) var index = 0
    private var depth = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index >= bytes.count }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }
    private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    private func has(_ text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

    // MARK: Lines

    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            if current == UInt8(ascii: "#") { skipComment() }
            guard consumeNewline() else { return }
        }
    }

    /// After a key/value or a header: spaces, a comment, then the line's end.
    mutating func expectEndOfLine() throws(SyntaxError) {
        skipSpaces()
        if current == UInt8(ascii: "#") { skipComment() }
        guard atEnd || consumeNewline() else { throw unexpected("the end of the line") }
    }

    var startsTableHeader: Bool { current == UInt8(ascii: "[") }

    /// `[a.b]` or `[[a.b]]`.
    mutating func tableHeader() throws(SyntaxError) -> (key: [String], isArrayOfTables: Bool) {
        let isArray = has("[[")
        index += isArray ? 2 : 1
        skipSpaces()
        let key = try self.key()
        skipSpaces()
        guard has(isArray ? "]]" : "]") else { throw unexpected(isArray ? "]] to close the header" : "] to close the header") }
        index += isArray ? 2 : 1
        return (key, isArray)
    }

    mutating func keyValue() throws(SyntaxError) -> (key: [String], value: JSONValue) {
        let key = try self.key()
        skipSpaces()
        guard current == UInt8(ascii: "=") else { throw unexpected("= after the key \(key.joined(separator: "."))") }
        index += 1
        skipSpaces()
        return (key, try value())
    }

    // MARK: Keys

    /// A dotted key: bare (`a-b_1`) or quoted parts, with spaces allowed around the dots.
    private mutating func key() throws(SyntaxError) -> [String] {
        var parts: [String] = []
        repeat {
            skipSpaces()
            parts.append(try keyPart())
            guard parts.count <= TOMLDocument.maximumNesting else {
                throw error("a key with more than \(TOMLDocument.maximumNesting) parts")
            }
            skipSpaces()
        } while consume(UInt8(ascii: "."))
        return parts
    }

    private mutating func keyPart() throws(SyntaxError) -> String {
        switch current {
        case UInt8(ascii: "\""): return try basicString()
        case UInt8(ascii: "'"): return try literalString()
        default:
            let start = index
            while let byte = current, Self.isBareKeyByte(byte) { index += 1 }
            guard index > start else { throw unexpected("a key") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    // MARK: Values

    private mutating func value() throws(SyntaxError) -> JSONValue {
        switch current {
        case UInt8(ascii: "\""): return .string(has("\"\"\"") ? try multilineString(literal: false) : try basicString())
        case UInt8(ascii: "'"): return .string(has("'''") ? try multilineString(literal: true) : try literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"): throw unexpected("a value")
        default: return try bareValue()
        }
    }

    /// `true`, `false`, a number, a date or a time: a run of value characters (a date may go on
    /// after one space with its time).
    private mutating func bareValue() throws(SyntaxError) -> JSONValue {
        let start = index
        while let byte = current, Self.isBareValueByte(byte) { index += 1 }
        if index - start == 10, current == UInt8(ascii: " "), let next = peek(1), Self.isDigit(next) {
            index += 1
            while let byte = current, Self.isBareValueByte(byte) { index += 1 }
        }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = TOMLScalar.value(of: token) else {
            throw error(token.isEmpty ? "unexpected \(describe(current)), expected a value" : "\(token) is not a TOML value", at: start)
        }
        return value
    }

    private static func isBareValueByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `[1, 2, "three",]`: values of any kind, over several lines, with comments between them.
    private mutating func array() throws(SyntaxError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        while true {
            skipBlankLinesAndComments()
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            elements.append(try value())
            skipBlankLinesAndComments()
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            guard consume(UInt8(ascii: ",")) else { throw unexpected(", or ] in the array") }
        }
    }

    /// `{ a = 1, b.c = 2 }` on one line: keys follow the rules of a table's.
    private mutating func inlineTable() throws(SyntaxError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        let start = index
        index += 1
        var table = TOMLTableTree()
        skipSpaces()
        if consume(UInt8(ascii: "}")) { return .object(table.json) }
        while true {
            let entryStart = index
            let (key, value) = try keyValue()
            do {
                try table.insert(value, at: key, in: [])
            } catch {
                throw self.error(error.message, at: entryStart)
            }
            skipSpaces()
            if consume(UInt8(ascii: "}")) { return .object(table.json) }
            guard consume(UInt8(ascii: ",")) else { throw unexpected(", or } in the inline table") }
            skipSpaces()
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") {
                throw error("an inline table must end on the line it starts", at: start)
            }
        }
    }

    private mutating func enterContainer() throws(SyntaxError) {
        depth += 1
        if depth > TOMLDocument.maximumNesting { throw error("nested deeper than \(TOMLDocument.maximumNesting) levels") }
    }

    // MARK: Strings

    /// `"…"` with escapes, on one line.
    private mutating func basicString() throws(SyntaxError) -> String {
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else { throw error("a string that is not closed on its line") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"): text += try escape()
            default:
                guard !Self.isControl(byte) else { throw error("a control character in a string", at: index - 1) }
                text.append(byte)
            }
        }
    }

    /// `'…'`, as written, on one line.
    private mutating func literalString() throws(SyntaxError) -> String {
        index += 1
        let start = index
        while let byte = current, byte != UInt8(ascii: "'") {
            guard byte != UInt8(ascii: "\n") else { throw error("a string that is not closed on its line") }
            guard !Self.isControl(byte) else { throw error("a control character in a string") }
            index += 1
        }
        guard !atEnd else { throw error("a string that is not closed on its line") }
        index += 1
        return String(decoding: bytes[start..<index - 1], as: UTF8.self)
    }

    /// `"""…"""` (escapes; `\` at a line's end joins lines) or `'''…'''` (as written). A newline
    /// right after the opening quotes is not part of the string; up to two quotes may end it.
    private mutating func multilineString(literal: Bool) throws(SyntaxError) -> String {
        let quote = literal ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        let start = index
        index += 3
        _ = consumeNewline()
        var text: [UInt8] = []
        while let byte = current {
            if byte == quote, peek(1) == quote, peek(2) == quote {
                var extra = 0
                while extra < 2, peek(3 + extra) == quote { extra += 1 }
                text += Array(repeating: quote, count: extra)
                index += 3 + extra
                return String(decoding: text, as: UTF8.self)
            }
            index += 1
            if !literal && byte == UInt8(ascii: "\\") {
                if lineEndingBackslash() { continue }
                text += try escape()
            } else {
                guard !Self.isControl(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                    throw error("a control character in a string", at: index - 1)
                }
                text.append(byte)
            }
        }
        throw error("a multi-line string that is never closed", at: start)
    }

    /// After a `\` that ends its line (spaces may follow): skips the spaces and newlines after it.
    private mutating func lineEndingBackslash() -> Bool {
        var look = index
        while look < bytes.count, bytes[look] == UInt8(ascii: " ") || bytes[look] == UInt8(ascii: "\t") { look += 1 }
        guard look < bytes.count, bytes[look] == UInt8(ascii: "\n") || bytes[look] == UInt8(ascii: "\r") else { return false }
        index = look
        while let byte = current, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(byte) { index += 1 }
        return true
    }

    /// The bytes an escape after `\` stands for.
    private mutating func escape() throws(SyntaxError) -> [UInt8] {
        guard let byte = current else { throw error("a string that is not closed") }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "e"): return [0x1B]
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return [byte]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            let digits = String(decoding: bytes[index..<min(bytes.count, index + count)], as: UTF8.self)
            guard digits.count == count, digits.allSatisfy(\.isHexDigit), let code = UInt32(digits, radix: 16),
                  let scalar = Unicode.Scalar(code) else { throw error("\\\(Character(Unicode.Scalar(byte))) needs \(count) hex digits of a Unicode scalar") }
            index += count
            return Array(String(Character(scalar)).utf8)
        default: throw error("an unknown escape \\\(describe(byte))", at: index - 2)
        }
    }

    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    // MARK: Spaces, comments, newlines

    private mutating func skipSpaces() {
        while current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") { index += 1 }
    }

    private mutating func skipComment() {
        while let byte = current, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { index += 1 }
    }

    private mutating func consumeNewline() -> Bool {
        if has("\r\n") { index += 2; return true }
        return consume(UInt8(ascii: "\n"))
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    // MARK: Errors

    private func unexpected(_ expected: String) -> SyntaxError {
        error("unexpected \(describe(current)), expected \(expected)")
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of the front matter" }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "end of the line" }
        if byte < 0x20 || byte >= 0x7F { return "byte 0x\(String(byte, radix: 16, uppercase: true))" }
        return "'\(Character(Unicode.Scalar(byte)))'"
    }

    func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        let offset = min(offset ?? index, bytes.count)
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
        let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1  // characters, not bytes
        return SyntaxError(line: line, column: column, message: message)
    }
}

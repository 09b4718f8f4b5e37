import Foundation

/// Reads the part of TOML that Hugo front matter and site configs use: `key = value` with
/// strings, numbers, booleans, dates and arrays of them, and `[table]` headers (keys inside a
/// table are read as `table.key`). Values are `JSONValue`s so front matter of every syntax is
/// handled alike.
enum TOMLSubset {
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// Arrays nested deeper are refused: front matter needs two levels at most, and each level
    /// is read again by the one above.
    static let maximumNesting = 32

    static func parse(_ text: String) throws(SyntaxError) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        var table = ""
        let lines = text.components(separatedBy: "\n")
        var index = -1
        while index + 1 < lines.count {
            index += 1
            var line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            // An array may continue over several lines until its brackets balance.
            let start = index
            var (depth, deepest) = bracketDepth(line)
            let isAssignment = line.contains("=")
            while isAssignment, depth > 0, index + 1 < lines.count {
                index += 1
                let continuation = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                let (change, inner) = bracketDepth(continuation)
                (depth, deepest) = (depth + change, max(deepest, depth + inner))
                line += " " + continuation
            }
            if deepest > maximumNesting {
                throw SyntaxError(line: start + 1, message: "arrays nested deeper than \(maximumNesting) levels")
            }
            if line.hasPrefix("[") {
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(of: "\"", with: "")
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw SyntaxError(line: index + 1, message: "expected 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let value = value(valueText) else {
                throw SyntaxError(line: index + 1, message: "cannot read the value of '\(key)'")
            }
            result[table.isEmpty ? key : table + "." + key] = value
        }
        return result
    }

    private static func value(_ text: String) -> JSONValue? {
        if text.hasPrefix("\"\"\"") || text.hasPrefix("'''") { return .string(String(text.dropFirst(3).dropLast(3))) }
        if text.hasPrefix("\"") { return unquoted(text, quote: "\"").map(JSONValue.string) }
        if text.hasPrefix("'") { return unquoted(text, quote: "'").map(JSONValue.string) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { return nil }
            return .array(splitArray(String(text.dropFirst().dropLast())).filter { !$0.isEmpty }.compactMap(value))
        }
        if text.hasPrefix("{") { return .object([:]) }  // inline tables: not needed for posts
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let number = Double(text.replacingOccurrences(of: "_", with: "")) { return .number(number) }
        if FeedDate.parseISO8601(text) != nil { return .string(text) }
        return nil
    }

    private static func unquoted(_ text: String, quote: Character) -> String? {
        guard text.count >= 2, text.last == quote else { return nil }
        let inner = String(text.dropFirst().dropLast())
        guard quote == "\"" else { return inner }
        return inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// How many `[` are still open after `line`, outside quotes, and the most open at once.
    private static func bracketDepth(_ line: String) -> (open: Int, deepest: Int) {
        var depth = 0
        var deepest = 0
        forEachOutsideQuotes(line) { _, character in
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            deepest = max(deepest, depth)
            return true
        }
        return (depth, deepest)
    }

    /// Array elements split at top-level commas (not inside quotes or nested brackets).
    private static func splitArray(_ text: String) -> [String] {
        var depth = 0
        var cuts: [Int] = []
        forEachOutsideQuotes(text) { offset, character in
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            if character == ",", depth == 0 { cuts.append(offset) }
            return true
        }
        let characters = Array(text)
        var parts: [String] = []
        var start = 0
        for cut in cuts + [characters.count] {
            let part = String(characters[start..<cut]).trimmingCharacters(in: .whitespacesAndNewlines)
            if !part.isEmpty { parts.append(part) }
            start = cut + 1
        }
        return parts
    }

    /// The line without a `#` comment outside quotes.
    private static func stripComment(_ line: String) -> String {
        var end = line.count
        forEachOutsideQuotes(line) { offset, character in
            if character == "#" { end = offset; return false }
            return true
        }
        return String(line.prefix(end))
    }

    /// Calls `visit` with each character outside quoted strings and its offset, until it
    /// returns false.
    private static func forEachOutsideQuotes(_ text: String, _ visit: (Int, Character) -> Bool) {
        var quote: Character?
        for (offset, character) in text.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if !visit(offset, character) {
                return
            }
        }
    }
}

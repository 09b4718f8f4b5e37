import Foundation
import Yams

/// The metadata block at the top of a Markdown post: YAML (`---`), TOML (`+++`) or JSON (`{`).
struct FrontMatter {
    var fields: [String: JSONValue]
    var body: String

    /// Splits `text` into front matter and body; a file without front matter has none.
    static func split(_ text: String, path: String) throws(BookifyError) -> FrontMatter {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for fence in ["---", "+++"] where normalized.hasPrefix(fence + "\n") {
            let rest = normalized.dropFirst(fence.count + 1)
            guard let end = rest.range(of: "\n" + fence + "\n") ?? rest.range(of: "\n" + fence, options: .anchored)
                    ?? (rest.hasSuffix("\n" + fence) ? rest.range(of: "\n" + fence, options: .backwards) : nil) else {
                throw .invalidInput(path: path, location: SourceLocation(line: 1, column: 1),
                                    reason: "the front matter opened with \(fence) is never closed")
            }
            let header = String(rest[..<end.lowerBound])
            let body = String(rest[end.upperBound...])
            let fields = fence == "---" ? try yaml(header, path: path) : try toml(header, path: path)
            return FrontMatter(fields: fields, body: body)
        }
        if normalized.hasPrefix("{"), let end = jsonEnd(normalized) {
            let header = Array(normalized.utf8.prefix(end))
            do {
                let value = try JSONParser.parse(header)
                return FrontMatter(fields: value.objectValue, body: String(decoding: normalized.utf8.dropFirst(end), as: UTF8.self))
            } catch {
                throw .invalidInput(path: path, location: error.location, reason: "invalid JSON front matter: \(error.message)")
            }
        }
        return FrontMatter(fields: [:], body: normalized)
    }

    private static func yaml(_ text: String, path: String) throws(BookifyError) -> [String: JSONValue] {
        // The YAML starts on the line after the opening `---`.
        guard let node = try YAMLDocument.compose(text, path: path, firstLine: 2, what: "YAML front matter") else { return [:] }
        return jsonValue(node).objectValue
    }

    private static func toml(_ text: String, path: String) throws(BookifyError) -> [String: JSONValue] {
        do {
            return try TOMLDocument.parse(text)
        } catch {
            // The TOML starts on the line after the opening `+++`.
            throw .invalidInput(path: path, location: SourceLocation(line: error.line + 1, column: error.column),
                                reason: "invalid TOML front matter: \(error.message)")
        }
    }

    /// YAML nodes as JSON values: scalars keep YAML's types (numbers, booleans), dates as text.
    static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let bool = node.bool { return .bool(bool) }
                if let number = node.float, !scalar.string.contains("-") || scalar.string.hasPrefix("-") { return .number(number) }
                if scalar.string == "~" || scalar.string == "null" { return .null }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.map(jsonValue))
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = jsonValue(value) }
            return .object(object)
        case .alias:
            return .null
        }
    }

    /// The end of a leading JSON object (Hugo's JSON front matter), by brace depth.
    private static func jsonEnd(_ text: String) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in text.utf8.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return offset + 1 }
            default: break
            }
        }
        return nil
    }
}

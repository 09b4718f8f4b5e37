import TOMLKit

/// TOML (Hugo front matter and `hugo.toml`) read with TOMLKit (toml++), as the JSON values
/// that front matter of every syntax becomes: tables are objects, as YAML mappings are; dates
/// and times stay text, as they are written, for `FeedDate` to read.
enum TOMLDocument {
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> [String: JSONValue] {
        do {
            return object(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw SyntaxError(line: 1, column: 1, message: "\(error)")
        }
    }

    private static func object(_ table: TOMLTable) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for (key, value) in table { object[key] = json(value) }
        return object
    }

    private static func json(_ value: any TOMLValueConvertible) -> JSONValue {
        switch value.type {
        case .string: .string(value.string ?? "")
        case .int: .number(Double(value.int ?? 0))
        case .double: .number(value.double ?? 0)
        case .bool: .bool(value.bool ?? false)
        case .date, .time, .dateTime: .string(value.debugDescription)
        case .array: .array(value.array.map { $0.map(json) } ?? [])
        case .table: .object(value.table.map(object) ?? [:])
        }
    }
}

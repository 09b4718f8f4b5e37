import Foundation

/// A JSON value kept as it was read, for feed extensions (`_series`, `_geo`, …) that later
/// stages may interpret.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The value as a string when it is one (numbers and booleans are written out).
    public var stringValue: String? {
        switch self {
        case .string(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The value as a number when it is one or a string holding one, and finite: feeds write
    /// `1e999` and `"nan"`, which no later stage could use.
    public var numberValue: Double? {
        let number: Double?
        switch self {
        case .number(let value): number = value
        case .string(let text): number = Double(text.trimmingCharacters(in: .whitespaces))
        default: number = nil
        }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The value as a whole number, when it is a number within the range of `Int` (rounded
    /// toward zero); nil for anything else, never a trap.
    public var integerValue: Int? {
        guard let number = numberValue, abs(number) < 9.0e18 else { return nil }
        return Int(number)
    }

    /// The members of an object, or an empty dictionary.
    public var objectValue: [String: JSONValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// The elements of an array; a single non-null value counts as an array of one.
    public var arrayValue: [JSONValue] {
        switch self {
        case .array(let elements): return elements
        case .null: return []
        default: return [self]
        }
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}


extension JSONValue {
    /// Encodes the value as the JSON it came from.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }
}

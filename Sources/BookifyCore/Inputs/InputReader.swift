import Foundation

/// Reads a blog from an input as the user named it: a file path or `-` for standard input.
/// The kind of input is told from its content, not its name.
public struct InputReader: Sendable {
    public init() {}

    public func read(_ input: String) throws(BookifyError) -> Blog {
        let bytes = try load(input)
        let source = input == "-" ? "standard input" : input
        switch InputKind.detect(bytes) {
        case .jsonFeed:
            return try JSONFeedReader().read(bytes, source: source)
        case .xml:
            throw .invalidInput(path: source, location: nil, reason: "RSS and Atom feeds are not supported yet")
        case .unknown:
            throw .invalidInput(path: source, location: nil,
                                reason: "not a feed bookify can read (expected a JSON Feed)")
        }
    }

    private func load(_ input: String) throws(BookifyError) -> [UInt8] {
        if input == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw .inputNotFound(path: input)
        }
        if isDirectory.boolValue {
            throw .invalidInput(path: input, location: nil, reason: "folders of Markdown posts are not supported yet")
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw .inputNotReadable(path: input, reason: "permission denied or not a regular file")
        }
        return Array(data)
    }
}

/// What an input's bytes look like.
enum InputKind {
    case jsonFeed
    case xml
    case unknown

    static func detect(_ bytes: [UInt8]) -> InputKind {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .unknown }
        switch bytes[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .jsonFeed
        case UInt8(ascii: "<"): return .xml
        default: return .unknown
        }
    }
}

import Yams

/// Reads YAML (front matter, `bookify.yml`) with Yams, guarded against what strangers write,
/// and turns its errors into one line with a location. The guards come first because Yams
/// composes recursively (deep nesting would exhaust the stack), hashes mapping keys in full
/// (an alias as a key would be expanded), and resolves aliases by sharing, so a few hundred
/// bytes of nested aliases stand for billions of values that any reader of the tree walks.
enum YAMLDocument {
    /// Nesting deeper than this (flow brackets, indentation, `- - -`) is refused; metadata
    /// needs a handful of levels.
    static let maximumNesting = 100
    /// More values than this, counting each use of an alias in full, is refused.
    static let maximumValues = 100_000

    /// The root node of `text`, `nil` for an empty document. Line numbers in errors count from
    /// the file's first line, `firstLine` being the line `text` starts at.
    static func compose(_ text: String, path: String, firstLine: Int = 1, what: String) throws(BookifyError) -> Node? {
        func failure(_ line: Int?, _ column: Int?, _ problem: String) -> BookifyError {
            let location = line.map { SourceLocation(line: $0 + firstLine - 1, column: max(1, column ?? 1)) }
            return .invalidInput(path: path, location: location, reason: "invalid \(what): \(problem)")
        }
        if let (line, problem) = shapeProblem(text) { throw failure(line, 1, problem) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            throw failure(mark?.line, mark?.column, problem)
        } catch {
            throw failure(nil, nil, oneLine("\(error)"))
        }
        if let root, !hasAtMost(maximumValues, valuesIn: root) {
            throw failure(nil, nil, "its aliases expand to more than \(maximumValues) values")
        }
        return root
    }

    /// The first line (1-based) whose nesting is too deep or that uses an alias as a key.
    private static func shapeProblem(_ text: String) -> (line: Int, problem: String)? {
        var flowDepth = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indentation)
            var dashes = 0
            while rest.hasPrefix("- ") || rest.hasPrefix("? ") {
                dashes += 1
                rest = rest.dropFirst(2).drop { $0 == " " }
            }
            var deepest = flowDepth
            var quote: Character?
            var previous: Character = " "
            for character in rest {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "#", previous == " " {
                    break  // a comment
                } else if character == "\"" || character == "'", " [{,:".contains(previous) {
                    quote = character
                } else if character == "[" || character == "{" {
                    flowDepth += 1
                    deepest = max(deepest, flowDepth)
                } else if character == "]" || character == "}" {
                    flowDepth = max(0, flowDepth - 1)
                }
                previous = character
            }
            if indentation + dashes + deepest > maximumNesting {
                return (offset + 1, "nested deeper than \(maximumNesting) levels")
            }
            if line.contains(/(^|[\s,{\[?])\*[^\s,\[\]{}]+\s+:(\s|$)/) {
                return (offset + 1, "an alias (*name) is used as a key")
            }
        }
        return nil
    }

    /// Whether the tree, with every alias counted in full, has at most `limit` values. Walks
    /// at most `limit` nodes, without recursion.
    private static func hasAtMost(_ limit: Int, valuesIn root: Node) -> Bool {
        var pending = [root]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > limit { return false }
            switch node {
            case .sequence(let sequence): pending += Array(sequence)
            case .mapping(let mapping): for (key, value) in mapping { pending += [key, value] }
            case .scalar, .alias: break
            }
        }
        return true
    }

    /// Where an error is (line and column, 1-based) and what it is, in one line.
    private static func describe(_ error: YamlError) -> (mark: Mark?, problem: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
        case .reader(let problem, _, _, _):
            return (nil, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark, "the key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", ")) appear\(duplicates.count == 1 ? "s" : "") twice")
        default:
            return (nil, oneLine("\(error)"))
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}

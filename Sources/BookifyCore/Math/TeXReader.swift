/// A token of TeX math.
enum TeXToken: Equatable, CustomStringConvertible {
    case command(String)  // `\frac`, `\,`, `\{`
    case character(Character)
    case open, close, sub, sup, align, rowBreak, prime

    var description: String {
        switch self {
        case .command(let name): "\\" + name
        case .character(let character): String(character)
        case .open: "{"
        case .close: "}"
        case .sub: "_"
        case .sup: "^"
        case .align: "&"
        case .rowBreak: "\\\\"
        case .prime: "'"
        }
    }
}

/// The tokens of a TeX formula, read one at a time (white space skipped, `%` comments
/// dropped), with raw reads for what is not math: `\text{…}` and environment names.
struct TeXReader {
    private let characters: [Character]
    private var index = 0
    private var previous: [Int] = []

    init(_ source: String) { characters = Array(source) }

    mutating func next() -> TeXToken? {
        skipSpace()
        guard index < characters.count else { return nil }
        previous.append(index)
        let character = characters[index]
        index += 1
        switch character {
        case "{": return .open
        case "}": return .close
        case "_": return .sub
        case "^": return .sup
        case "&": return .align
        case "'": return .prime
        case "\\":
            guard index < characters.count else { return .character("\\") }
            let first = characters[index]
            if first == "\\" { index += 1; return .rowBreak }
            guard first.isASCII && first.isLetter else { index += 1; return .command(String(first)) }
            var name = ""
            while index < characters.count, characters[index].isASCII, characters[index].isLetter {
                name.append(characters[index])
                index += 1
            }
            if index < characters.count, characters[index] == "*", Self.starred.contains(name) { name += "*"; index += 1 }
            return .command(name)
        default: return .character(character)
        }
    }

    /// Commands whose starred form differs (`\operatorname*`); other stars are text.
    private static let starred: Set<String> = ["operatorname", "tag"]

    mutating func peek() -> TeXToken? {
        let saved = (index, previous)
        defer { (index, previous) = saved }
        return next()
    }

    mutating func skip() { _ = next() }

    /// Steps back over the last token read.
    mutating func back() {
        if let last = previous.popLast() { index = last }
    }

    /// The raw text of a `{…}` group (braces inside balanced), for `\text` and names; a single
    /// character when there is no brace.
    mutating func braced() throws(TeXMathParser.Failure) -> String {
        skipSpace()
        guard index < characters.count else { throw TeXMathParser.Failure(message: "an argument is missing") }
        guard characters[index] == "{" else {
            index += 1
            return String(characters[index - 1])
        }
        var depth = 0
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "\\", index < characters.count {
                text.append(character)
                text.append(characters[index])
                index += 1
                continue
            }
            if character == "{" { depth += 1; if depth == 1 { continue } }
            if character == "}" { depth -= 1; if depth == 0 { return text } }
            text.append(character)
        }
        throw TeXMathParser.Failure(message: "a { that is never closed")
    }

    /// `[…]` if it comes next (an optional argument), as raw text.
    mutating func optionalBracket() -> String? {
        skipSpace()
        guard index < characters.count, characters[index] == "[" else { return nil }
        guard let end = characters[index...].firstIndex(of: "]") else { return nil }
        let text = String(characters[(index + 1)..<end])
        index = end + 1
        return text
    }

    private mutating func skipSpace() {
        while index < characters.count {
            if characters[index].isWhitespace {
                index += 1
            } else if characters[index] == "%" {
                while index < characters.count, !characters[index].isNewline { index += 1 }
            } else {
                return
            }
        }
    }
}

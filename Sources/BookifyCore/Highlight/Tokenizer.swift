import Foundation

/// Splits code into coloured tokens following a `LanguageGrammar`.
///
/// A single forward scan with no backtracking: linear in the length of the code, whatever it
/// holds. Text it does not recognise stays plain, so the code always reads as written.
///
/// It scans UTF-8 bytes: every character a grammar names is ASCII, and any byte of a non-ASCII
/// character counts as a letter (identifiers may hold them). A token never ends inside a
/// character.
struct Tokenizer {
    let grammar: LanguageGrammar
    private let text: [UInt8]
    private var position = 0
    private var tokens: [CodeToken] = []
    private var atLineStart = true
    private let lineStartPatterns: [(Regex<AnyRegexOutput>, TokenKind)]
    /// The grammar's strings, longest opening first (`"""` before `"`).
    private let stringRules: [(rule: LanguageGrammar.StringRule, open: [UInt8], close: [UInt8], escape: UInt8?)]
    private let lineComments: [[UInt8]]
    private let blockComments: [(open: [UInt8], close: [UInt8])]
    private let classes: ByteClasses

    init(grammar: LanguageGrammar, code: String) {
        self.grammar = grammar
        self.text = Array(code.utf8)
        self.stringRules = grammar.strings.sorted { $0.open.utf8.count > $1.open.utf8.count }.map { rule in
            (rule, Array(rule.open.utf8), Array(rule.close.utf8), rule.escape?.asciiValue)
        }
        self.lineComments = grammar.lineComments.map { Array($0.utf8) }
        self.blockComments = grammar.blockComments.map { (Array($0.open.utf8), Array($0.close.utf8)) }
        self.classes = ByteClasses(grammar)
        self.lineStartPatterns = grammar.lineStartRules.compactMap { rule in
            Self.compiled(rule.pattern).map { ($0, rule.kind) }
        }
    }

    /// Line-start patterns, compiled once per thread (a `Regex` may not be shared between
    /// threads): a regex is parsed when made and compiled at its first match, which cost more
    /// than colouring most code blocks, and every block made its own.
    private static func compiled(_ pattern: String) -> Regex<AnyRegexOutput>? {
        let thread = CompiledPatterns.ofThisThread
        if let known = thread.regexes[pattern] { return known }
        guard let regex = try? Regex(pattern) else { return nil }
        thread.regexes[pattern] = regex
        return regex
    }

    /// The tokens of the whole code; their texts joined give the code back unchanged.
    static func tokenize(_ code: String, grammar: LanguageGrammar) -> [CodeToken] {
        var tokenizer = Tokenizer(grammar: grammar, code: code)
        switch grammar.mode {
        case .code: tokenizer.scanCode()
        case .markup: tokenizer.scanMarkup()
        case .stylesheet: tokenizer.scanStylesheet()
        case .diff: tokenizer.scanDiff()
        }
        return tokenizer.merged()
    }

    // MARK: Code

    private mutating func scanCode() {
        while position < text.count {
            if atLineStart, scanLineStart() { continue }
            let character = text[position]
            if character.isNewline {
                emit(nil, length: 1)
                atLineStart = true
                continue
            }
            if character.isWhitespace {
                emit(nil, while: { $0.isWhitespace && !$0.isNewline })
                continue
            }
            atLineStart = false
            if scanComment() || scanString() || scanNumber() || scanPrefixed() || scanWord() { continue }
            if classes.isOperator(character) {
                emit(.operator, while: classes.isOperator)
            } else if classes.isPunctuation(character) {
                emit(.punctuation, length: 1)
            } else {
                emit(nil, length: 1)
            }
        }
    }

    /// Preprocessor lines and the grammar's line-start patterns.
    private mutating func scanLineStart() -> Bool {
        let indentation = countWhile(from: position) { $0.isWhitespace && !$0.isNewline }
        if indentation > 0 { emit(nil, length: indentation) }
        atLineStart = false
        if grammar.preprocessorLines, position < text.count, text[position] == UInt8(ascii: "#") {
            emit(.meta, while: { !$0.isNewline })
            return true
        }
        guard !lineStartPatterns.isEmpty else { return indentation > 0 }
        let rest = String(decoding: text[position..<lineEnd(from: position)], as: UTF8.self)
        for (pattern, kind) in lineStartPatterns {
            guard let match = try? pattern.prefixMatch(in: rest) else { continue }
            let whole = rest.utf8.distance(from: rest.startIndex, to: match.range.upperBound)
            guard whole > 0 else { continue }
            if match.count > 1, let group = match[1].range {
                let before = rest.utf8.distance(from: rest.startIndex, to: group.lowerBound)
                let length = rest.utf8.distance(from: group.lowerBound, to: group.upperBound)
                if before > 0 { emit(nil, length: before) }
                emit(kind, length: length)
                if whole - before - length > 0 { emit(nil, length: whole - before - length) }
            } else {
                emit(kind, length: whole)
            }
            return true
        }
        return indentation > 0
    }

    private mutating func scanComment() -> Bool {
        for marker in lineComments where matches(marker) {
            if grammar.lineCommentNeedsSpaceBefore, position > 0, !text[position - 1].isWhitespace { continue }
            emit(.comment, while: { !$0.isNewline })
            return true
        }
        for (open, close) in blockComments where matches(open) {
            emit(.comment, length: lengthUntil(close, after: open.count))
            return true
        }
        return false
    }

    private mutating func scanString() -> Bool {
        guard let (rule, open, close, escape) = stringRules.first(where: { matches($0.open) })
        else { return false }
        var end = position + open.count
        while end < text.count {
            if let escape, text[end] == escape { end += 2; continue }
            if text[end].isNewline, !rule.multiline { break }
            if text[end...].starts(with: close) { end += close.count; break }
            end += 1
        }
        end = min(end, text.count)
        var kind = rule.kind
        if grammar.keysBeforeColon {
            let after = end + countWhile(from: end) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if after < text.count, text[after] == UInt8(ascii: ":") { kind = .property }
        }
        emit(kind, length: end - position)
        return true
    }

    private mutating func scanNumber() -> Bool {
        let character = text[position]
        let startsNumber = character.isDigit
            || (character == UInt8(ascii: ".") && position + 1 < text.count && text[position + 1].isDigit)
        guard startsNumber else { return false }
        if position > 0, isIdentifierCharacter(text[position - 1]) { return false }
        var end = position
        while end < text.count {
            let current = text[end]
            if current.isASCIILetter || current.isDigit || current == UInt8(ascii: "_") {
                end += 1
            } else if current == UInt8(ascii: "."), end + 1 < text.count, text[end + 1].isDigit {
                end += 1
            } else if current == UInt8(ascii: "+") || current == UInt8(ascii: "-"), end > position,
                      text[end - 1] | 0x20 == UInt8(ascii: "e"), !isHexadecimal(from: position) {
                end += 1
            } else {
                break
            }
        }
        emit(.number, length: end - position)
        return true
    }

    /// Whether the number at `start` is written `0x…` (its `e` is a digit, not an exponent).
    private func isHexadecimal(from start: Int) -> Bool {
        start + 1 < text.count && text[start] == UInt8(ascii: "0") && text[start + 1] | 0x20 == UInt8(ascii: "x")
    }

    /// `$variable`, `${variable}`, `@annotation`.
    private mutating func scanPrefixed() -> Bool {
        let character = text[position]
        guard position + 1 < text.count else { return false }
        let next = text[position + 1]
        if classes.isVariablePrefix(character) {
            if next == UInt8(ascii: "{") || next == UInt8(ascii: "(") {
                let close = next == UInt8(ascii: "{") ? "}" : ")"
                emit(.variable, length: min(lengthUntil(close, after: 2), lineEnd(from: position) - position))
                return true
            }
            if isIdentifierStart(next) || next.isDigit || Array("?#@!*-$".utf8).contains(next) {
                let length = isIdentifierStart(next) ? 1 + countWhile(from: position + 1, isIdentifierCharacter) : 2
                emit(.variable, length: length)
                return true
            }
        }
        if character == grammar.annotationPrefix?.asciiValue, isIdentifierStart(next) {
            emit(.meta, length: 1 + countWhile(from: position + 1) { self.isIdentifierCharacter($0) || $0 == UInt8(ascii: ".") })
            return true
        }
        return false
    }

    private mutating func scanWord() -> Bool {
        guard isIdentifierStart(text[position]) else { return false }
        let length = countWhile(from: position, isIdentifierCharacter)
        let word = String(decoding: text[position..<position + length], as: UTF8.self)
        let end = position + length
        if let suffix = grammar.macroSuffix?.asciiValue, end < text.count, text[end] == suffix,
           end + 1 >= text.count || text[end + 1] != UInt8(ascii: "=") {
            emit(grammar.builtins.contains(word) ? .builtin : .function, length: length + 1)
            return true
        }
        emit(classify(word, end: end), length: length)
        return true
    }

    private func classify(_ word: String, end: Int) -> TokenKind? {
        let key = grammar.caseInsensitiveKeywords ? word.lowercased() : word
        if grammar.keywords.contains(key) { return .keyword }
        if grammar.literals.contains(key) { return .literal }
        if grammar.types.contains(word) { return .type }
        if grammar.builtins.contains(word) { return .builtin }
        let after = end + countWhile(from: end) { $0 == UInt8(ascii: " ") }
        if after < text.count, text[after] == UInt8(ascii: "(") { return .function }
        // `Name` and `T` are types; `MAX_SIZE` is a constant.
        if grammar.capitalizedAreTypes, word.first?.isUppercase == true, word.count == 1 || word.contains(where: \.isLowercase) {
            return .type
        }
        return nil
    }

    // MARK: Markup (HTML, XML)

    private mutating func scanMarkup() {
        while position < text.count {
            if matches("<!--") {
                emit(.comment, length: lengthUntil("-->", after: 4))
            } else if matches("<![CDATA[") {
                emit(.string, length: lengthUntil("]]>", after: 9))
            } else if matches("<!") || matches("<?") {
                emit(.meta, length: lengthUntil(">", after: 2))
            } else if text[position] == UInt8(ascii: "<"), position + 1 < text.count,
                      text[position + 1].isLetter || text[position + 1] == UInt8(ascii: "/") {
                scanTag()
            } else if text[position] == UInt8(ascii: "&") {
                let length = countWhile(from: position + 1) { $0.isASCIILetter || $0.isDigit || $0 == UInt8(ascii: "#") }
                let closed = position + 1 + length < text.count && text[position + 1 + length] == UInt8(ascii: ";")
                emit(closed ? .literal : nil, length: closed ? length + 2 : 1)
            } else {
                emit(nil, while: { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") })
            }
        }
    }

    private mutating func scanTag() {
        emit(.punctuation, length: text[position + 1] == UInt8(ascii: "/") ? 2 : 1)
        emit(.tag, while: { !$0.isWhitespace && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") })
        while position < text.count, text[position] != UInt8(ascii: ">") {
            let character = text[position]
            if character.isWhitespace {
                emit(nil, while: \.isWhitespace)
            } else if character == UInt8(ascii: "\"") || character == UInt8(ascii: "'") {
                emit(.string, length: lengthUntil([character], after: 1))
            } else if character == UInt8(ascii: "=") {
                emit(.operator, length: 1)
            } else if character == UInt8(ascii: "/") {
                emit(.punctuation, length: 1)
            } else if character == UInt8(ascii: "<") {
                return  // an unclosed tag: let the markup scanner go on
            } else {
                emit(.attribute, while: { !$0.isWhitespace && !$0.isAny(of: "=>/\"'<") })
            }
        }
        if position < text.count { emit(.punctuation, length: 1) }
    }

    // MARK: Stylesheets (CSS)

    private mutating func scanStylesheet() {
        var depth = 0
        while position < text.count {
            let character = text[position]
            if matches("/*") {
                emit(.comment, length: lengthUntil("*/", after: 2))
            } else if character == UInt8(ascii: "\"") || character == UInt8(ascii: "'") {
                emit(.string, length: min(lengthUntil([character], after: 1), lineEnd(from: position) - position))
            } else if character == UInt8(ascii: "{") || character == UInt8(ascii: "}") {
                depth = max(0, depth + (character == UInt8(ascii: "{") ? 1 : -1))
                emit(.punctuation, length: 1)
            } else if character == UInt8(ascii: "@") {
                emit(.keyword, length: 1 + countWhile(from: position + 1) { $0.isLetter || $0 == UInt8(ascii: "-") })
            } else if depth > 0, scanDeclaration() {
                continue
            } else if depth == 0, !character.isWhitespace, !character.isAny(of: ",>+~:;()[]") {
                emit(.tag, while: { !$0.isWhitespace && !$0.isAny(of: ",{>+~;()") })
            } else if character.isDigit || (character == UInt8(ascii: "#") && depth > 0) {
                emit(.number, while: { $0.isLetter || $0.isDigit || $0.isAny(of: ".%#") })
            } else if character.isAny(of: ":;,()") {
                emit(.punctuation, length: 1)
            } else {
                emit(nil, length: 1)
            }
        }
    }

    /// `property:` inside a block, and function names in values.
    private mutating func scanDeclaration() -> Bool {
        let character = text[position]
        guard character.isLetter || character == UInt8(ascii: "-") else { return false }
        let length = countWhile(from: position) { $0.isLetter || $0.isDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        let after = position + length + countWhile(from: position + length) { $0 == UInt8(ascii: " ") }
        if after < text.count, text[after] == UInt8(ascii: ":") {
            emit(.property, length: length)
        } else if after < text.count, text[after] == UInt8(ascii: "(") {
            emit(.function, length: length)
        } else {
            emit(nil, length: length)
        }
        return true
    }

    // MARK: Diffs

    private mutating func scanDiff() {
        while position < text.count {
            let length = lineEnd(from: position) - position
            let line = String(decoding: text[position..<position + length], as: UTF8.self)
            let kind: TokenKind?
            if line.hasPrefix("+++") || line.hasPrefix("---") || line.hasPrefix("diff ") || line.hasPrefix("index ") {
                kind = .meta
            } else if line.hasPrefix("@@") {
                kind = .meta
            } else if line.hasPrefix("+") || line.hasPrefix(">") {
                kind = .inserted
            } else if line.hasPrefix("-") || line.hasPrefix("<") {
                kind = .deleted
            } else {
                kind = nil
            }
            emit(kind, length: length)
            if position < text.count { emit(nil, length: 1) }
        }
    }

    // MARK: Scanning helpers

    private func matches(_ literal: [UInt8]) -> Bool {
        text[position...].starts(with: literal)
    }

    private func matches(_ literal: String) -> Bool {
        text[position...].starts(with: literal.utf8)
    }

    /// The length from `position` to just after `close`, searching from `offset`; the rest of the
    /// text when it never closes.
    private func lengthUntil(_ close: String, after offset: Int) -> Int {
        lengthUntil(Array(close.utf8), after: offset)
    }

    private func lengthUntil(_ closing: [UInt8], after offset: Int) -> Int {
        var index = position + offset
        while index < text.count {
            if text[index...].starts(with: closing) { return index + closing.count - position }
            index += 1
        }
        return text.count - position
    }

    private func lineEnd(from start: Int) -> Int {
        var end = start
        while end < text.count, !text[end].isNewline { end += 1 }
        return end
    }

    private func countWhile(from start: Int, _ predicate: (UInt8) -> Bool) -> Int {
        var end = start
        while end < text.count, predicate(text[end]) { end += 1 }
        return end - start
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        byte.isLetter || byte == UInt8(ascii: "_") || (classes.isIdentifierExtra(byte) && byte != UInt8(ascii: "-"))
    }

    private func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        byte.isLetter || byte.isDigit || byte == UInt8(ascii: "_") || classes.isIdentifierExtra(byte)
    }

    /// A token of `length` bytes (at least one), ending after the whole character it ends in.
    private mutating func emit(_ kind: TokenKind?, length: Int) {
        var end = min(text.count, position + max(length, 1))
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        tokens.append(CodeToken(kind: kind, text: String(decoding: text[position..<end], as: UTF8.self)))
        position = end
    }

    private mutating func emit(_ kind: TokenKind?, while predicate: (UInt8) -> Bool) {
        emit(kind, length: countWhile(from: position, predicate))
    }

    /// Adjacent tokens of the same kind as one.
    private func merged() -> [CodeToken] {
        var result: [CodeToken] = []
        for token in tokens where !token.text.isEmpty {
            if let last = result.last, last.kind == token.kind {
                result[result.count - 1].text += token.text
            } else {
                result.append(token)
            }
        }
        return result
    }
}

/// The grammar's ASCII character sets as tables indexed by byte.
private struct ByteClasses {
    private var table = [UInt8](repeating: 0, count: 128)
    private static let operatorBit: UInt8 = 1, punctuationBit: UInt8 = 2, identifierBit: UInt8 = 4, variableBit: UInt8 = 8

    init(_ grammar: LanguageGrammar) {
        mark(grammar.operatorCharacters, Self.operatorBit)
        mark(grammar.punctuationCharacters, Self.punctuationBit)
        mark(grammar.identifierExtras, Self.identifierBit)
        mark(grammar.variablePrefixes, Self.variableBit)
    }

    private mutating func mark(_ characters: Set<Character>, _ bit: UInt8) {
        for character in characters { if let ascii = character.asciiValue { table[Int(ascii)] |= bit } }
    }

    private func has(_ byte: UInt8, _ bit: UInt8) -> Bool { byte < 128 && table[Int(byte)] & bit != 0 }
    func isOperator(_ byte: UInt8) -> Bool { has(byte, Self.operatorBit) }
    func isPunctuation(_ byte: UInt8) -> Bool { has(byte, Self.punctuationBit) }
    func isIdentifierExtra(_ byte: UInt8) -> Bool { has(byte, Self.identifierBit) }
    func isVariablePrefix(_ byte: UInt8) -> Bool { has(byte, Self.variableBit) }
}

/// Byte classes. Every byte of a non-ASCII character is a letter: identifiers may hold them,
/// and a token then never splits one.
private extension UInt8 {
    var isNewline: Bool { self == 0x0A || self == 0x0D }
    var isWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
    var isDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isLetter: Bool { self >= 0x80 || isASCIILetter }
    func isAny(of characters: StaticString) -> Bool {
        characters.withUTF8Buffer { $0.contains(self) }
    }
}

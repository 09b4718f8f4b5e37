/// Splits code into coloured tokens following a `LanguageGrammar`.
///
/// A single forward scan with no backtracking: linear in the length of the code, whatever it
/// holds. Text it does not recognise stays plain, so the code always reads as written.
struct Tokenizer {
    let grammar: LanguageGrammar
    private let text: [Character]
    private var position = 0
    private var tokens: [CodeToken] = []
    private var atLineStart = true
    private let lineStartPatterns: [(Regex<AnyRegexOutput>, TokenKind)]
    /// The grammar's strings, longest opening first (`"""` before `"`).
    private let stringRules: [LanguageGrammar.StringRule]

    init(grammar: LanguageGrammar, code: String) {
        self.grammar = grammar
        self.text = Array(code)
        self.stringRules = grammar.strings.sorted { $0.open.count > $1.open.count }
        self.lineStartPatterns = grammar.lineStartRules.compactMap { rule in
            (try? Regex(rule.pattern)).map { ($0, rule.kind) }
        }
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
            if character.isWhitespaceFast {
                emit(nil, while: { $0.isWhitespaceFast && !$0.isNewline })
                continue
            }
            atLineStart = false
            if scanComment() || scanString() || scanNumber() || scanPrefixed() || scanWord() { continue }
            if grammar.operatorCharacters.contains(character) {
                emit(.operator, while: grammar.operatorCharacters.contains)
            } else if grammar.punctuationCharacters.contains(character) {
                emit(.punctuation, length: 1)
            } else {
                emit(nil, length: 1)
            }
        }
    }

    /// Preprocessor lines and the grammar's line-start patterns.
    private mutating func scanLineStart() -> Bool {
        let indentation = countWhile(from: position) { $0.isWhitespaceFast && !$0.isNewline }
        if indentation > 0 { emit(nil, length: indentation) }
        atLineStart = false
        if grammar.preprocessorLines, position < text.count, text[position] == "#" {
            emit(.meta, while: { !$0.isNewline })
            return true
        }
        let rest = String(text[position..<lineEnd(from: position)])
        for (pattern, kind) in lineStartPatterns {
            guard let match = try? pattern.prefixMatch(in: rest) else { continue }
            let whole = rest.distance(from: rest.startIndex, to: match.range.upperBound)
            guard whole > 0 else { continue }
            if match.count > 1, let group = match[1].range {
                let before = rest.distance(from: rest.startIndex, to: group.lowerBound)
                let length = rest.distance(from: group.lowerBound, to: group.upperBound)
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
        for marker in grammar.lineComments where matches(marker) {
            if grammar.lineCommentNeedsSpaceBefore, position > 0, !text[position - 1].isWhitespaceFast { continue }
            emit(.comment, while: { !$0.isNewline })
            return true
        }
        for (open, close) in grammar.blockComments where matches(open) {
            emit(.comment, length: lengthUntil(close, after: open.count))
            return true
        }
        return false
    }

    private mutating func scanString() -> Bool {
        guard let rule = stringRules.first(where: { matches($0.open) })
        else { return false }
        var end = position + rule.open.count
        let close = Array(rule.close)
        while end < text.count {
            if let escape = rule.escape, text[end] == escape { end += 2; continue }
            if text[end].isNewline, !rule.multiline { break }
            if text[end...].starts(with: close) { end += close.count; break }
            end += 1
        }
        end = min(end, text.count)
        var kind = rule.kind
        if grammar.keysBeforeColon {
            let after = end + countWhile(from: end) { $0 == " " || $0 == "\t" }
            if after < text.count, text[after] == ":" { kind = .property }
        }
        emit(kind, length: end - position)
        return true
    }

    private mutating func scanNumber() -> Bool {
        let character = text[position]
        let startsNumber = character.isASCII && character.isNumberFast
            || (character == "." && position + 1 < text.count && text[position + 1].isASCII && text[position + 1].isNumberFast)
        guard startsNumber else { return false }
        if position > 0, isIdentifierCharacter(text[position - 1]) { return false }
        var end = position
        while end < text.count {
            let current = text[end]
            if current.isASCII && (current.isLetterFast || current.isNumberFast) || current == "_" {
                end += 1
            } else if current == ".", end + 1 < text.count, text[end + 1].isASCII, text[end + 1].isNumberFast {
                end += 1
            } else if (current == "+" || current == "-"), end > position, "eE".contains(text[end - 1]),
                      !String(text[position..<end]).lowercased().hasPrefix("0x") {
                end += 1
            } else {
                break
            }
        }
        emit(.number, length: end - position)
        return true
    }

    /// `$variable`, `${variable}`, `@annotation`.
    private mutating func scanPrefixed() -> Bool {
        let character = text[position]
        guard position + 1 < text.count else { return false }
        let next = text[position + 1]
        if grammar.variablePrefixes.contains(character) {
            if next == "{" || next == "(" {
                let close: String = next == "{" ? "}" : ")"
                emit(.variable, length: min(lengthUntil(close, after: 2), lineEnd(from: position) - position))
                return true
            }
            if isIdentifierStart(next) || next.isNumberFast || "?#@!*-$".contains(next) {
                let length = isIdentifierStart(next) ? 1 + countWhile(from: position + 1, isIdentifierCharacter) : 2
                emit(.variable, length: length)
                return true
            }
        }
        if character == grammar.annotationPrefix, isIdentifierStart(next) {
            emit(.meta, length: 1 + countWhile(from: position + 1) { self.isIdentifierCharacter($0) || $0 == "." })
            return true
        }
        return false
    }

    private mutating func scanWord() -> Bool {
        guard isIdentifierStart(text[position]) else { return false }
        let length = countWhile(from: position, isIdentifierCharacter)
        let word = String(text[position..<position + length])
        let end = position + length
        if let suffix = grammar.macroSuffix, end < text.count, text[end] == suffix,
           end + 1 >= text.count || text[end + 1] != "=" {
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
        let after = end + countWhile(from: end) { $0 == " " }
        if after < text.count, text[after] == "(" { return .function }
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
            } else if text[position] == "<", position + 1 < text.count,
                      text[position + 1].isLetterFast || text[position + 1] == "/" {
                scanTag()
            } else if text[position] == "&" {
                let length = countWhile(from: position + 1) { $0.isLetterFast || $0.isNumberFast || $0 == "#" }
                let closed = position + 1 + length < text.count && text[position + 1 + length] == ";"
                emit(closed ? .literal : nil, length: closed ? length + 2 : 1)
            } else {
                emit(nil, while: { $0 != "<" && $0 != "&" })
            }
        }
    }

    private mutating func scanTag() {
        emit(.punctuation, length: text[position + 1] == "/" ? 2 : 1)
        emit(.tag, while: { !$0.isWhitespaceFast && $0 != ">" && $0 != "/" })
        while position < text.count, text[position] != ">" {
            let character = text[position]
            if character.isWhitespaceFast {
                emit(nil, while: \.isWhitespaceFast)
            } else if character == "\"" || character == "'" {
                emit(.string, length: lengthUntil(String(character), after: 1))
            } else if character == "=" {
                emit(.operator, length: 1)
            } else if character == "/" {
                emit(.punctuation, length: 1)
            } else if character == "<" {
                return  // an unclosed tag: let the markup scanner go on
            } else {
                emit(.attribute, while: { !$0.isWhitespaceFast && !"=>/\"'<".contains($0) })
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
            } else if character == "\"" || character == "'" {
                emit(.string, length: min(lengthUntil(String(character), after: 1), lineEnd(from: position) - position))
            } else if character == "{" || character == "}" {
                depth = max(0, depth + (character == "{" ? 1 : -1))
                emit(.punctuation, length: 1)
            } else if character == "@" {
                emit(.keyword, length: 1 + countWhile(from: position + 1) { $0.isLetterFast || $0 == "-" })
            } else if depth > 0, scanDeclaration() {
                continue
            } else if depth == 0, !character.isWhitespaceFast, !",>+~:;()[]".contains(character) {
                emit(.tag, while: { !$0.isWhitespaceFast && !",{>+~;()".contains($0) })
            } else if character.isNumberFast || (character == "#" && depth > 0) {
                emit(.number, while: { $0.isLetterFast || $0.isNumberFast || $0 == "." || $0 == "%" || $0 == "#" })
            } else if ":;,()".contains(character) {
                emit(.punctuation, length: 1)
            } else {
                emit(nil, length: 1)
            }
        }
    }

    /// `property:` inside a block, and function names in values.
    private mutating func scanDeclaration() -> Bool {
        let character = text[position]
        guard character.isLetterFast || character == "-" else { return false }
        let length = countWhile(from: position) { $0.isLetterFast || $0.isNumberFast || $0 == "-" || $0 == "_" }
        let after = position + length + countWhile(from: position + length) { $0 == " " }
        if after < text.count, text[after] == ":" {
            emit(.property, length: length)
        } else if after < text.count, text[after] == "(" {
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
            let line = String(text[position..<position + length])
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

    private func matches(_ literal: String) -> Bool {
        text[position...].starts(with: literal)
    }

    /// The length from `position` to just after `close`, searching from `offset`; the rest of the
    /// text when it never closes.
    private func lengthUntil(_ close: String, after offset: Int) -> Int {
        let closing = Array(close)
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

    private func countWhile(from start: Int, _ predicate: (Character) -> Bool) -> Int {
        var end = start
        while end < text.count, predicate(text[end]) { end += 1 }
        return end - start
    }

    private func isIdentifierStart(_ character: Character) -> Bool {
        character.isLetterFast || character == "_" || (grammar.identifierExtras.contains(character) && character != "-")
    }

    private func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetterFast || character.isNumberFast || character == "_" || grammar.identifierExtras.contains(character)
    }

    private mutating func emit(_ kind: TokenKind?, length: Int) {
        let end = min(text.count, position + max(length, 1))
        tokens.append(CodeToken(kind: kind, text: String(text[position..<end])))
        position = end
    }

    private mutating func emit(_ kind: TokenKind?, while predicate: (Character) -> Bool) {
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

/// Character classes with an ASCII fast path: most code is ASCII, and the Unicode property
/// lookups behind `isWhitespace`, `isLetter` and `isNumber` were the tokenizer's largest cost.
private extension Character {
    var isWhitespaceFast: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return isWhitespace
    }

    var isLetterFast: Bool {
        if let ascii = asciiValue { return (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii) }
        return isLetter
    }

    var isNumberFast: Bool {
        if let ascii = asciiValue { return (0x30...0x39).contains(ascii) }
        return isNumber
    }
}

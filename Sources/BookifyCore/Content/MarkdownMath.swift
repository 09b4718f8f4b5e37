/// Finds TeX math in Markdown before cmark reads it (cmark would take `_` and `*` in a formula
/// for emphasis and drop the backslash of `\{`), and hands each formula on as the
/// `<span class="math inline|display">` that pandoc writes, its TeX escaped so that cmark
/// passes it through unchanged. The sanitizer turns those spans into formulas.
///
/// Delimiters, with pandoc's rules: `$…$` opens at a `$` followed by a non-space and closes
/// at a `$` preceded by a non-space and not followed by a digit (so "$5 and $10" stays text);
/// `$$…$$` and `\[…\]` are display math, `\(…\)` inline; `\$` is a dollar. Code spans, fenced
/// and indented code blocks are left alone.
enum MarkdownMath {
    static func protect(_ markdown: String) -> String {
        // Most posts have no math: their text is handed on untouched.
        guard mayHoldMath(markdown) else { return markdown }
        var copy = markdown
        return copy.withUTF8 { protect(lines: $0) }
    }

    /// `protect` over the text's bytes: lines are looked at as bytes (spaces, backticks, tildes
    /// are ASCII), and what is not prose is copied as it is, since most lines of a post with a
    /// `$` somewhere (a shell session, say) hold no math.
    private static func protect(lines text: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 64)
        // The prose lines not yet handed on (consecutive, so one range) and the first of them.
        var prose: (lines: Range<Int>, first: Range<Int>)?
        var fence: (character: UInt8, length: Int)?
        var previousBlank = true, inIndentedCode = false
        func flushProse() {
            guard let (range, first) = prose else { return }
            // Raw HTML blocks are not Markdown: their math is the HTML's (see `HTMLMath`).
            let joined = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
            let firstLine = String(decoding: UnsafeBufferPointer(rebasing: text[first]), as: UTF8.self)
            if !mayHoldMath(joined) || startsHTMLBlock(firstLine[...]) {
                output.append(contentsOf: text[range])
            } else {
                output.append(contentsOf: protectProse(joined).utf8)
            }
            output.append(0x0A)
            prose = nil
        }
        for lineRange in lineRanges(text) {
            let line = text[lineRange]
            let indentation = line.prefix { $0 == 0x20 }.count
            let trimmed = line.dropFirst(indentation)
            if let open = fence {
                output.append(contentsOf: line)
                output.append(0x0A)
                let run = trimmed.prefix { $0 == open.character }.count
                if indentation < 4, run >= open.length, trimmed.dropFirst(run).allSatisfy(Self.isSpace) { fence = nil }
                continue
            }
            if indentation < 4, let first = trimmed.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = trimmed.prefix { $0 == first }.count
                if run >= 3 {
                    flushProse()
                    fence = (first, run)
                    output.append(contentsOf: line)
                    output.append(0x0A)
                    continue
                }
            }
            let blank = line.allSatisfy(Self.isSpace)
            inIndentedCode = !blank && (line.first == 0x09 || indentation >= 4) && (previousBlank || inIndentedCode)
                || (blank && inIndentedCode)
            if inIndentedCode || blank {
                flushProse()
                output.append(contentsOf: line)
                output.append(0x0A)
            } else {
                prose = ((prose?.lines.lowerBound ?? lineRange.lowerBound)..<lineRange.upperBound, prose?.first ?? lineRange)
            }
            previousBlank = blank
        }
        flushProse()
        return String(decoding: output.dropLast(), as: UTF8.self)
    }

    /// The text's lines, without their line feeds (a carriage return before one stays, and
    /// counts as white space).
    private static func lineRanges(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in text.indices where text[index] == 0x0A {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<text.count)
        return ranges
    }

    private static func mayHoldMath(_ text: String) -> Bool {
        text.containsBytes("$") || text.containsBytes("\\(") || text.containsBytes("\\[")
    }

    /// White space as a blank line may hold it.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }

    /// A line that opens one of CommonMark's HTML blocks: a block-level tag, a comment or
    /// declaration, or a line holding only a tag.
    private static func startsHTMLBlock(_ line: Substring) -> Bool {
        let trimmed = line.trimmedSpaces
        guard trimmed.hasPrefix("<"), let next = trimmed.dropFirst().first else { return false }
        if next == "!" || next == "?" { return true }
        let name = trimmed.dropFirst(next == "/" ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
        return blockTags.contains(name) || (trimmed.hasSuffix(">") && !trimmed.dropFirst().contains("<"))
    }

    private static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "div", "dl", "fieldset", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li", "main", "nav", "ol", "p", "pre",
        "script", "section", "style", "table", "ul",
    ]

    /// Math in a run of prose lines (a paragraph or more), outside code spans.
    private static func protectProse(_ text: String) -> String {
        // Unicode scalars, not characters: what the rules look at is ASCII or a scalar's
        // properties, and grapheme breaking a whole paragraph cost a twentieth of a build.
        let characters = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                let run = characters[index...].prefix { $0 == "`" }.count
                let end = closingBackticks(characters, from: index + run, count: run) ?? (index + run)
                output += characters[index..<end]
                index = end
                continue
            }
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if next == "(" || next == "[", index == 0 || !isLetterOrDigit(characters[index - 1]),
                   let end = find(characters, next == "(" ? "\\)" : "\\]", from: index + 2),
                   looksLikeTeX(characters[(index + 2)..<end]) {
                    output += span(characters[(index + 2)..<end], display: next == "[").unicodeScalars
                    index = end + 2
                } else {
                    output += [character, next]
                    index += 2
                }
                continue
            }
            if character == "$" {
                if index + 1 < characters.count, characters[index + 1] == "$", let end = find(characters, "$$", from: index + 2) {
                    output += span(characters[(index + 2)..<end], display: true).unicodeScalars
                    index = end + 2
                    continue
                }
                if let end = closingDollar(characters, from: index) {
                    output += span(characters[(index + 1)..<end], display: false).unicodeScalars
                    index = end + 1
                    continue
                }
            }
            output.append(character)
            index += 1
        }
        return String(output)
    }

    /// What CommonMark lets a backslash escape: ASCII punctuation and symbols, `_` included.
    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E].contains { $0.contains(scalar.value) }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether text between `\[` and `\]` (or `\(` and `\)`) is TeX rather than escaped
    /// brackets (`map\[int\]`, `\[1\]`, which Markdown exported from Medium is full of): a
    /// command, a script, a brace group or a relation.
    private static func looksLikeTeX(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        for (offset, character) in zip(text.indices, text) {
            switch character {
            case "^", "{", "=", "<", ">": return true
            case "_" where offset == text.startIndex || text[offset - 1] != "\\": return true
            case "\\" where offset + 1 < text.endIndex && text[offset + 1].properties.isAlphabetic: return true
            default: continue
            }
        }
        return false
    }

    /// The closing `$` of an inline formula opening at `start`, by pandoc's rules.
    private static func closingDollar(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < characters.count, !characters[start + 1].properties.isWhitespace, characters[start + 1] != "$" else { return nil }
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            // A formula ends before a blank line, and holds no code span.
            if character == "`" || (character == "\n" && index + 1 < characters.count && characters[index + 1] == "\n") { return nil }
            if character == "$" {
                let after: Unicode.Scalar = index + 1 < characters.count ? characters[index + 1] : " "
                // pandoc's rule (no digit after) and shell's `$(cmd)/$(cmd)`: no letter or `(` either.
                return !characters[index - 1].properties.isWhitespace && !isLetterOrDigit(after) && after != "(" ? index : nil
            }
            index += 1
        }
        return nil
    }

    private static func closingBackticks(_ characters: [Unicode.Scalar], from start: Int, count: Int) -> Int? {
        var index = start
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            let run = characters[index...].prefix { $0 == "`" }.count
            if run == count { return index + run }
            index += run
        }
        return nil
    }

    private static func find(_ characters: [Unicode.Scalar], _ closer: String, from start: Int) -> Int? {
        let closer = Array(closer.unicodeScalars)
        var index = start
        while index + closer.count <= characters.count {
            if characters[index] == "\\" && closer[0] != "\\" { index += 2; continue }
            if Array(characters[index..<(index + closer.count)]) == closer { return index }
            index += 1
        }
        return nil
    }

    /// The formula as pandoc's span, every ASCII punctuation character backslash-escaped so
    /// that cmark prints it as it is.
    private static func span(_ tex: ArraySlice<Unicode.Scalar>, display: Bool) -> String {
        var escaped = String.UnicodeScalarView()
        for character in tex {
            // A line break would let cmark take `<span …>` on a line of its own for an HTML block.
            if character == "\n" || character == "\r" { escaped.append(" "); continue }
            if isASCIIPunctuation(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return "<span class=\"math \(display ? "display" : "inline")\">" + String(escaped) + "</span>"
    }
}

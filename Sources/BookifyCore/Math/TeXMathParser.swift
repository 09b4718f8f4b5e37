/// Reads the LaTeX math that blogs write (what KaTeX and MathJax accept, without macros) into
/// a `MathNode` tree: fractions, roots, scripts and limits, Greek, operators and relations,
/// letter styles, accents, `\left…\right`, text, spacing, matrices, cases and aligned
/// environments. An unknown command becomes an error node showing its source, and is listed
/// in `unknownCommands`; a formula too long, too deep or unbalanced becomes one error node.
/// Nothing is expanded (`\def`, `\newcommand` are unknown), so no input can loop.
struct TeXMathParser {
    /// Longer formulas are refused whole.
    static let maximumLength = 20_000
    /// Groups nested deeper than this are refused whole.
    static let maximumDepth = 100

    struct Failure: Error {
        var message: String
    }

    var reader: TeXReader
    var depth = 0
    /// Commands the parser does not know, in order of appearance.
    var unknownCommands: [String] = []

    private init(_ source: String) { reader = TeXReader(source) }

    /// The formula's tree and the commands it did not know.
    static func parse(_ source: String) -> (node: MathNode, unknownCommands: [String]) {
        guard source.count <= maximumLength else {
            return (.error(String(source.prefix(200)) + "…"), ["a formula longer than \(maximumLength) characters"])
        }
        var parser = TeXMathParser(source)
        do {
            let node = try parser.parseTop()
            return (node, parser.unknownCommands)
        } catch {
            return (.error(source), parser.unknownCommands + [error.message])
        }
    }

    // MARK: Rows

    /// The whole formula; rows broken by `\\` or columns by `&` outside an environment make a
    /// grid, as `gather` and `aligned` do.
    private mutating func parseTop() throws(Failure) -> MathNode {
        let rows = try parseGrid(closing: nil)
        guard reader.peek() == nil else { throw Failure(message: "an unmatched }") }
        if rows.count == 1 && rows[0].count == 1 { return rows[0][0] }
        return .table(rows, alignments: rows.contains { $0.count > 1 } ? [.right, .left] : [.center])
    }

    /// Cells separated by `&`, rows by `\\`, up to `\end{name}` (consumed) or the end.
    mutating func parseGrid(closing environment: String?) throws(Failure) -> [[MathNode]] {
        var rows: [[MathNode]] = [[]]
        while true {
            let cell = try parseRow { $0 == .align || $0 == .rowBreak || $0 == .command("end") }
            rows[rows.count - 1].append(Self.group(cell))
            switch reader.next() {
            case .align: continue
            case .rowBreak:
                _ = reader.optionalBracket()  // `\\[2pt]`: extra space, not kept
                rows.append([])
            case .command("end"):
                let name = try reader.braced()
                guard name == environment else { throw Failure(message: "\\end{\(name)} closes \(environment.map { "\\begin{\($0)}" } ?? "nothing")") }
                return Self.trimmed(rows)
            case nil:
                guard environment == nil else { throw Failure(message: "\\begin{\(environment!)} is never ended") }
                return Self.trimmed(rows)
            default: throw Failure(message: "an unexpected token")
            }
        }
    }

    /// A row of atoms up to a token `stop` accepts (not consumed), `}` or the end.
    mutating func parseRow(stop: (TeXToken) -> Bool) throws(Failure) -> [MathNode] {
        var nodes: [MathNode] = []
        while let token = reader.peek(), token != .close, !stop(token) {
            if case .command(let name) = token, ["displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle"].contains(name) {
                reader.skip()
                let rest = try parseRow(stop: stop)
                nodes.append(.style(Self.group(rest), display: name == "displaystyle"))
                continue
            }
            guard var atom = try parseAtom() else { continue }
            try attachScripts(to: &atom)
            nodes.append(atom.node)
        }
        return Self.mergedNumbers(nodes)
    }

    /// A braced group's content, or a single atom: what a command's argument or a script is.
    mutating func parseArgument() throws(Failure) -> MathNode {
        if reader.peek() == .open {
            reader.skip()
            let nodes = try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.parseRow { _ in false } }
            guard reader.next() == .close else { throw Failure(message: "a { that is never closed") }
            return Self.group(nodes)
        }
        guard let atom = try parseAtom() else { throw Failure(message: "a command or script with nothing after it") }
        return atom.node
    }

    mutating func nested<T>(_ body: (inout TeXMathParser) throws(Failure) -> T) throws(Failure) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Failure(message: "groups nested deeper than \(Self.maximumDepth)") }
        return try body(&self)
    }

    // MARK: Atoms and scripts

    /// A node and whether scripts on it go under and over (big operators, `\lim`).
    struct Atom {
        var node: MathNode
        var limits = false
    }

    /// The next atom; `nil` for what shows nothing (`\label{…}`).
    mutating func parseAtom() throws(Failure) -> Atom? {
        guard let token = reader.next() else { return nil }
        switch token {
        case .open:
            let nodes = try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.parseRow { _ in false } }
            guard reader.next() == .close else { throw Failure(message: "a { that is never closed") }
            return Atom(node: Self.group(nodes))
        case .character(let character): return Atom(node: Self.node(for: character))
        case .command(let name): return try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.command(name) }
        case .sub, .sup, .prime:
            // A script with no base: TeX puts it on an empty one.
            reader.back()
            return Atom(node: .row([]))
        case .close, .align, .rowBreak: throw Failure(message: "an unexpected \(token)")
        }
    }

    private mutating func attachScripts(to atom: inout Atom) throws(Failure) {
        var sub: MathNode?, sup: MathNode?
        var primes = ""
        while let token = reader.peek() {
            switch token {
            case .prime: reader.skip(); primes += "′"
            case .sub where sub == nil: reader.skip(); sub = try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.parseArgument() }
            case .sup where sup == nil: reader.skip(); sup = try nested { (parser: inout TeXMathParser) throws(Failure) in try parser.parseArgument() }
            case .command("limits"): reader.skip(); atom.limits = true
            case .command("nolimits"): reader.skip(); atom.limits = false
            default: return finish()
            }
        }
        finish()
        func finish() {
            if !primes.isEmpty { sup = sup.map { .row([.op(primes), $0]) } ?? .op(primes) }
            guard sub != nil || sup != nil else { return }
            atom.node = atom.limits ? .limits(atom.node, under: sub, over: sup) : .scripts(atom.node, sub: sub, sup: sup)
            sub = nil
            sup = nil
            primes = ""
        }
    }

    /// A character of the source as a node: letters are identifiers, digits numbers, the rest
    /// operators (a hyphen is a minus).
    private static func node(for character: Character) -> MathNode {
        if character.isNumber { return .number(String(character)) }
        if character.isLetter { return .identifier(String(character)) }
        switch character {
        case "-": return .op("−")
        case "*": return .op("∗")
        case "~": return .space(0.25)
        default: return plainOperator(String(character))
        }
    }

    /// An operator as TeX sets it: a fence or slash typed as it is keeps its size (only
    /// `\left`, `\right` and `\middle` grow), where MathML's dictionary would stretch it.
    static func plainOperator(_ symbol: String) -> MathNode {
        .op(symbol, MathOperator(stretchy: fixedSize.contains(symbol) ? false : nil))
    }

    private static let fixedSize: Set<String> = ["(", ")", "[", "]", "{", "}", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "|", "‖", "/", "⟦", "⟧"]

    mutating func unknown(_ name: String) -> Atom {
        unknownCommands.append("\\" + name)
        return Atom(node: .error("\\" + name))
    }

    // MARK: Helpers

    static func group(_ nodes: [MathNode]) -> MathNode { nodes.count == 1 ? nodes[0] : .row(nodes) }

    /// Digits next to each other (with a decimal point between) as one number.
    private static func mergedNumbers(_ nodes: [MathNode]) -> [MathNode] {
        var merged: [MathNode] = []
        for node in nodes {
            if case .number(let digits) = node, case .number(let before)? = merged.last {
                merged[merged.count - 1] = .number(before + digits)
            } else if case .number(let digits) = node, merged.count >= 2, case .op(".", _) = merged[merged.count - 1],
                      case .number(let before) = merged[merged.count - 2] {
                merged.removeLast(2)
                merged.append(.number(before + "." + digits))
            } else {
                merged.append(node)
            }
        }
        return merged
    }

    /// Rows without the empty last one a trailing `\\` leaves.
    private static func trimmed(_ rows: [[MathNode]]) -> [[MathNode]] {
        var rows = rows
        if rows.count > 1, rows.last?.allSatisfy({ $0 == .row([]) }) == true { rows.removeLast() }
        return rows
    }
}

/// A node of a formula, as presentation MathML has it: what every writer reads of math. The
/// EPUB writer prints it as MathML; the PDF writer sets it. It is built from TeX by
/// `TeXMathParser` and from MathML in a post by `MathMLReader`, so only presentation MathML
/// that bookify knows reaches a book.
public indirect enum MathNode: Sendable, Hashable {
    /// A name or a letter (`mi`): italic when a single letter, upright otherwise or when
    /// `upright` (`\mathrm{d}`). Other letter styles are Unicode's own letters (`\mathbb{R}`: ℝ).
    case identifier(String, upright: Bool = false)
    /// A number (`mn`).
    case number(String)
    /// An operator, a relation, a fence or punctuation (`mo`).
    case op(String, MathOperator = MathOperator())
    /// Words inside a formula (`mtext`).
    case text(String)
    /// Horizontal space (`mspace`), in ems.
    case space(Double)
    /// A group (`mrow`).
    case row([MathNode])
    /// A fraction (`mfrac`); `rule: false` for a binomial's stacked pair.
    case fraction(MathNode, MathNode, rule: Bool = true)
    /// A square root (`msqrt`) or, with an index, a root (`mroot`).
    case root(MathNode, index: MathNode?)
    /// A base with a subscript and/or a superscript (`msub`, `msup`, `msubsup`).
    case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// A base with something under and/or over it (`munder`, `mover`, `munderover`); `accent`
    /// for an accent mark over the base (`\hat`).
    case limits(MathNode, under: MathNode?, over: MathNode?, accent: Bool = false)
    /// A grid (`mtable`): rows of cells, each column aligned as `alignments` says (its last
    /// entry repeats).
    case table([[MathNode]], alignments: [MathAlignment] = [.center])
    /// A part set in display or text style (`mstyle displaystyle`).
    case style(MathNode, display: Bool)
    /// Something that could not be read: shown as its source, so nothing is lost silently.
    case error(String)

    /// The node's text, in reading order (for tests and a formula's plain text).
    public var textContent: String {
        switch self {
        case .identifier(let text, _), .number(let text), .op(let text, _), .text(let text), .error(let text): text
        case .space: " "
        case .row(let nodes): nodes.map(\.textContent).joined()
        case .fraction(let top, let bottom, _): top.textContent + "/" + bottom.textContent
        case .root(let base, let index): "√" + (index?.textContent ?? "") + base.textContent
        case .scripts(let base, let sub, let sup): base.textContent + (sub?.textContent ?? "") + (sup?.textContent ?? "")
        case .limits(let base, let under, let over, _): base.textContent + (under?.textContent ?? "") + (over?.textContent ?? "")
        case .table(let rows, _): rows.map { $0.map(\.textContent).joined(separator: " ") }.joined(separator: "; ")
        case .style(let node, _): node.textContent
        }
    }

    /// Whether the formula holds an error node anywhere.
    public var hasError: Bool {
        switch self {
        case .error: true
        case .identifier, .number, .op, .text, .space: false
        case .row(let nodes): nodes.contains { $0.hasError }
        case .fraction(let top, let bottom, _): top.hasError || bottom.hasError
        case .root(let base, let index): base.hasError || index?.hasError == true
        case .scripts(let base, let sub, let sup): base.hasError || sub?.hasError == true || sup?.hasError == true
        case .limits(let base, let under, let over, _): base.hasError || under?.hasError == true || over?.hasError == true
        case .table(let rows, _): rows.contains { $0.contains { $0.hasError } }
        case .style(let node, _): node.hasError
        }
    }
}

/// How an operator is set, when it is more than its character: what MathML's `mo` attributes say.
public struct MathOperator: Sendable, Hashable {
    /// A fence or arrow that grows with what it encloses (`\left(`).
    public var stretchy: Bool?
    /// A big operator set larger in display (`\sum`).
    public var largeOperator = false
    /// Limits that go under and over in display, beside in text (`\sum`, `\lim`).
    public var movableLimits = false

    /// An operator set as MathML's defaults say, but for what is given.
    public init(stretchy: Bool? = nil, largeOperator: Bool = false, movableLimits: Bool = false) {
        self.stretchy = stretchy
        self.largeOperator = largeOperator
        self.movableLimits = movableLimits
    }
}

/// How a column of a grid is aligned.
public enum MathAlignment: String, Sendable, Hashable {
    /// Flush left (`cases`, the right side of `aligned`).
    case left
    /// Centred (matrices).
    case center
    /// Flush right (the left side of `aligned`).
    case right
}

/// A formula of a post: its tree, the TeX it was written in (what a reader without MathML is
/// shown, and the `alttext`), and whether it stands on its own line.
public struct MathFormula: Sendable, Hashable {
    /// The formula's tree.
    public var root: MathNode
    /// The TeX it was written in; empty for MathML that came without it.
    public var source: String
    /// Whether the formula is set on a line of its own.
    public var display: Bool
    /// What could not be read (unknown commands, a formula too deep or too long): each shows
    /// as an error in the formula, and the build warns about it.
    public var problems: [String]

    /// A formula from its tree and source.
    public init(root: MathNode, source: String, display: Bool, problems: [String] = []) {
        self.root = root
        self.source = source
        self.display = display
        self.problems = problems
    }
}

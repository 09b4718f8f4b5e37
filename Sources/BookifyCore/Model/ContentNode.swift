/// A node of a post's body in the book model: what every writer reads (ARCHITECTURE §3).
///
/// The tree knows no output format. Structure uses the HTML vocabulary of the sanitizer's
/// allow-list as typed kinds (`ElementKind`: `.p`, `.em`, `.table`, …), which both EPUB and PDF
/// lay out; everything a writer would
/// otherwise have to parse back out of markup is typed: links point at `LinkTarget`s, images are
/// embedded-image ids with their pixel size, footnotes are `Note`s, code is `CodeToken`s, and
/// table cells carry their alignment and span.
///
/// Elements and notes are `indirect` (boxed): a node is then a few words, so the many copies the
/// content passes make of nodes cost a retain instead of copying every field (a ×20 build: 11%
/// faster, 15% less memory).
public enum ContentNode: Sendable, Hashable {
    case text(String)
    indirect case element(ContentElement)
    /// An image embedded in the book.
    case image(ImageUse)
    /// Media as a post refers to it, not yet looked for: the asset stage turns each into an
    /// `image` or a `placeholder`, so none reaches a writer.
    case media(MediaReference)
    /// Media that is not in the book: what it showed, and a link to the original.
    case placeholder(MediaPlaceholder)
    /// A footnote's text, wherever the post put it; each writer places it (EPUB: a pop-up
    /// `aside`; PDF: the foot of the page).
    indirect case note(Note)
    /// A run of highlighted code.
    case token(CodeToken)
    /// A task list item's box.
    case checkbox(checked: Bool)
    /// A formula (TeX or MathML in the post), inline or on its own line.
    case math(MathFormula)

    /// The concatenated text of the node and its descendants.
    public var textContent: String {
        if case .text(let text) = self { return text }
        var text = ""
        appendTextContent(to: &text)
        return text
    }

    /// Appends `textContent` to `text`: one string for a whole tree (a highlighted code block
    /// is hundreds of tokens), not one per element joined at each level.
    func appendTextContent(to text: inout String) {
        switch self {
        case .text(let part): text += part
        case .element(let element): element.appendTextContent(to: &text)
        case .note(let note): note.children.forEachInPlace { $0.appendTextContent(to: &text) }
        case .token(let token): text += token.text
        case .math(let formula): text += formula.root.textContent
        case .image, .media, .placeholder, .checkbox: break
        }
    }

    /// The last character of `textContent`, found without joining the text (a long code
    /// block's last character is asked for often).
    var lastScalar: Unicode.Scalar? {
        switch self {
        case .text(let text): return text.unicodeScalars.last
        case .token(let token): return token.text.unicodeScalars.last
        case .math(let formula): return formula.root.textContent.unicodeScalars.last
        case .element, .note:
            // A plain loop: `lazy.compactMap(…).first` asks each child twice, 2^depth in all.
            for child in children.reversed() {
                if let scalar = child.lastScalar { return scalar }
            }
            return nil
        case .image, .media, .placeholder, .checkbox: return nil
        }
    }

    /// The children of an element or note; empty for every other node.
    public var children: [ContentNode] {
        switch self {
        case .element(let element): return element.children
        case .note(let note): return note.children
        default: return []
        }
    }

    /// Whether the node is text made only of white space.
    var isBlank: Bool {
        guard case .text(let text) = self else { return false }
        // By bytes while they are ASCII (most texts are decided by their first), by characters
        // from the first other one.
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }

    /// The element this node is, if it is one of `kind` (any kind when `nil`).
    func element(_ kind: ElementKind? = nil) -> ContentElement? {
        guard case .element(let element) = self, kind == nil || element.kind == kind else { return nil }
        return element
    }
}

/// A structural element: a paragraph, a list, a table cell, emphasis…
public struct ContentElement: Sendable, Hashable {
    /// What the element is (one of the sanitizer's allow-list).
    public var kind: ElementKind
    /// A book-wide unique id (prefixed with its post's id) that links may target.
    public var id: String?
    /// The author's classes (`language-go` on code), letters, digits, `-` and `_` only.
    public var classes: [String]
    /// Other attributes the allow-list keeps (`title`, `lang`, `dir`, `start`, `datetime`, …),
    /// in source order.
    public var attributes: [ContentAttribute]
    /// Where the element leads, for a link (`a`); `nil` for a link that lost its target.
    public var link: LinkTarget?
    /// The text alignment the source asked for (table cells, paragraphs).
    public var alignment: TextAlignment?
    /// How many columns and rows a table cell spans, when more than one.
    public var span: CellSpan?
    /// What bookify made of the element, when it is more than its name says.
    public var role: ElementRole?
    /// The element's content, in order.
    public var children: [ContentNode]

    /// An element of `kind` with its content.
    public init(_ kind: ElementKind, id: String? = nil, classes: [String] = [], attributes: [ContentAttribute] = [],
                link: LinkTarget? = nil, role: ElementRole? = nil, children: [ContentNode] = []) {
        self.kind = kind
        self.id = id
        self.classes = classes
        self.attributes = attributes
        self.link = link
        self.role = role
        self.children = children
    }

    /// The value of the kept attribute `name`, if present.
    public subscript(name: AttributeName) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            attributes.removeAll { $0.name == name }
            if let newValue { attributes.append(ContentAttribute(name, newValue)) }
        }
    }

    /// The concatenated text of all descendants.
    public var textContent: String {
        var text = ""
        appendTextContent(to: &text)
        return text
    }

    func appendTextContent(to text: inout String) {
        children.forEachInPlace { $0.appendTextContent(to: &text) }
    }

    /// Whether the element is a `pre` that draws (see `DiagramLayout`).
    public var isDiagram: Bool {
        if case .diagram = role { return true }
        return false
    }

    /// Whether the element carries the class `name`.
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }
}

/// An attribute the allow-list keeps, as written.
public struct ContentAttribute: Sendable, Hashable {
    /// The attribute's name.
    public var name: AttributeName
    /// Its value, unescaped.
    public var value: String

    /// The attribute `name="value"`.
    public init(_ name: AttributeName, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The attributes an element keeps as written; those with a meaning for the book (`id`,
/// `class`, `href`, `colspan`, `rowspan`, `align`) are typed fields of `ContentElement` instead.
public enum AttributeName: String, CaseIterable, Sendable, Hashable {
    /// On every element.
    case title, lang, dir
    /// `ol`'s.
    case start, reversed, type
    /// `li`'s number; `time`'s machine-readable date; `th`'s scope; `col`'s span; `details`' state.
    case value, datetime, scope, span, open

    /// Whether an element of `kind` may carry the attribute.
    public func isAllowed(on kind: ElementKind) -> Bool {
        switch self {
        case .title, .lang, .dir: true
        case .start, .reversed, .type: kind == .ol
        case .value: kind == .li
        case .datetime: kind == .time
        case .scope: kind == .th
        case .span: kind == .col || kind == .colgroup
        case .open: kind == .details
        }
    }
}

/// Where a link leads.
public enum LinkTarget: Sendable, Hashable {
    /// An address outside the book: http(s) or mailto.
    case external(String)
    /// A post of the book (by its `PostDocument.documentID`) and, optionally, an id inside it.
    case post(String, anchor: String?)
}

/// How a table cell's text is aligned.
public enum TextAlignment: String, Sendable, Hashable {
    case left, center, right, justify
}

/// The columns and rows a table cell covers, as the source gave them (`nil`: not given, one).
public struct CellSpan: Sendable, Hashable {
    /// How many columns the cell spans; `nil` for one.
    public var columns: Int?
    /// How many rows the cell spans; `nil` for one.
    public var rows: Int?

    /// A span of `columns` by `rows` cells.
    public init(columns: Int?, rows: Int?) {
        self.columns = columns
        self.rows = rows
    }
}

/// What the content stage made an element into, beyond its name.
public enum ElementRole: Sendable, Hashable {
    /// A GFM task list item (it starts with a checkbox).
    case taskItem
    /// A figure holding one embedded image (and perhaps its caption).
    case imageFigure
    /// A post's own picture above its text: decoration.
    case leadImage
    /// A link to a footnote (its target is the `Note`'s id).
    case noteReference
    /// A figure caption that stood where no caption may: now a paragraph.
    case strayCaption
    /// A term or description of a definition list too broken to stay one: now a block.
    case definitionTerm, definitionDescription
    /// A text diagram (box drawing, arrows) in a `pre`: never wrapped; its longest line in
    /// characters, to scale it to the page.
    case diagram(longestLine: Int)
}

/// An embedded image where a post shows it.
public struct ImageUse: Sendable, Hashable {
    /// The image's id among the book's `EmbeddedImage`s.
    public var imageID: String
    /// The image's width in pixels.
    public var width: Int
    /// The image's height in pixels.
    public var height: Int
    /// The description; empty for decoration.
    public var alt: String
}

/// A footnote: its number in its post and its text.
public struct Note: Sendable, Hashable {
    /// The id references link to.
    public var id: String?
    /// 1 for the post's first note.
    public var number: Int
    /// The note's content.
    public var children: [ContentNode]
}

/// A run of code and what it is; `kind == nil` is plain text.
public struct CodeToken: Sendable, Hashable {
    /// What the token is (keyword, string, comment…); `nil` for plain text.
    public var kind: TokenKind?
    /// The token's text.
    public var text: String

    /// A token of `kind`.
    public init(kind: TokenKind?, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Repairs what real-world HTML gets wrong about where elements may stand, so the XHTML
/// validates (EPUBCheck applies the HTML content models). Pure and structural: text is never
/// dropped, only the elements around it.
///
/// - A block in a paragraph (or in a link in a paragraph, `<p><a><h2>…`) ends the paragraph, as
///   an HTML parser would have done: the block follows it, the rest of the text a new paragraph.
/// - Other blocks inside phrasing-only elements (`<span><div>…`) are unwrapped.
/// - Links inside links are unwrapped (the outer link wins).
/// - A `figcaption` outside a `figure`, or not first or last in it, becomes a paragraph.
/// - A list item outside a list becomes a `div`; tables and lists get the rows, cells and
///   items their content models require around stray content.
enum ContentModel {
    /// The children each container may have; anything else is wrapped in the first one.
    static let requiredChildren: [String: (allowed: Set<String>, wrapper: [String])] = [
        "ul": (["li"], ["li"]),
        "ol": (["li"], ["li"]),
        "table": (["caption", "colgroup", "thead", "tbody", "tfoot", "tr"], ["tr", "td"]),
        "thead": (["tr"], ["tr", "td"]),
        "tbody": (["tr"], ["tr", "td"]),
        "tfoot": (["tr"], ["tr", "td"]),
        "tr": (["td", "th"], ["td"]),
    ]

    /// Table parts and where they may stand; elsewhere they are unwrapped.
    static let tableParents: [String: Set<String>] = [
        "caption": ["table"], "colgroup": ["table"], "col": ["colgroup", "table"], "thead": ["table"],
        "tbody": ["table"], "tfoot": ["table"], "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr"], "th": ["tr"],
    ]

    /// Elements whose content must be phrasing content.
    static let phrasingOnly: Set<String> = [
        "p", "span", "em", "strong", "b", "i", "u", "s", "small", "mark", "code", "kbd", "samp", "var",
        "sub", "sup", "abbr", "cite", "dfn", "q", "time", "bdi", "bdo", "h1", "h2", "h3", "h4", "h5",
        "h6", "pre", "rt", "rp", "summary",
    ]

    /// Elements that are flow content but not phrasing content.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "dt", "dd", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
        "pre", "section", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td",
        "th", "ul",
    ]

    static func repair(_ nodes: [XHTMLNode]) -> [XHTMLNode] {
        repair(nodes, parent: "body", phrasing: false, insideLink: false)
    }

    private static func repair(_ nodes: [XHTMLNode], parent: String, phrasing: Bool, insideLink: Bool) -> [XHTMLNode] {
        var result: [XHTMLNode] = []
        for (index, node) in nodes.enumerated() {
            guard case .element(var element) = node else {
                result.append(node)
                continue
            }
            if element.name == "p", !phrasing, let pieces = splitAtBlocks(element) {
                result += repair(pieces, parent: parent, phrasing: false, insideLink: insideLink)
                continue
            }
            let unwrap = (phrasing && blocks.contains(element.name)) || (insideLink && element.name == "a")
            if unwrap {
                if element.name == "hr" { continue }
                result += repair(element.children, parent: parent, phrasing: phrasing, insideLink: insideLink)
                continue
            }
            if element.name == "figcaption", parent != "figure" || !isAtEdge(index, of: nodes) {
                element.name = "p"
                element["class"] = ((element["class"].map { $0 + " " }) ?? "") + "caption"
            }
            if element.name == "li", parent != "ul", parent != "ol" {
                element.name = "div"
            }
            if (element.name == "dt" || element.name == "dd"), parent != "dl", parent != "div" {
                element.name = "div"
            }
            if let parents = Self.tableParents[element.name], !parents.contains(parent) {
                result += repair(element.children, parent: parent, phrasing: phrasing, insideLink: insideLink)
                continue
            }
            if element.name == "dl", !isWellFormedDefinitionList(element) {
                element = definitionListAsBlocks(element)
            }
            let children = repair(element.children, parent: element.name,
                                  phrasing: phrasing || phrasingOnly.contains(element.name),
                                  insideLink: insideLink || element.name == "a")
            element.children = requiredChildren[element.name].map { wrapStray(children, in: $0) } ?? children
            result.append(.element(element))
        }
        return result
    }

    /// The paragraph cut around the blocks among its children (and the links holding a
    /// block, which may stand where blocks do); `nil` when it holds none.
    private static func splitAtBlocks(_ paragraph: XHTMLElement) -> [XHTMLNode]? {
        let holdsBlock = { (node: XHTMLNode) -> Bool in
            guard case .element(let element) = node else { return false }
            if blocks.contains(element.name) { return true }
            return element.name == "a" && element.children.contains {
                if case .element(let child) = $0 { return blocks.contains(child.name) } else { return false }
            }
        }
        guard paragraph.children.contains(where: holdsBlock) else { return nil }
        var pieces: [XHTMLNode] = []
        var text: [XHTMLNode] = []
        func flush() {
            let blank = text.allSatisfy { if case .text(let t) = $0 { return t.allSatisfy(\.isWhitespace) } else { return false } }
            if !blank {
                var piece = paragraph
                piece.children = text
                if !pieces.isEmpty { piece["id"] = nil }  // an id names the paragraph's start only
                pieces.append(.element(piece))
            }
            text = []
        }
        for child in paragraph.children {
            if holdsBlock(child) {
                flush()
                pieces.append(child)
            } else {
                text.append(child)
            }
        }
        flush()
        return pieces
    }

    /// Wraps each run of content a container may not hold directly (text, other elements)
    /// in the elements it may hold; whitespace between allowed children stays as it is.
    private static func wrapStray(_ children: [XHTMLNode], in rule: (allowed: Set<String>, wrapper: [String])) -> [XHTMLNode] {
        var result: [XHTMLNode] = []
        var stray: [XHTMLNode] = []
        func flush() {
            guard stray.contains(where: { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) } else { return true } })
            else { result += stray; stray = []; return }
            let wrapped = rule.wrapper.reversed().reduce(stray) { inner, name in [.element(XHTMLElement(name, children: inner))] }
            result += wrapped
            stray = []
        }
        for child in children {
            if case .element(let element) = child, rule.allowed.contains(element.name) {
                flush()
                result.append(child)
            } else {
                stray.append(child)
            }
        }
        flush()
        return result
    }

    /// `dl` holds groups of `dt` then `dd` (or `div`s of them), starting with a `dt`.
    private static func isWellFormedDefinitionList(_ list: XHTMLElement) -> Bool {
        var seenTerm = false
        for child in list.children {
            switch child {
            case .text(let text): if !text.allSatisfy(\.isWhitespace) { return false }
            case .element(let element):
                switch element.name {
                case "dt": seenTerm = true
                case "dd": if !seenTerm { return false }
                default: return false
                }
            }
        }
        return true
    }

    /// A definition list that breaks its content model, as plain blocks: nothing is lost.
    private static func definitionListAsBlocks(_ list: XHTMLElement) -> XHTMLElement {
        var block = list
        block.name = "div"
        block.children = list.children.map { child in
            guard case .element(var element) = child, element.name == "dt" || element.name == "dd" else { return child }
            element["class"] = element.name
            element.name = "div"
            return .element(element)
        }
        return block
    }

    /// Whether only whitespace stands before or after the node at `index`.
    private static func isAtEdge(_ index: Int, of nodes: [XHTMLNode]) -> Bool {
        let isBlankOrNothing = { (slice: ArraySlice<XHTMLNode>) in
            slice.allSatisfy { if case .text(let text) = $0 { return text.allSatisfy(\.isWhitespace) } else { return false } }
        }
        return isBlankOrNothing(nodes[..<index]) || isBlankOrNothing(nodes[(index + 1)...])
    }
}

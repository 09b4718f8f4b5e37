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
/// - Elements deeper than `maximumDepth` are unwrapped (their text stays): the wrappers above
///   could otherwise double or triple the depth the parser capped (`<ul><ul><ul>…` becomes
///   `ul > li > ul > li…`), past the 256 levels libxml2-based reading systems accept.
enum ContentModel {
    /// As deep as the parser lets content nest; repairs may add two levels below it.
    static let maximumDepth = HTMLParser.maximumDepth

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

    static func repair(_ nodes: [ContentNode]) -> [ContentNode] {
        var repair = Repair()
        return repair.rewrite(nodes)
    }

    /// The pass, which knows where it is: the parent's name, whether only phrasing content
    /// may stand here, and whether a link holds it.
    private struct Repair: ContentRewriter {
        var parent = "body"
        var phrasing = false
        var insideLink = false
        /// How deep the repaired tree is here, counting the wrappers added above.
        var depth = 0

        mutating func visitElement(_ original: ContentElement) -> [ContentNode] {
            let wrappers = requiredChildren[parent].map { $0.allowed.contains(original.name) ? 0 : $0.wrapper.count } ?? 0
            // Unwrapped here, the children are repaired for the parent they now stand in.
            if depth + wrappers >= maximumDepth { return rewrite(original.children) }
            var element = original
            if element.name == "p", !phrasing, let pieces = splitAtBlocks(element) { return rewrite(pieces) }
            if (phrasing && blocks.contains(element.name)) || (insideLink && element.name == "a") {
                return element.name == "hr" ? [] : rewrite(element.children)
            }
            if element.name == "figcaption", parent != "figure" || element.role == .strayCaption {
                element.name = "p"
                element.role = .strayCaption
            }
            if element.name == "li", parent != "ul", parent != "ol" { element.name = "div" }
            if element.name == "dt" || element.name == "dd", parent != "dl", parent != "div" { element.name = "div" }
            if let parents = tableParents[element.name], !parents.contains(parent) { return rewrite(element.children) }
            if element.name == "dl", !isWellFormedDefinitionList(element) { element = definitionListAsBlocks(element) }
            if element.name == "figure" { element.children = markingStrayCaptions(element.children) }
            let saved = (parent, phrasing, insideLink, depth)
            (parent, phrasing, insideLink, depth) = (element.name, phrasing || phrasingOnly.contains(element.name),
                                                     insideLink || element.name == "a", depth + wrappers + 1)
            let children = rewrite(element.children)
            (parent, phrasing, insideLink, depth) = saved
            element.children = requiredChildren[element.name].map { wrapStray(children, in: $0) } ?? children
            return [.element(element)]
        }
    }

    /// A figure's captions that are neither first nor last in it, marked to become paragraphs.
    private static func markingStrayCaptions(_ children: [ContentNode]) -> [ContentNode] {
        children.indices.map { index in
            guard var caption = children[index].element(named: "figcaption"), !isAtEdge(index, of: children) else {
                return children[index]
            }
            caption.role = .strayCaption
            return .element(caption)
        }
    }

    /// The paragraph cut around the blocks among its children (and the links holding a
    /// block, which may stand where blocks do); `nil` when it holds none.
    private static func splitAtBlocks(_ paragraph: ContentElement) -> [ContentNode]? {
        let holdsBlock = { (node: ContentNode) -> Bool in
            guard let element = node.element() else { return false }
            if blocks.contains(element.name) { return true }
            return element.name == "a" && element.children.contains { $0.element().map { blocks.contains($0.name) } ?? false }
        }
        guard paragraph.children.contains(where: holdsBlock) else { return nil }
        var pieces: [ContentNode] = []
        var text: [ContentNode] = []
        func flush() {
            if !text.allSatisfy(\.isBlank) {
                var piece = paragraph
                piece.children = text
                if !pieces.isEmpty { piece.id = nil }  // an id names the paragraph's start only
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
    private static func wrapStray(_ children: [ContentNode], in rule: (allowed: Set<String>, wrapper: [String])) -> [ContentNode] {
        var result: [ContentNode] = []
        var stray: [ContentNode] = []
        func flush() {
            guard stray.contains(where: { !$0.isBlank }) else { result += stray; stray = []; return }
            let wrapped = rule.wrapper.reversed().reduce(stray) { inner, name in [.element(ContentElement(name, children: inner))] }
            result += wrapped
            stray = []
        }
        for child in children {
            if let element = child.element(), rule.allowed.contains(element.name) {
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
    /// Groups of one or more terms, each followed by one or more descriptions (a term with no
    /// description, as Blogger writes them, breaks the content model).
    private static func isWellFormedDefinitionList(_ list: ContentElement) -> Bool {
        var seenTerm = false
        var last: String?
        for child in list.children where !child.isBlank {
            last = child.element()?.name
            switch last {
            case "dt": seenTerm = true
            case "dd": if !seenTerm { return false }
            default: return false
            }
        }
        return last != "dt"
    }

    /// A definition list that breaks its content model, as plain blocks: nothing is lost.
    private static func definitionListAsBlocks(_ list: ContentElement) -> ContentElement {
        var block = list
        block.name = "div"
        block.children = list.children.map { child in
            guard var element = child.element(), element.name == "dt" || element.name == "dd" else { return child }
            element.role = element.name == "dt" ? .definitionTerm : .definitionDescription
            element.name = "div"
            (element.classes, element.alignment) = ([], nil)  // what it was is all the block keeps
            return .element(element)
        }
        return block
    }

    /// Whether only whitespace stands before or after the node at `index`.
    private static func isAtEdge(_ index: Int, of nodes: [ContentNode]) -> Bool {
        let isBlankOrNothing = { (slice: ArraySlice<ContentNode>) in slice.allSatisfy(\.isBlank) }
        return isBlankOrNothing(nodes[..<index]) || isBlankOrNothing(nodes[(index + 1)...])
    }
}

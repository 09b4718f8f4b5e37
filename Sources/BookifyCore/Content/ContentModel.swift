/// Repairs what real-world HTML gets wrong about where elements may stand, so the XHTML
/// validates (EPUBCheck applies the HTML content models). Pure and structural: text is never
/// dropped, only the elements around it.
///
/// - Blocks inside phrasing-only elements (`<span><div>…`) are unwrapped.
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
        "dl": (["dt", "dd", "div"], ["dd"]),
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
            let children = repair(element.children, parent: element.name,
                                  phrasing: phrasing || phrasingOnly.contains(element.name),
                                  insideLink: insideLink || element.name == "a")
            element.children = requiredChildren[element.name].map { wrapStray(children, in: $0) } ?? children
            result.append(.element(element))
        }
        return result
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

    /// Whether only whitespace stands before or after the node at `index`.
    private static func isAtEdge(_ index: Int, of nodes: [XHTMLNode]) -> Bool {
        let isBlankOrNothing = { (slice: ArraySlice<XHTMLNode>) in
            slice.allSatisfy { if case .text(let text) = $0 { return text.allSatisfy(\.isWhitespace) } else { return false } }
        }
        return isBlankOrNothing(nodes[..<index]) || isBlankOrNothing(nodes[(index + 1)...])
    }
}

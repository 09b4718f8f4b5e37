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
    static let requiredChildren: [ElementKind: (allowed: Set<ElementKind>, wrapper: [ElementKind])] = [
        .ul: ([.li], [.li]),
        .ol: ([.li], [.li]),
        .table: ([.caption, .colgroup, .thead, .tbody, .tfoot, .tr], [.tr, .td]),
        .thead: ([.tr], [.tr, .td]),
        .tbody: ([.tr], [.tr, .td]),
        .tfoot: ([.tr], [.tr, .td]),
        .tr: ([.td, .th], [.td]),
    ]

    /// Table parts and where they may stand; elsewhere they are unwrapped.
    static let tableParents: [ElementKind: Set<ElementKind>] = [
        .caption: [.table], .colgroup: [.table], .col: [.colgroup, .table], .thead: [.table],
        .tbody: [.table], .tfoot: [.table], .tr: [.table, .thead, .tbody, .tfoot], .td: [.tr], .th: [.tr],
    ]

    static func repair(_ nodes: [ContentNode]) -> [ContentNode] {
        var repair = Repair()
        return repair.rewrite(nodes)
    }

    /// The pass, which knows where it is: the parent's kind, whether only phrasing content
    /// may stand here, and whether a link holds it.
    private struct Repair: ContentRewriter {
        /// The parent's kind; `nil` at the top, in the body.
        var parent: ElementKind?
        var phrasing = false
        var insideLink = false
        /// How deep the repaired tree is here, counting the wrappers added above.
        var depth = 0

        mutating func visitElement(_ original: ContentElement, into output: inout [ContentNode]) {
            let wrappers = parent.flatMap { requiredChildren[$0] }.map { $0.allowed.contains(original.kind) ? 0 : $0.wrapper.count } ?? 0
            // Unwrapped here, the children are repaired for the parent they now stand in.
            if depth + wrappers >= maximumDepth { rewrite(original.children, into: &output); return }
            var element = original
            if element.kind == .p, !phrasing, let pieces = splitAtBlocks(element) { rewrite(pieces, into: &output); return }
            if (phrasing && element.kind.isBlock) || (insideLink && element.kind == .a) {
                if element.kind != .hr { rewrite(element.children, into: &output) }
                return
            }
            if element.kind == .figcaption, parent != .figure || element.role == .strayCaption {
                element.kind = .p
                element.role = .strayCaption
            }
            if element.kind == .li, parent != .ul, parent != .ol { element.kind = .div }
            if element.kind == .dt || element.kind == .dd, parent != .dl, parent != .div { element.kind = .div }
            if let parents = tableParents[element.kind], !parents.contains(where: { $0 == parent }) { rewrite(element.children, into: &output); return }
            if element.kind == .dl, !isWellFormedDefinitionList(element) { element = definitionListAsBlocks(element) }
            if element.kind == .figure { element.children = markingStrayCaptions(element.children) }
            let saved = (parent, phrasing, insideLink, depth)
            (parent, phrasing, insideLink, depth) = (element.kind, phrasing || element.kind.holdsPhrasingOnly,
                                                     insideLink || element.kind == .a, depth + wrappers + 1)
            let children = rewrite(element.children)
            (parent, phrasing, insideLink, depth) = saved
            element.children = requiredChildren[element.kind].map { wrapStray(children, in: $0) } ?? children
            output.append(.element(element))
        }
    }

    /// A figure's captions that are neither first nor last in it, marked to become paragraphs.
    private static func markingStrayCaptions(_ children: [ContentNode]) -> [ContentNode] {
        children.indices.map { index in
            guard var caption = children[index].element(.figcaption), !isAtEdge(index, of: children) else {
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
            if element.kind.isBlock { return true }
            return element.kind == .a && element.children.contains { $0.element()?.kind.isBlock ?? false }
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
    private static func wrapStray(_ children: [ContentNode], in rule: (allowed: Set<ElementKind>, wrapper: [ElementKind])) -> [ContentNode] {
        var result: [ContentNode] = []
        var stray: [ContentNode] = []
        func flush() {
            guard stray.contains(where: { !$0.isBlank }) else { result += stray; stray = []; return }
            let wrapped = rule.wrapper.reversed().reduce(stray) { inner, kind in [.element(ContentElement(kind, children: inner))] }
            result += wrapped
            stray = []
        }
        for child in children {
            if let element = child.element(), rule.allowed.contains(element.kind) {
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
        var last: ElementKind?
        for child in list.children where !child.isBlank {
            last = child.element()?.kind
            switch last {
            case .dt: seenTerm = true
            case .dd: if !seenTerm { return false }
            default: return false
            }
        }
        return last != .dt
    }

    /// A definition list that breaks its content model, as plain blocks: nothing is lost.
    private static func definitionListAsBlocks(_ list: ContentElement) -> ContentElement {
        var block = list
        block.kind = .div
        block.children = list.children.map { child in
            guard var element = child.element(), element.kind == .dt || element.kind == .dd else { return child }
            element.role = element.kind == .dt ? .definitionTerm : .definitionDescription
            element.kind = .div
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

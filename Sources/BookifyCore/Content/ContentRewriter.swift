/// A pass over a post's body that may replace each node with any number of nodes, in the
/// spirit of swift-markdown's `MarkupRewriter`: a pass overrides the visits it cares about and
/// the defaults walk the rest of the tree. Every transformation of the content stage is one.
protocol ContentRewriter {
    /// Each visit appends what the node becomes to `output`: usually the node itself or one
    /// node in its place, sometimes none or several. (Returning an array per node cost an
    /// allocation for every node of every pass.)
    mutating func visitText(_ text: String, into output: inout [ContentNode])
    /// Default: the element with its children rewritten.
    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode])
    /// Default: the note with its children rewritten.
    mutating func visitNote(_ note: Note, into output: inout [ContentNode])
    /// Images, media, placeholders, tokens and checkboxes; default: kept.
    mutating func visitLeaf(_ node: ContentNode, into output: inout [ContentNode])
}

extension ContentRewriter {
    mutating func rewrite(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        result.reserveCapacity(nodes.count)
        rewrite(nodes, into: &result)
        return result
    }

    mutating func rewrite(_ nodes: [ContentNode], into output: inout [ContentNode]) {
        nodes.forEachInPlace { rewrite($0, into: &output) }
    }

    mutating func rewrite(_ node: ContentNode, into output: inout [ContentNode]) {
        switch node {
        case .text(let text): visitText(text, into: &output)
        case .element(let element): visitElement(element, into: &output)
        case .note(let note): visitNote(note, into: &output)
        case .image, .media, .placeholder, .token, .checkbox, .math: visitLeaf(node, into: &output)
        }
    }

    /// `nodes` rewritten, except the top-level blocks in which `matters` holds for no node,
    /// kept as they are: a pass with little to change (links, media) then copies little.
    mutating func rewrite(_ nodes: [ContentNode], skippingBlocksWithout matters: (ContentNode) -> Bool) -> [ContentNode] {
        var result: [ContentNode] = []
        result.reserveCapacity(nodes.count)
        nodes.forEachInPlace { node in
            if node.anyNode(where: matters) { rewrite(node, into: &result) } else { result.append(node) }
        }
        return result
    }

    /// The element with its children rewritten by this pass.
    mutating func descend(_ element: ContentElement) -> ContentElement {
        var copy = element
        copy.children = rewrite(element.children)
        return copy
    }

    mutating func visitText(_ text: String, into output: inout [ContentNode]) { output.append(.text(text)) }
    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) { output.append(.element(descend(element))) }
    mutating func visitLeaf(_ node: ContentNode, into output: inout [ContentNode]) { output.append(node) }

    mutating func visitNote(_ note: Note, into output: inout [ContentNode]) {
        var copy = note
        copy.children = rewrite(note.children)
        output.append(.note(copy))
    }
}

extension ContentNode {
    /// Whether `predicate` holds for this node or one inside it; stops at the first.
    func anyNode(where predicate: (ContentNode) -> Bool) -> Bool {
        if predicate(self) { return true }
        switch self {
        case .element(let element): return element.children.anyNode(where: predicate)
        case .note(let note): return note.children.anyNode(where: predicate)
        default: return false
        }
    }
}

extension Array where Element == ContentNode {
    /// Calls `body` on every node of the tree, parents before their children, in document order.
    func forEachNode(_ body: (ContentNode) -> Void) {
        forEachInPlace { node in
            body(node)
            switch node {
            case .element(let element): element.children.forEachNode(body)
            case .note(let note): note.children.forEachNode(body)
            default: break
            }
        }
    }

    /// Whether `predicate` holds for a node of the tree, at any depth; stops at the first.
    func anyNode(where predicate: (ContentNode) -> Bool) -> Bool {
        containsInPlace { $0.anyNode(where: predicate) }
    }

    /// Every element of the tree, in document order.
    var allElements: [ContentElement] {
        var elements: [ContentElement] = []
        forEachNode { if case .element(let element) = $0 { elements.append(element) } }
        return elements
    }

    /// Every `pre` of the tree, in document order. Paragraphs and other phrasing content, which
    /// hold none, are not searched.
    var codeBlocks: [ContentElement] {
        var blocks: [ContentElement] = []
        func search(_ nodes: [ContentNode]) {
            nodes.forEachInPlace { node in
                guard case .element(let element) = node else { return }
                if element.kind == .pre {
                    blocks.append(element)
                } else if !element.kind.holdsPhrasingOnly {
                    search(element.children)
                }
            }
        }
        search(self)
        return blocks
    }

    /// Every id the tree defines (elements and notes), in document order.
    var allIDs: [String] {
        var ids: [String] = []
        forEachNode { node in
            switch node {
            case .element(let element): if let id = element.id { ids.append(id) }
            case .note(let note): if let id = note.id { ids.append(id) }
            default: break
            }
        }
        return ids
    }
}

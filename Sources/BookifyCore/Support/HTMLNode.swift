/// A node of parsed HTML, as the parser found it: names lower-cased, attributes as written.
/// The content stage's sanitizer turns it into the book model (`ContentNode`); feed readers
/// take the text of titles from it.
enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(String)

    /// The concatenated text of the node and its descendants.
    var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(let element): return element.textContent
        }
    }
}

/// A parsed HTML element with its attributes in source order.
struct HTMLElement: Sendable {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [HTMLNode]

    init(_ name: String, attributes: [(name: String, value: String)] = [], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute `name`, if present.
    subscript(name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The concatenated text of all descendants.
    var textContent: String { children.map(\.textContent).joined() }
}

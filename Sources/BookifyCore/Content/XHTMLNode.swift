/// A node of a post's body: the one document model that both outputs use
/// (the EPUB writer serializes it, the PDF renderer lays it out).
public enum XHTMLNode: Sendable, Hashable {
    case element(XHTMLElement)
    case text(String)
}

/// An element in the XHTML namespace with its attributes in source order.
public struct XHTMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [XHTMLAttribute]
    public var children: [XHTMLNode]

    public init(_ name: String, attributes: [XHTMLAttribute] = [], children: [XHTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute `name`, if present.
    public subscript(name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            attributes.removeAll { $0.name == name }
            if let newValue { attributes.append(XHTMLAttribute(name, newValue)) }
        }
    }

    /// The concatenated text of all descendants.
    public var textContent: String { children.map(\.textContent).joined() }
}

public struct XHTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension XHTMLNode {
    /// The concatenated text of the node and its descendants.
    public var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(let element): return element.textContent
        }
    }
}

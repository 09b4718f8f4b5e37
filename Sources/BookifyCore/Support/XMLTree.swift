import Foundation

/// An XML element as feeds need it: qualified by namespace, with its attributes, children and
/// the source line, read with libxml2 (which honours the declared encoding, e.g. ISO-8859-1).
struct XMLTree: Sendable {
    var name: String
    /// The namespace URI, or "" for none.
    var namespace: String
    var attributes: [String: String]
    var children: [XMLNodeValue]
    var line: Int

    enum XMLNodeValue: Sendable {
        case element(XMLTree)
        case text(String)
    }

    typealias ParseError = LibXML2.ParseError

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The child elements, optionally only those named `name` (in `namespace`, when given).
    func elements(_ name: String? = nil, namespace: String? = nil) -> [XMLTree] {
        children.compactMap { child in
            guard case .element(let element) = child else { return nil }
            if let name, element.name != name { return nil }
            if let namespace, element.namespace != namespace { return nil }
            return element
        }
    }

    func first(_ name: String, namespace: String? = nil) -> XMLTree? {
        elements(name, namespace: namespace).first
    }

    /// The text of the element and its descendants.
    var text: String {
        children.map { child in
            switch child {
            case .text(let text): return text
            case .element(let element): return element.text
            }
        }.joined()
    }

    /// The text, trimmed; `nil` when empty.
    var trimmedText: String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The children written back as markup (Atom `type="xhtml"` content), namespaces dropped.
    var innerMarkup: String {
        children.map { child in
            switch child {
            case .text(let text): return XMLText.escape(text)
            case .element(let element): return element.outerMarkup
            }
        }.joined()
    }

    private var outerMarkup: String {
        let attributes = self.attributes.filter { !$0.key.contains(":") }.sorted { $0.key < $1.key }
            .map { " \($0.key)=\"\(XMLText.escape($0.value, quotes: true))\"" }.joined()
        return "<\(name)\(attributes)>\(innerMarkup)</\(name)>"
    }

    /// Deeper elements are flattened into their ancestor (their text stays): no feed or image
    /// nests this deep, and the recursive reading of the tree (and its release) must not
    /// exhaust the stack on hostile input.
    static let maximumDepth = 200

    /// Parses a whole document. External entities are never loaded (no XXE, no network).
    static func parse(_ bytes: [UInt8]) throws(ParseError) -> XMLTree {
        let root = try LibXML2.parseXML(MarkupGuard.cappingAttributes(bytes), maximumDepth: maximumDepth, text: XMLNodeValue.text) { element, children, _ in
            var attributes: [String: String] = [:]
            for attribute in element.attributes {
                let prefix = attribute.namespace.isEmpty ? "" : (attribute.namespace == xmlNamespace ? "xml" : attribute.namespace) + ":"
                attributes[prefix + attribute.name] = attribute.value
            }
            return [.element(XMLTree(name: element.name, namespace: element.namespace, attributes: attributes,
                                     children: children, line: element.line))]
        }
        guard case .element(let tree) = root else { throw ParseError(location: nil, message: "no root element") }
        return tree
    }
}

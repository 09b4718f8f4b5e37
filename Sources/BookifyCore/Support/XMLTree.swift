import CLibXML2
import Foundation

/// An XML element as feeds need it: qualified by namespace, with its attributes, children and
/// the source line, read with libxml2 (which honours the declared encoding, e.g. ISO-8859-1).
/// No libxml2 type leaves this file.
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

    struct ParseError: Error {
        var location: SourceLocation?
        var message: String
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Keeps the first error libxml2 reports while parsing.
    private final class FirstError {
        var error: ParseError?
    }

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

    /// Parses a whole document. External entities are never loaded (no XXE, no network).
    static func parse(_ bytes: [UInt8]) throws(ParseError) -> XMLTree {
        _ = HTMLParser()  // initializes libxml2 once
        // XML_PARSE_HUGE lifts the limits on text size and depth that large feeds exceed, but
        // also libxml2's guard against entity amplification ("billion laughs"): a document that
        // declares entities keeps the guard.
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        if !declaresEntities(bytes) { options |= Int32(XML_PARSE_HUGE.rawValue) }
        // libxml2 keeps only its last error ("premature end of data"); the first is the one to fix.
        let collector = FirstError()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let collector = Unmanaged<FirstError>.fromOpaque(context).takeUnretainedValue()
            if collector.error == nil {
                let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                collector.error = ParseError(location: SourceLocation(line: Int(error.pointee.line), column: max(1, Int(error.pointee.int2))),
                                             message: message ?? "not well-formed XML")
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let document else {
            throw collector.error ?? ParseError(location: nil, message: "not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw ParseError(location: nil, message: "no root element") }
        return convert(root)
    }

    /// Whether the document's prolog declares entities (`<!ENTITY`); only a DTD can, and it
    /// stands before the root element.
    private static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!ENTITY".utf8)
        guard let doctype = bytes.firstRange(of: Array("<!DOCTYPE".utf8)) else { return false }
        return bytes[doctype.upperBound...].firstRange(of: marker) != nil
    }

    /// Copies the tree without recursion so deep documents cannot exhaust the stack.
    private static func convert(_ root: xmlNodePtr) -> XMLTree {
        struct Frame {
            var node: xmlNodePtr
            var tree: XMLTree
            var next: xmlNodePtr?
        }
        var stack = [Frame(node: root, tree: shell(of: root), next: root.pointee.children)]
        while true {
            if let child = stack[stack.count - 1].next {
                stack[stack.count - 1].next = child.pointee.next
                switch child.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = xmlNodeGetContent(child) {
                        stack[stack.count - 1].tree.children.append(.text(String(cString: content)))
                        bookify_xmlFree(content)
                    }
                case XML_ELEMENT_NODE:
                    stack.append(Frame(node: child, tree: shell(of: child), next: child.pointee.children))
                default:
                    break
                }
                continue
            }
            let finished = stack.removeLast()
            if stack.isEmpty { return finished.tree }
            stack[stack.count - 1].tree.children.append(.element(finished.tree))
        }
    }

    /// An attribute's text. References to entities the document declares itself are left out,
    /// never expanded: a "billion laughs" value would take gigabytes (the parser already
    /// replaced the predefined ones and character references).
    private static func attributeValue(_ children: xmlNodePtr?) -> String {
        var value = ""
        var child = children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                value += String(cString: content)
            }
            child = current.pointee.next
        }
        return value
    }

    private static func shell(of node: xmlNodePtr) -> XMLTree {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let rawName = current.pointee.name {
                var key = String(cString: rawName)
                if let prefix = current.pointee.ns?.pointee.href.map({ String(cString: $0) }), !prefix.isEmpty {
                    key = (prefix == xmlNamespace ? "xml" : prefix) + ":" + key
                }
                attributes[key] = attributeValue(current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return XMLTree(name: name, namespace: namespace, attributes: attributes, children: [],
                       line: Int(xmlGetLineNo(node)))
    }
}

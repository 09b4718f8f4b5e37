import CLibXML2
import Foundation

/// Parses HTML as browsers would (libxml2's HTML parser) into `XHTMLNode`s.
///
/// No libxml2 type leaves this file. The tree is copied as it is, names lower-cased;
/// deciding what may stay is the sanitizer's job.
struct HTMLParser: Sendable {
    /// libxml2 2.9 predates these HTML5 void elements and nests the following content
    /// inside them; their children are moved back out (DESIGN §8).
    private static let voidElementsUnknownToLibxml2: Set<String> = ["source", "track", "wbr"]

    /// Deeper elements are flattened into their ancestor so hostile nesting cannot exhaust the
    /// stack of later, recursive stages. libxml2 itself stops at 256 levels without HUGE.
    static let maximumDepth = 200

    private static let initialized: Bool = {
        xmlInitParser()
        bookify_silenceLibxml2()
        return true
    }()

    init() { _ = Self.initialized }

    /// The children of `<body>` after parsing `html` as a fragment.
    func parseFragment(_ html: String) -> [XHTMLNode] {
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document = wrapped.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", options)
        }
        guard let document else { return [.text(html)] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = Self.findElement("body", under: root) else {
            return []
        }
        return Self.convertChildren(of: body, depth: 0)
    }

    private static func findElement(_ name: String, under node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(of: current) == name { return current }
            child = current.pointee.next
        }
        return nil
    }

    private static func convertChildren(of node: xmlNodePtr, depth: Int) -> [XHTMLNode] {
        var nodes: [XHTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            nodes.append(contentsOf: convert(current, depth: depth))
            child = current.pointee.next
        }
        return nodes
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> [XHTMLNode] {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return [.text(content(of: node))]
        case XML_ELEMENT_NODE:
            let name = name(of: node)
            let children = convertChildren(of: node, depth: depth + 1)
            if depth >= maximumDepth { return children }
            let element = XHTMLElement(name, attributes: attributes(of: node))
            if voidElementsUnknownToLibxml2.contains(name) {
                return [.element(element)] + children
            }
            var filled = element
            filled.children = children
            return [.element(filled)]
        default:
            return []  // comments, processing instructions
        }
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { bookify_xmlFree(text) }
        return String(cString: text)
    }

    private static func attributes(of node: xmlNodePtr) -> [XHTMLAttribute] {
        var result: [XHTMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let rawName = current.pointee.name {
                let name = String(cString: rawName).lowercased()
                var value = ""
                if let text = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                    value = String(cString: text)
                    bookify_xmlFree(text)
                }
                if !result.contains(where: { $0.name == name }) {
                    result.append(XHTMLAttribute(name, value))
                }
            }
            attribute = current.pointee.next
        }
        return result
    }
}

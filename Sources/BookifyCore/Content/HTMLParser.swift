import CLibXML2
import Foundation

/// Parses HTML as browsers would (libxml2's HTML parser) into `XHTMLNode`s.
///
/// No libxml2 type leaves this file. The tree is copied as it is, names lower-cased;
/// deciding what may stay is the sanitizer's job.
struct HTMLParser: Sendable {
    /// Void elements never have children, but libxml2 2.9 nests the content that follows some
    /// HTML5 ones (`source`, `track`, `wbr`, `embed`) inside them: it is moved back out (DESIGN §8).
    private static let voidElements = AllowList.voidElements.union(["param", "keygen"])

    /// Deeper elements are flattened into their ancestor (their text stays), so hostile nesting
    /// cannot exhaust the stack of the later, recursive stages.
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
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue
            | UInt32(XML_PARSE_HUGE.rawValue))
        let document = wrapped.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", options)
        }
        guard let document else { return [.text(html)] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = Self.findElement("body", under: root) else {
            return []
        }
        return Self.convertChildren(of: body)
    }

    private static func findElement(_ name: String, under node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(of: current) == name { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// Copies the subtree below `root` without recursion: hostile input may nest thousands
    /// of elements deep.
    private static func convertChildren(of root: xmlNodePtr) -> [XHTMLNode] {
        struct Frame {
            var node: xmlNodePtr
            var next: xmlNodePtr?
            var children: [XHTMLNode] = []
        }
        var stack = [Frame(node: root, next: root.pointee.children)]
        while true {
            if let child = stack[stack.count - 1].next {
                stack[stack.count - 1].next = child.pointee.next
                switch child.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    stack[stack.count - 1].children.append(.text(content(of: child)))
                case XML_ELEMENT_NODE:
                    stack.append(Frame(node: child, next: child.pointee.children))
                default:
                    break  // comments, processing instructions
                }
                continue
            }
            let finished = stack.removeLast()
            if stack.isEmpty { return finished.children }
            stack[stack.count - 1].children += nodes(for: finished.node, children: finished.children,
                                                     depth: stack.count)
        }
    }

    /// The nodes an element becomes once its children are converted.
    private static func nodes(for node: xmlNodePtr, children: [XHTMLNode], depth: Int) -> [XHTMLNode] {
        if depth > maximumDepth { return children }
        let name = name(of: node)
        let element = XHTMLElement(name, attributes: attributes(of: node))
        if voidElements.contains(name) { return [.element(element)] + children }
        return [.element(XHTMLElement(name, attributes: element.attributes, children: children))]
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

import CLibXML2
import Foundation

/// The one place that talks to libxml2: set-up, parsing HTML and XML, the first error, and
/// copying a parsed tree into Swift values. No libxml2 type leaves this file; the parsers
/// (`HTMLParser`, `XMLTree`, `XMLChecker`) see `LibXML2.Element` views only.
enum LibXML2 {
    /// The version loaded now; libxml2 gives it as digits, "20914" for 2.9.14.
    static var version: String {
        guard let digits = __xmlParserVersion()?.pointee, let number = Int(String(cString: digits)) else { return "unknown" }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    /// A parse failure: the first error libxml2 reported (it keeps only its last one, which
    /// is usually "premature end of data").
    struct ParseError: Error {
        var location: SourceLocation?
        var message: String
    }

    /// An element of a parsed document, readable while its document is being copied.
    struct Element {
        fileprivate let node: xmlNodePtr

        /// The local name as written.
        var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }
        /// The namespace URI, or "" for none.
        var namespace: String { node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }
        var line: Int { Int(xmlGetLineNo(node)) }

        /// The attributes in source order: local name, namespace URI ("" for none) and value.
        /// A value's references to entities the document declares itself are left out, never
        /// expanded: a "billion laughs" value would take gigabytes (the parser has already
        /// replaced the predefined entities and character references).
        var attributes: [(name: String, namespace: String, value: String)] {
            var result: [(String, String, String)] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name {
                    let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
                    result.append((String(cString: name), namespace, Self.text(of: current.pointee.children)))
                }
                attribute = current.pointee.next
            }
            return result
        }

        private static func text(of children: xmlNodePtr?) -> String {
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
    }

    private static let initialized: Bool = {
        xmlInitParser()
        bookify_silenceLibxml2()
        return true
    }()

    /// Initializes libxml2 once per process; every entry point below calls it first.
    static func initialize() { _ = initialized }

    /// Parses `html` as a browser would and copies the children of its `body`; `nil` when
    /// libxml2 could not parse it at all.
    static func parseHTMLBody<Node>(_ html: String, maximumDepth: Int, text: (String) -> Node,
                                    element: (Element, _ children: [Node], _ depth: Int) -> [Node]) -> [Node]? {
        initialize()
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue
            | UInt32(XML_PARSE_HUGE.rawValue))
        let document = wrapped.withCString { htmlReadMemory($0, Int32(strlen($0)), nil, "UTF-8", options) }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = child(named: "body", of: root) else { return [] }
        return copyChildren(of: body, maximumDepth: maximumDepth, text: text, element: element)
    }

    /// Parses a whole HTML page (head and body) and copies its root element's children;
    /// `encoding` is the charset the server named, else libxml2 reads the page's `<meta>`, else
    /// UTF-8. `nil` when libxml2 could not parse it at all.
    static func parseHTMLDocument<Node>(_ bytes: [UInt8], encoding: String?, maximumDepth: Int, text: (String) -> Node,
                                        element: (Element, _ children: [Node], _ depth: Int) -> [Node]) -> [Node]? {
        initialize()
        guard !bytes.isEmpty else { return [] }
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | UInt32(XML_PARSE_HUGE.rawValue))
        let charset = encoding ?? (declaresCharset(bytes) ? nil : "UTF-8")
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, charset, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        return copyChildren(of: root, maximumDepth: maximumDepth, text: text, element: element)
    }

    /// Whether the page names its charset in its first kilobytes (`<meta charset>` or
    /// `http-equiv`), which libxml2 then honours.
    private static func declaresCharset(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =")
    }

    /// Parses a whole XML document and copies its root element. External entities are never
    /// loaded (no XXE, no network).
    static func parseXML<Node>(_ bytes: [UInt8], maximumDepth: Int, text: (String) -> Node,
                               element: (Element, _ children: [Node], _ depth: Int) -> [Node]) throws(ParseError) -> Node {
        initialize()
        // XML_PARSE_HUGE lifts the limits on text size and depth that large feeds exceed, but
        // also libxml2's guard against entity amplification: a document that declares entities
        // keeps the guard.
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        if !declaresEntities(bytes) { options |= Int32(XML_PARSE_HUGE.rawValue) }
        let document = try withFirstError { () -> xmlDocPtr? in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw ParseError(location: nil, message: "no root element") }
        let copied = element(Element(node: root), copyChildren(of: root, maximumDepth: maximumDepth, text: text, element: element), 0)
        guard let first = copied.first else { throw ParseError(location: nil, message: "no root element") }
        return first
    }

    /// The first well-formedness error of `xml`, or `nil` when it is well-formed. Parsed with
    /// SAX callbacks that do nothing: no tree is built (every page of a book is checked).
    static func wellFormednessError(_ xml: String) -> ParseError? {
        initialize()
        var handler = xmlSAXHandler()
        let (status, error) = collectingFirstError {
            xml.withCString { xmlSAXUserParseMemory(&handler, nil, $0, Int32(strlen($0))) }
        }
        return status == 0 ? nil : error ?? ParseError(location: nil, message: "not well-formed XML")
    }

    /// Runs `parse`, failing with the first error libxml2 reports when it gives no document.
    private static func withFirstError(_ parse: () -> xmlDocPtr?) throws(ParseError) -> xmlDocPtr {
        let (document, error) = collectingFirstError(parse)
        guard let document else { throw error ?? ParseError(location: nil, message: "not well-formed XML") }
        return document
    }

    /// Runs `parse` collecting the first error libxml2 reports (on this thread).
    private static func collectingFirstError<Result>(_ parse: () -> Result) -> (result: Result, error: ParseError?) {
        let collector = FirstParseError()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let collector = Unmanaged<FirstParseError>.fromOpaque(context).takeUnretainedValue()
            guard collector.error == nil else { return }
            // Its first line: some messages go on to dump the offending bytes.
            let message = error.pointee.message.map { String(cString: $0) }?
                .split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
            collector.error = ParseError(location: SourceLocation(line: Int(error.pointee.line), column: max(1, Int(error.pointee.int2))),
                                         message: message ?? "not well-formed XML")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let result = withExtendedLifetime(collector, parse)
        return (result, collector.error)
    }

    /// Whether the document's prolog declares entities (`<!ENTITY`); only a DTD can, and it
    /// stands before the root element.
    private static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        guard let doctype = bytes.firstRange(of: Array("<!DOCTYPE".utf8)) else { return false }
        return bytes[doctype.upperBound...].firstRange(of: Array("<!ENTITY".utf8)) != nil
    }

    private static func child(named name: String, of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Element(node: current).name.lowercased() == name { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// Copies the subtree below `root` without recursion: hostile input may nest thousands of
    /// elements deep. `element` gets each element with its copied children and its depth below
    /// `root` (1 for a child of `root`), and returns what stands for it.
    ///
    /// Elements deeper than `maximumDepth` are flattened into their ancestor at that depth:
    /// their text stays, in order, but they stand for nothing, so no later (recursive) stage
    /// meets a deep tree. Their content goes straight into that ancestor, which keeps the copy
    /// linear in the size of the document however deep it nests.
    private static func copyChildren<Node>(of root: xmlNodePtr, maximumDepth: Int, text: (String) -> Node,
                                           element: (Element, [Node], Int) -> [Node]) -> [Node] {
        // Each open element within the depth limit: the node, its next child to copy, and its
        // children copied so far. Below the limit, `flattened` holds the next node to visit in
        // each open element that is being flattened.
        var stack: [(node: xmlNodePtr, next: xmlNodePtr?, children: [Node])] = [(root, root.pointee.children, [])]
        var flattened: [xmlNodePtr?] = []
        while true {
            let last = stack.count - 1
            // The next node to copy: in the innermost flattened element if any, else in the
            // innermost open one.
            let next = flattened.last ?? stack[last].next
            guard let child = next else {
                if !flattened.isEmpty {
                    flattened.removeLast()
                    continue
                }
                let finished = stack.removeLast()
                if stack.isEmpty { return finished.children }
                stack[stack.count - 1].children += element(Element(node: finished.node), finished.children, stack.count)
                continue
            }
            if flattened.isEmpty { stack[last].next = child.pointee.next } else { flattened[flattened.count - 1] = child.pointee.next }
            switch child.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(child) {
                    stack[last].children.append(text(String(cString: content)))
                    bookify_xmlFree(content)
                }
            case XML_ELEMENT_NODE where stack.count > maximumDepth:
                flattened.append(child.pointee.children)
            case XML_ELEMENT_NODE:
                stack.append((child, child.pointee.children, []))
            default:
                break  // comments, processing instructions
            }
        }
    }
}

/// Where libxml2's error callback keeps the first error of a parse.
private final class FirstParseError {
    var error: LibXML2.ParseError?
}

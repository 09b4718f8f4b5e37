import CLibXML2
import Foundation

/// Checks that generated markup is well-formed XML before it goes into a book, so a broken
/// user template fails the build instead of producing a book readers reject.
enum XMLChecker {
    struct Problem: Error {
        var location: SourceLocation?
        var message: String
    }

    static func check(_ xml: String) -> Problem? {
        _ = HTMLParser()  // initializes libxml2 once
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withCString { pointer in
            xmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", options)
        }
        if let document {
            xmlFreeDoc(document)
            return nil
        }
        guard let error = xmlGetLastError() else { return Problem(location: nil, message: "not well-formed") }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
        return Problem(location: SourceLocation(line: Int(error.pointee.line), column: Int(error.pointee.int2)),
                       message: message ?? "not well-formed")
    }
}

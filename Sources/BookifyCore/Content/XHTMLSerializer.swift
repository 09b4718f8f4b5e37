/// Writes `XHTMLNode`s as XHTML 5 markup (well-formed XML).
public enum XHTMLSerializer {
    public static func serialize(_ nodes: [XHTMLNode]) -> String {
        var output = ""
        for node in nodes { write(node, to: &output) }
        return output
    }

    private static func write(_ node: XHTMLNode, to output: inout String) {
        switch node {
        case .text(let text):
            output += XMLText.escape(text)
        case .element(let element):
            output += "<" + element.name
            for attribute in element.attributes {
                output += " \(attribute.name)=\"\(XMLText.escape(attribute.value, quotes: true))\""
                // EPUB readers read `xml:lang`; both must agree.
                if attribute.name == "lang" {
                    output += " xml:lang=\"\(XMLText.escape(attribute.value, quotes: true))\""
                }
            }
            if AllowList.voidElements.contains(element.name) {
                output += "/>"
                return
            }
            output += ">"
            for child in element.children { write(child, to: &output) }
            output += "</\(element.name)>"
        }
    }
}

/// Escaping for XML text and attribute values.
public enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 forbids (C0 controls other than
    /// tab, newline and carriage return; U+FFFE and U+FFFF).
    public static func escape(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{7F}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

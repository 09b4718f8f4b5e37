@testable import BookifyCore

/// Queries a test makes of parsed markup, so that it checks structure rather than substrings.
extension XMLTree {
    /// Every descendant element named `name`, in document order.
    func descendants(_ name: String) -> [XMLTree] {
        elements().flatMap { child in (child.name == name ? [child] : []) + child.descendants(name) }
    }

    /// The classes of the element's `class` attribute.
    var classes: [String] {
        (attributes["class"] ?? "").split(separator: " ").map(String.init)
    }

    func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// The element's `epub:type` (the parsed tree names the attribute by its namespace).
    var epubType: String? { attributes["http://www.idpf.org/2007/ops:type"] }

    /// The text directly inside the element, before its first child element.
    var leadingText: String {
        var text = ""
        for child in children {
            guard case .text(let part) = child else { break }
            text += part
        }
        return text
    }
}

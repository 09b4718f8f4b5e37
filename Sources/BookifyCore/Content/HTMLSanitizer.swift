import Foundation

/// Reduces parsed HTML to the XHTML5 subset that EPUB accepts (DESIGN §4).
///
/// Pure: the same nodes and context give the same result. Elements outside the allow-list are
/// unwrapped (their text stays) or, for active content, removed whole; attributes are
/// filtered; links are resolved against the post's URL; media become `MediaReference` markers
/// for the asset stage.
struct HTMLSanitizer: Sendable {
    /// The post's own URL, against which relative links and image paths resolve.
    var baseURL: URL?
    /// The posts of the book, whose links stay inside it.
    var bookLinks = BookLinks()
    /// The document being sanitized.
    var documentID = ""

    func sanitize(_ nodes: [XHTMLNode]) -> [XHTMLNode] {
        nodes.flatMap(sanitize)
    }

    private func sanitize(_ node: XHTMLNode) -> [XHTMLNode] {
        switch node {
        case .text(let text):
            return [.text(text)]
        case .element(let element):
            return sanitize(element)
        }
    }

    private func sanitize(_ element: XHTMLElement) -> [XHTMLNode] {
        let name = AllowList.renamed[element.name] ?? element.name
        if AllowList.media.contains(name) {
            if let emoji = Self.emojiText(of: element) { return [.text(emoji)] }
            if MediaReference.isTrackingPixel(element) { return [] }
            return [.element(MediaReference(html: element, baseURL: baseURL).marker)]
        }
        if name == "input" {
            return taskListCheckbox(element).map { [.element($0)] } ?? []
        }
        if AllowList.droppedWithContent.contains(name) { return [] }
        let children = sanitize(element.children)
        guard AllowList.elements.contains(name) else { return children }
        var clean = XHTMLElement(name, attributes: attributes(of: element, as: name), children: children)
        if name == "a" {
            clean["href"] = element["href"].flatMap(resolvedLink)
            // An old-style named anchor (`<a name="note1">`) is a fragment target like an id.
            if clean["id"] == nil, let anchor = element["name"], !anchor.isEmpty { clean["id"] = anchor }
        }
        if name == "li", Self.startsWithCheckbox(clean) {
            clean["class"] = ((clean["class"].map { $0 + " " }) ?? "") + "task-list-item"
        }
        return [.element(clean)]
    }

    /// The allowed attributes, with presentational ones turned into classes.
    private func attributes(of element: XHTMLElement, as name: String) -> [XHTMLAttribute] {
        var classes = element["class"].map { $0.split(separator: " ").map(String.init) } ?? []
        if let alignment = textAlignment(of: element) { classes.append("align-\(alignment)") }
        var kept: [XHTMLAttribute] = []
        for attribute in element.attributes where attribute.name != "href" && attribute.name != "class" {
            guard AllowList.allows(attribute: attribute.name, on: name) else { continue }
            if attribute.name == "dir", !["ltr", "rtl", "auto"].contains(attribute.value.lowercased()) { continue }
            kept.append(XHTMLAttribute(attribute.name, attribute.value))
        }
        let safeClasses = classes.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            .filter { !$0.isEmpty }
        if !safeClasses.isEmpty { kept.append(XHTMLAttribute("class", safeClasses.joined(separator: " "))) }
        return kept
    }

    /// `align="center"` or `style="text-align: center"` (cmark-gfm's table cells).
    private func textAlignment(of element: XHTMLElement) -> String? {
        let candidates = [element["align"], element["style"].flatMap { style in
            style.range(of: #"text-align:\s*[a-z]+"#, options: .regularExpression).map {
                String(style[$0].split(separator: ":")[1]).trimmingCharacters(in: .whitespaces)
            }
        }]
        let allowed: Set<String> = ["left", "center", "right", "justify"]
        return candidates.compactMap { $0?.lowercased() }.first(where: allowed.contains)
    }

    /// An image that only draws an emoji (WordPress `wp-smiley`, Twemoji) is its alt text.
    private static func emojiText(of image: XHTMLElement) -> String? {
        guard image.name == "img", let alt = image["alt"], !alt.isEmpty, alt.count <= 3,
              alt.unicodeScalars.allSatisfy({ $0.properties.isEmoji || $0.value == 0xFE0F || $0.value == 0x200D }),
              alt.unicodeScalars.contains(where: { $0.value > 0xFF }) else { return nil }
        return alt
    }

    private static func startsWithCheckbox(_ item: XHTMLElement) -> Bool {
        for child in item.children {
            switch child {
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            case .element(let element) where element.name == "input": return true
            case .element(let element) where element.name == "p": return startsWithCheckbox(element)
            default: return false
            }
        }
        return false
    }

    /// GFM task-list items keep their box, disabled; every other form control goes.
    private func taskListCheckbox(_ element: XHTMLElement) -> XHTMLElement? {
        guard element["type"]?.lowercased() == "checkbox" else { return nil }
        var box = XHTMLElement("input", attributes: [XHTMLAttribute("type", "checkbox")])
        if element["checked"] != nil { box["checked"] = "checked" }
        box["disabled"] = "disabled"
        box["class"] = "task-list-item-checkbox"
        return box
    }

    /// A link target the book may hold: an in-document fragment, or an absolute http(s) or
    /// mailto URL (relative links resolved against the post); `nil` for anything else.
    func resolvedLink(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        if trimmed.hasPrefix("#") { return trimmed.count > 1 ? trimmed : nil }
        guard let url = LinkURL.parse(trimmed, relativeTo: baseURL),
              let scheme = url.scheme?.lowercased(), AllowList.linkSchemes.contains(scheme) else { return nil }
        if let target = bookLinks.document(for: url) {
            return inBookLink(to: target.id, fragment: target.isPost ? nil : url.fragment)
        }
        return url.absoluteString
    }
}

extension HTMLSanitizer {
    /// A link to another post of the book: its document, and the id the fragment will have
    /// there (ids are prefixed per document, see `IdentifierScope`). A fragment in this very
    /// document stays a bare fragment, renamed with the rest.
    private func inBookLink(to target: String, fragment: String?) -> String {
        let fragment = fragment.flatMap { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 }
        if target == documentID { return fragment.map { "#" + $0 } ?? target + ".xhtml" }
        guard let fragment else { return target + ".xhtml" }
        return target + ".xhtml#" + IdentifierScope.scopedID(fragment, prefix: target)
    }
}

/// Parsing of URLs as written in real HTML (spaces, unencoded characters).
enum LinkURL {
    static func parse(_ raw: String, relativeTo base: URL?) -> URL? {
        let candidate = URL(string: raw, relativeTo: base)
            ?? raw.addingPercentEncoding(withAllowedCharacters: .urlAllowed).flatMap { URL(string: $0, relativeTo: base) }
        guard let absolute = candidate?.absoluteURL, absolute.scheme != nil else { return nil }
        // A web URL needs a host that is a real name ("http:foo" and "http://../" are not).
        if let scheme = absolute.scheme?.lowercased(), scheme == "http" || scheme == "https",
           !isValidHost(absolute.host) {
            return nil
        }
        return absolute
    }

    /// A DNS name (letters, digits, hyphens; international names allowed), IPv4 or IPv6 address.
    static func isValidHost(_ host: String?) -> Bool {
        guard var host, !host.isEmpty else { return false }
        if host.hasPrefix("[") || host.contains(":") { return host.allSatisfy { $0.isHexDigit || ":.[]".contains($0) } }
        if host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}

extension CharacterSet {
    /// Characters that may stand unencoded somewhere in a URL.
    static let urlAllowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(.urlFragmentAllowed)
        .union(CharacterSet(charactersIn: "%#"))
}

import Foundation

/// Reduces parsed HTML to the XHTML5 subset that EPUB accepts (ARCHITECTURE §4).
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

    func sanitize(_ nodes: [HTMLNode]) -> [ContentNode] {
        var output: [ContentNode] = []
        output.reserveCapacity(nodes.count)
        nodes.forEachInPlace { sanitize($0, into: &output) }
        return output
    }

    /// Appends what `node` becomes (nothing, itself cleaned, or its children) to `output`.
    private func sanitize(_ node: HTMLNode, into output: inout [ContentNode]) {
        switch node {
        case .text(let text): output.append(.text(XMLText.withoutForbiddenCharacters(text)))
        case .element(let element): sanitize(element, into: &output)
        }
    }

    private func sanitize(_ element: HTMLElement, into output: inout [ContentNode]) {
        let name = AllowList.renamed[element.name] ?? element.name
        if AllowList.media.contains(name) {
            if let emoji = Self.emojiText(of: element) {
                output.append(.text(emoji))
            } else if !MediaReference.isTrackingPixel(element) {
                output.append(.media(MediaReference(html: element, baseURL: baseURL)))
            }
            return
        }
        if name == "input" {
            if element["type"]?.lowercased() == "checkbox" { output.append(.checkbox(checked: element["checked"] != nil)) }
            return
        }
        if let formula = HTMLMath.formula(element) { output.append(.math(formula)); return }
        if AllowList.droppedWithContent.contains(name) { return }
        let children = sanitize(element.children)
        guard let kind = ElementKind(tagName: name) else { output += children; return }
        var clean = ContentElement(kind, children: children)
        keepAttributes(of: element, in: &clean)
        if kind == .a {
            clean.link = element["href"].flatMap(resolvedLink)
            // An old-style named anchor (`<a name="note1">`) is a fragment target like an id.
            if clean.id == nil, let anchor = element["name"], !anchor.isEmpty { clean.id = anchor }
        }
        if kind == .li, Self.startsWithCheckbox(clean) { clean.role = .taskItem }
        output.append(.element(clean))
    }

    /// The allowed attributes, with those that mean something to the book turned into data
    /// (id, span, alignment; the link and classes are read separately).
    private func keepAttributes(of element: HTMLElement, in clean: inout ContentElement) {
        for attribute in element.attributes {
            switch attribute.name {
            case "id": clean.id = attribute.value
            case "colspan" where clean.kind.isTableCell, "rowspan" where clean.kind.isTableCell:
                guard let count = Int(attribute.value.trimmingCharacters(in: .whitespaces)), count > 0 else { continue }
                var span = clean.span ?? CellSpan(columns: nil, rows: nil)
                if attribute.name == "colspan" { span.columns = count } else { span.rows = count }
                clean.span = span
            case "dir" where !["ltr", "rtl", "auto"].contains(attribute.value.lowercased()): continue
            default:
                guard let name = AttributeName(rawValue: attribute.name), name.isAllowed(on: clean.kind) else { continue }
                clean.attributes.append(ContentAttribute(name, attribute.value))
            }
        }
        clean.classes = (element["class"].map { $0.split(separator: " ").map(String.init) } ?? [])
            .map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            .filter { !$0.isEmpty }
        clean.alignment = textAlignment(of: element)
    }

    /// `align="center"` or `style="text-align: center"` (cmark-gfm's table cells).
    private func textAlignment(of element: HTMLElement) -> TextAlignment? {
        let candidates = [element["align"], element["style"].flatMap { style in
            style.range(of: #"text-align:\s*[a-z]+"#, options: .regularExpression).map {
                String(style[$0].split(separator: ":")[1]).trimmingCharacters(in: .whitespaces)
            }
        }]
        return candidates.compactMap { $0.flatMap { TextAlignment(rawValue: $0.lowercased()) } }.first
    }

    /// An image that only draws an emoji (WordPress `wp-smiley`, Twemoji) is its alt text.
    private static func emojiText(of image: HTMLElement) -> String? {
        guard image.name == "img", let alt = image["alt"], !alt.isEmpty, alt.count <= 3,
              alt.unicodeScalars.allSatisfy({ $0.properties.isEmoji || $0.value == 0xFE0F || $0.value == 0x200D }),
              alt.unicodeScalars.contains(where: { $0.value > 0xFF }) else { return nil }
        return alt
    }

    private static func startsWithCheckbox(_ item: ContentElement) -> Bool {
        for child in item.children {
            switch child {
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            case .checkbox: return true
            case .element(let element) where element.kind == .p: return startsWithCheckbox(element)
            default: return false
            }
        }
        return false
    }

    /// A link target the book may hold: a fragment of this post (the id as written, to be
    /// scoped with the post's ids), another post of the book, or an absolute http(s) or mailto
    /// URL (relative links resolved against the post); `nil` for anything else.
    func resolvedLink(_ raw: String) -> LinkTarget? {
        let trimmed = raw.trimmed { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
        if trimmed.hasPrefix("#") { return trimmed.count > 1 ? .post(documentID, anchor: String(trimmed.dropFirst())) : nil }
        guard let url = LinkURL.parse(trimmed, relativeTo: baseURL), LinkURL.isLinkable(url) else { return nil }
        if let target = bookLinks.document(for: url) {
            return inBookLink(to: target.id, fragment: target.isPost ? nil : url.fragment)
        }
        return .external(url.absoluteString)
    }
}

extension HTMLSanitizer {
    /// A link to another post of the book: its document, and the id the fragment will have
    /// there (ids are prefixed per document, see `IdentifierScope`). A fragment in this very
    /// document stays as written, scoped with the rest.
    private func inBookLink(to target: String, fragment: String?) -> LinkTarget {
        let fragment = fragment.flatMap { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 }
        if target == documentID { return .post(target, anchor: fragment) }
        return .post(target, anchor: fragment.map { IdentifierScope.scopedID($0, prefix: target) })
    }
}

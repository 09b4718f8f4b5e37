import Foundation

/// What a post shows in place of media that is not in the book: what it showed, in words,
/// why it is missing, and a link to the original; never a broken reference (DESIGN §5).
struct MediaPlaceholder {
    static let className = "media-placeholder"

    var reference: MediaReference

    /// A figure, for media that stood alone in its paragraph.
    var figure: XHTMLElement {
        XHTMLElement("figure", attributes: [XHTMLAttribute("class", Self.className)],
                     children: [.element(XHTMLElement("figcaption", children: content(linked: true)))])
    }

    /// A span, for media inside running text; inside a link it adds no link of its own.
    func inline(insideLink: Bool) -> XHTMLElement {
        XHTMLElement("span", attributes: [XHTMLAttribute("class", Self.className)],
                     children: [.text("[")] + content(linked: !insideLink) + [.text("]")])
    }

    private func content(linked: Bool) -> [XHTMLNode] {
        let what: String
        let action: String
        switch reference.kind {
        case .image: (what, action) = ("image not available", "view the original")
        case .video: (what, action) = ("video not included", "watch it online")
        case .audio: (what, action) = ("audio not included", "listen online")
        }
        var nodes: [XHTMLNode] = [.text("\(reference.description) (\(what))")]
        if linked, let url = reference.webURL {
            nodes += [.text(" "), .element(XHTMLElement("a", attributes: [XHTMLAttribute("href", url.absoluteString)],
                                                        children: [.text(action)]))]
        }
        return nodes
    }
}

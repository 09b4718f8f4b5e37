/// Writes a post's body (the book model) as the XHTML 5 of an EPUB page: roles become classes,
/// notes EPUB 3 pop-up footnotes, code tokens `tok-KIND` spans the stylesheet colours, images
/// files under `images/`, and links the file and fragment of the page holding their target.
struct XHTMLWriter {
    /// The post the page belongs to: links to its own ids may stay bare fragments.
    let documentID: String
    /// The `href` a link target gets on this page.
    let href: (LinkTarget) -> String
    /// The `src` of an embedded image on this page.
    let imageSource: (ImageUse) -> String
    /// How wide text diagrams are stored: SVG, or PNG for devices that show no SVG.
    var diagramFormat = ImageType.svg
    /// Formulas drawn as images, for a device that shows no MathML; the others are MathML.
    var mathImages = MathImages()

    func serialize(_ nodes: [ContentNode]) -> String {
        var output = XHTMLOutput()
        nodes.forEachInPlace { write($0, to: &output) }
        return output.text
    }

    private func write(_ node: ContentNode, to output: inout XHTMLOutput) {
        switch node {
        case .text(let text):
            output.escaped(text)
        case .element(let element):
            write(element, to: &output)
        case .image(let image):
            output += "<img src=\""
            output.escaped(imageSource(image), quotes: true)
            output += "\" alt=\""
            output.escaped(image.alt, quotes: true)
            output += "\"/>"
        case .token(let token):
            guard let kind = token.kind else { output.escaped(token.text); return }
            output += "<span class=\"tok-"
            output.append(kind.rawValue)
            output += "\">"
            output.escaped(token.text)
            output += "</span>"
        case .checkbox(let checked):
            output += "<input type=\"checkbox\""
            if checked { output += " checked=\"checked\"" }
            output += " disabled=\"disabled\" class=\"task-list-item-checkbox\"/>"
        case .note(let note):
            write(note, to: &output)
        case .math(let formula):
            if let images = mathImages[formula] {
                MathImages.element(for: formula, images, sourcePrefix: "../", to: &output)
            } else {
                MathMLWriter.write(formula, to: &output)
            }
        case .placeholder(let placeholder):
            write(placeholder, to: &output)
        case .media(let reference):
            // The asset stage replaces every reference; one left over shows as its placeholder.
            write(MediaPlaceholder(reference: reference, layout: .inline), to: &output)
        }
    }

    private func write(_ element: ContentElement, to output: inout XHTMLOutput) {
        if element.kind == .pre, DiagramImage.isImage(element) {
            output.append(DiagramImage.imageElement(for: element, source: "../" + DiagramImage.path(of: element, format: diagramFormat)))
            return
        }
        if element.kind == .table {
            switch TableFallback.layout(of: element) {
            case .table: writeTag(element, to: &output)
            case .compact:
                var compact = element
                compact.classes.append("table-compact")
                writeTag(compact, to: &output)
            case .records:
                write(TableFallback.records(of: element), to: &output)
            }
            return
        }
        writeTag(element, to: &output)
    }

    /// The element with its content, as it is.
    private func writeTag(_ element: ContentElement, to output: inout XHTMLOutput) {
        writeStartTag(element, to: &output)
        guard !element.kind.isVoid else { return }
        if element.kind == .pre, !element.isDiagram {
            writeCode(element.children, to: &output)
        } else {
            element.children.forEachInPlace { write($0, to: &output) }
        }
        output += "</"
        output.append(element.kind.tagName)
        output += ">"
    }

    /// `<name attributes…>`, or `<name attributes…/>` for a void element.
    private func writeStartTag(_ element: ContentElement, to output: inout XHTMLOutput) {
        output += "<"
        output.append(element.kind.tagName)
        if element.role == .noteReference { output += " epub:type=\"noteref\" role=\"doc-noteref\"" }
        for attribute in element.attributes {
            output.attribute(attribute.name.rawValue, attribute.value)
            // EPUB readers read `xml:lang`; both must agree.
            if attribute.name == .lang { output.attribute("xml:lang", attribute.value) }
        }
        if let columns = element.span?.columns { output.attribute("colspan", String(columns)) }
        if let rows = element.span?.rows { output.attribute("rowspan", String(rows)) }
        let classes = Self.classes(of: element)
        if !classes.isEmpty { output.attribute("class", classes.joined(separator: " ")) }
        // A fragment of this very post is written after the id, any other target before it.
        let link = element.link.map { (href: href($0), local: isLocalFragment($0)) }
        if let link, !link.local { output.attribute("href", link.href) }
        if let id = element.id { output.attribute("id", id) }
        if let link, link.local { output.attribute("href", link.href) }
        output += element.kind.isVoid ? "/>" : ">"
    }

    /// A code block's content a line at a time: a line that wraps hangs at its own indentation
    /// plus two columns (DejaVu Sans Mono's columns are 0.6em), so the code's shape stays.
    private func writeCode(_ nodes: [ContentNode], to output: inout XHTMLOutput) {
        let significant = nodes.filter { !$0.isBlank }
        if significant.count == 1, case .element(let code) = significant[0], code.kind == .code {
            writeStartTag(code, to: &output)
            writeCode(code.children, to: &output)
            output += "</code>"
            return
        }
        for line in CodeLines.split(nodes) {
            let tenths = (CodeLines.indentation(of: line) + 2) * 6
            let hang = "\(tenths / 10).\(tenths % 10)em"
            output += "<span class=\"code-line\" style=\"padding-left: "
            output.append(hang)
            output += "; text-indent: -"
            output.append(hang)
            output += "\">"
            line.forEachInPlace { write($0, to: &output) }
            output += "\n</span>"
        }
    }

    private func isLocalFragment(_ target: LinkTarget) -> Bool {
        if case .post(documentID, _?) = target { return true }
        return false
    }

    /// A note as an EPUB 3 footnote, its number before its text.
    private func write(_ note: Note, to output: inout XHTMLOutput) {
        output += "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\""
        if let id = note.id { output.attribute("id", id) }
        output += ">"
        let label = ContentNode.element(ContentElement(.span, classes: ["footnote-label"], children: [.text("\(note.number). ")]))
        var children = note.children
        if let first = children.firstIndex(where: { $0.element(.p) != nil }), case .element(var paragraph) = children[first] {
            paragraph.children.insert(label, at: 0)
            children[first] = .element(paragraph)
        } else {
            children.insert(label, at: 0)
        }
        children.forEachInPlace { write($0, to: &output) }
        output += "</aside>"
    }

    /// A quiet label in one piece: the description (a link to the original when there is one);
    /// a figure also says why the media is missing.
    private func write(_ placeholder: MediaPlaceholder, to output: inout XHTMLOutput) {
        let original = placeholder.original?.absoluteString
        switch placeholder.layout {
        case .figure:
            output += "<p class=\"media-placeholder\">"
            output.escaped(placeholder.label)
            if let original {
                output += " · "
                output.link(to: original, text: placeholder.action)
            }
            output += "</p>"
        case .inline:
            if let original {
                output.link(to: original, text: placeholder.description, className: "media-placeholder")
            } else {
                output += "<span class=\"media-placeholder\">"
                output.escaped(placeholder.description)
                output += "</span>"
            }
        }
    }

    /// The author's classes, the alignment, and what the element's role looks like.
    private static func classes(of element: ContentElement) -> [String] {
        var classes = element.classes
        if let alignment = element.alignment { classes.append("align-\(alignment.rawValue)") }
        switch element.role {
        case .taskItem: classes.append("task-list-item")
        case .imageFigure: classes.append("image")
        case .leadImage: classes.append("lead-image")
        case .strayCaption: classes.append("caption")
        case .definitionTerm: classes.append("dt")
        case .definitionDescription: classes.append("dd")
        case .diagram:
            classes.append("diagram")
        case .noteReference, nil: break
        }
        return classes
    }

}

/// The UTF-8 bytes of a page being written: markup appended as is, text escaped on the way in.
struct XHTMLOutput {
    private var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    static func += (output: inout XHTMLOutput, markup: StaticString) {
        markup.withUTF8Buffer { output.bytes.append(contentsOf: $0) }
    }

    /// Markup (or text known to need no escaping) as it is.
    mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func escaped(_ text: String, quotes: Bool = false) {
        XMLText.appendEscaped(text, quotes: quotes, to: &bytes)
    }

    /// `<a class="…" href="…">text</a>`, all escaped.
    mutating func link(to href: String, text: String, className: String? = nil) {
        self += "<a"
        if let className { attribute("class", className) }
        attribute("href", href)
        self += ">"
        escaped(text)
        self += "</a>"
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        bytes.append(contentsOf: name.utf8)
        self += "=\""
        escaped(value, quotes: true)
        bytes.append(0x22)
    }
}

/// Replaces a post's media references with what the book has for them: the embedded image
/// (alone in its paragraph: a figure, with its title as caption), else a placeholder; a lead
/// image that cannot be had leaves nothing. Collects the references that failed.
struct MediaEmbedding: ContentRewriter {
    let location: PostLocation
    let loaded: MediaLoader.Loaded
    var library: ImageLibrary
    var failures: [(reference: String, failure: AssetFailure)] = []
    private var insideLink = false

    init(location: PostLocation, loaded: MediaLoader.Loaded, library: ImageLibrary) {
        self.location = location
        self.loaded = loaded
        self.library = library
    }

    /// The image requests a post's media `references` make.
    static func requests(for references: [MediaReference], at location: PostLocation) -> [MediaLoader.Request] {
        references.filter { $0.kind == .image }.map { MediaLoader.Request(source: $0.source, location: location) }
    }

    /// `body` with its media replaced. A picture that cannot be had at the very top of a post
    /// (its hero image) leaves nothing: the post's footer links to the original post.
    mutating func embed(_ body: [ContentNode]) -> [ContentNode] {
        var nodes = rewrite(body) { if case .media = $0 { true } else { false } }
        if let first = nodes.firstIndex(where: { !$0.isBlank }), case .placeholder(let placeholder) = nodes[first],
           placeholder.layout == .figure, placeholder.kind == .image {
            nodes.remove(at: first)
        }
        return nodes
    }

    mutating func visitLeaf(_ node: ContentNode, into output: inout [ContentNode]) {
        guard case .media(let reference) = node else { output.append(node); return }
        output.append(image(reference, decorative: false).map(ContentNode.image)
                      ?? .placeholder(MediaPlaceholder(reference: reference, layout: .inline, insideLink: insideLink)))
    }

    mutating func visitElement(_ element: ContentElement, into output: inout [ContentNode]) {
        if let reference = Self.soleReference(in: element) {
            if element.role == .leadImage { output += leadImage(reference); return }
            if element.kind == .p { output.append(figure(reference)); return }
        }
        let wasInsideLink = insideLink
        insideLink = insideLink || element.kind == .a
        defer { insideLink = wasInsideLink }
        output.append(.element(descend(element)))
    }

    /// The reference that is all an element holds (a paragraph with just an image).
    private static func soleReference(in element: ContentElement) -> MediaReference? {
        let significant = element.children.filter { !$0.isBlank }
        guard significant.count == 1, case .media(let reference) = significant[0] else { return nil }
        return reference
    }

    private mutating func image(_ reference: MediaReference, decorative: Bool) -> ImageUse? {
        guard reference.kind == .image else { return nil }
        switch loaded.results[MediaLoader.Request(source: reference.source, location: location)] {
        case .success(let entry)?:
            let image = library.image(for: entry, reference: reference, decorative: decorative)
            return ImageUse(imageID: image.id, width: image.width, height: image.height, alt: decorative ? "" : reference.alt ?? "")
        case .failure(let failure)?:
            if !failures.contains(where: { $0.reference == reference.source }) { failures.append((reference.source, failure)) }
            return nil
        case nil:
            return nil
        }
    }

    private mutating func figure(_ reference: MediaReference) -> ContentNode {
        guard let image = image(reference, decorative: false) else {
            return .placeholder(MediaPlaceholder(reference: reference, layout: .figure))
        }
        var children: [ContentNode] = [.image(image)]
        if let title = reference.title, !title.isEmpty, title != reference.alt {
            children.append(.element(ContentElement(.figcaption, children: [.text(title)])))
        }
        return .element(ContentElement(.figure, role: .imageFigure, children: children))
    }

    /// A lead image is decoration: when it cannot be shown, nothing stands in its place.
    private mutating func leadImage(_ reference: MediaReference) -> [ContentNode] {
        guard let image = image(reference, decorative: true) else { return [] }
        return [.element(ContentElement(.figure, role: .leadImage, children: [.image(image)]))]
    }
}

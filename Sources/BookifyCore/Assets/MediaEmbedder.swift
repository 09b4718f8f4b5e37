import Foundation

/// Replaces every media reference the sanitizer left in the posts (`MediaReference`) with the
/// embedded image or a placeholder, loading each image once, several at a time.
struct MediaEmbedder: Sendable {
    struct Output: Sendable {
        var documents: [PostDocument]
        var images: [EmbeddedImage]
        var warnings: [AssetWarning]
        /// Every embedded image that is content (not a lead image) has alt text.
        var everyImageDescribed: Bool
        /// Holds the images' files; nil when there were none to keep.
        var spool: ImageSpool?
    }

    /// What to load: a reference as one post makes it (relative paths depend on the post).
    fileprivate struct Request: Hashable, Sendable {
        var source: String
        var location: PostLocation
    }

    var loader: ImageLoader
    var concurrentDownloads = 6
    /// Told how many of the images are loaded, and of how many, as loading goes on.
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    func embed(_ documents: [PostDocument]) async -> Output {
        var requests: [Request] = []
        var seen = Set<Request>()
        for document in documents {
            let location = PostLocation(post: document.post)
            for reference in MediaReference.all(in: document.body) where reference.kind == .image {
                let request = Request(source: reference.source, location: location)
                if seen.insert(request).inserted { requests.append(request) }
            }
        }
        let spool = requests.isEmpty ? nil : Result { () throws(AssetFailure) in try ImageSpool() }
        let results = await load(requests, into: spool)
        var library = ImageLibrary()
        var warnings: [AssetWarning] = []
        var rewritten: [PostDocument] = []
        for document in documents {
            var rewriter = BodyRewriter(location: PostLocation(post: document.post), results: results, library: library)
            var updated = document
            updated.body = rewriter.rewrite(document.body, insideLink: false)
            library = rewriter.library
            warnings += rewriter.failures.map {
                AssetWarning(documentID: document.documentID, postTitle: document.post.title, reference: $0.0, failure: $0.1)
            }
            rewritten.append(updated)
        }
        return Output(documents: rewritten, images: library.images, warnings: warnings,
                      everyImageDescribed: library.everyImageDescribed, spool: try? spool?.get())
    }

    /// Loads every request into the spool, at most `concurrentDownloads` at a time.
    private func load(_ requests: [Request], into spool: Result<ImageSpool, AssetFailure>?) async -> [Request: Result<ImageSpool.Entry, AssetFailure>] {
        guard let spool else { return [:] }
        let loader = self.loader
        let loadAndKeep = { @Sendable (request: Request) async -> (Request, Result<ImageSpool.Entry, AssetFailure>) in
            let loaded = await loader.load(request.source, at: request.location)
            return (request, loaded.flatMap { asset in spool.flatMap { $0.store(asset) } })
        }
        return await withTaskGroup(of: (Request, Result<ImageSpool.Entry, AssetFailure>).self) { group in
            var results: [Request: Result<ImageSpool.Entry, AssetFailure>] = [:]
            var pending = requests.makeIterator()
            for _ in 0..<max(1, concurrentDownloads) {
                guard let request = pending.next() else { break }
                group.addTask { await loadAndKeep(request) }
            }
            for await (request, result) in group {
                results[request] = result
                progress?(results.count, requests.count)
                if let next = pending.next() { group.addTask { await loadAndKeep(next) } }
            }
            return results
        }
    }

    /// The images stored so far, by the hash of their bytes.
    fileprivate struct ImageLibrary {
        var images: [EmbeddedImage] = []
        var indexByHash: [String: Int] = [:]
        var everyImageDescribed = true

        /// The image's path in the book, storing it on first sight.
        mutating func href(for image: ImageSpool.Entry, reference: MediaReference, decorative: Bool) -> String {
            if !decorative, (reference.alt ?? "").isEmpty { everyImageDescribed = false }
            let hash = image.hash
            if let index = indexByHash[hash] {
                images[index].informative = images[index].informative || !decorative
                return images[index].href
            }
            let stem = Slug.make(URL(string: reference.source)?.deletingPathExtension().lastPathComponent ?? "",
                                 fallback: "image", maximumLength: 40)
            let href = "images/\(stem)-\(hash.prefix(10)).\(image.type.fileExtension)"
            indexByHash[hash] = images.count
            images.append(EmbeddedImage(href: href, type: image.type, file: image.file, informative: !decorative,
                                        byteCount: image.byteCount, origin: image.origin))
            return href
        }
    }

    /// Rewrites one post's body, collecting what failed.
    fileprivate struct BodyRewriter {
        let location: PostLocation
        let results: [Request: Result<ImageSpool.Entry, AssetFailure>]
        var library: ImageLibrary
        var failures: [(String, AssetFailure)] = []

        init(location: PostLocation, results: [Request: Result<ImageSpool.Entry, AssetFailure>], library: ImageLibrary) {
            self.location = location
            self.results = results
            self.library = library
        }

        mutating func rewrite(_ nodes: [XHTMLNode], insideLink: Bool) -> [XHTMLNode] {
            nodes.flatMap { node -> [XHTMLNode] in
                guard case .element(let element) = node else { return [node] }
                if let reference = MediaReference(marker: element) {
                    return [.element(inline(reference, insideLink: insideLink))]
                }
                if let reference = Self.soleReference(in: element) {
                    if element["class"] == MediaReference.leadImageClass { return leadImage(reference) }
                    if element.name == "p" { return [.element(figure(reference))] }
                }
                var copy = element
                copy.children = rewrite(element.children, insideLink: insideLink || element.name == "a")
                return [.element(copy)]
            }
        }

        /// The reference that is all an element holds (a paragraph with just an image).
        private static func soleReference(in element: XHTMLElement) -> MediaReference? {
            let significant = element.children.filter {
                if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) }
                return true
            }
            guard significant.count == 1, case .element(let only) = significant[0] else { return nil }
            return MediaReference(marker: only)
        }

        private mutating func image(_ reference: MediaReference, decorative: Bool) -> XHTMLElement? {
            guard reference.kind == .image else { return nil }
            switch results[Request(source: reference.source, location: location)] {
            case .success(let image)?:
                let href = library.href(for: image, reference: reference, decorative: decorative)
                return XHTMLElement("img", attributes: [XHTMLAttribute("src", "../" + href),
                                                        XHTMLAttribute("alt", decorative ? "" : reference.alt ?? "")])
            case .failure(let failure)?:
                if !failures.contains(where: { $0.0 == reference.source }) { failures.append((reference.source, failure)) }
                return nil
            case nil:
                return nil
            }
        }

        private mutating func inline(_ reference: MediaReference, insideLink: Bool) -> XHTMLElement {
            image(reference, decorative: false) ?? MediaPlaceholder(reference: reference).inline(insideLink: insideLink)
        }

        private mutating func figure(_ reference: MediaReference) -> XHTMLElement {
            guard let image = image(reference, decorative: false) else { return MediaPlaceholder(reference: reference).figure }
            var children: [XHTMLNode] = [.element(image)]
            if let title = reference.title, !title.isEmpty, title != reference.alt {
                children.append(.element(XHTMLElement("figcaption", children: [.text(title)])))
            }
            return XHTMLElement("figure", attributes: [XHTMLAttribute("class", "image")], children: children)
        }

        /// A lead image is decoration: when it cannot be shown, nothing stands in its place.
        private mutating func leadImage(_ reference: MediaReference) -> [XHTMLNode] {
            guard let image = image(reference, decorative: true) else { return [] }
            return [.element(XHTMLElement("figure", attributes: [XHTMLAttribute("class", MediaReference.leadImageClass)],
                                          children: [.element(image)]))]
        }
    }
}

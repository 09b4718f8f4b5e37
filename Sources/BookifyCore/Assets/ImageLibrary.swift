import Foundation

/// The images a book stores, each once by the hash of its bytes, named after the first
/// reference that showed it.
struct ImageLibrary: Sendable {
    private(set) var images: [EmbeddedImage] = []
    private var indexByHash: [String: Int] = [:]
    /// The hash of each image's bytes, in the order of `images`.
    private var hashes: [String] = []
    /// Every image shown as content has alt text.
    private(set) var everyImageDescribed = true

    /// The size an image gets when its file declares none (an SVG without width, height or
    /// viewBox): what browsers give such a replaced element.
    private static let defaultSize = ImageSize(width: 300, height: 150)

    /// The stored image for `entry`, storing it on first sight.
    mutating func image(for entry: ImageSpool.Entry, reference: MediaReference, decorative: Bool) -> EmbeddedImage {
        if !decorative, (reference.alt ?? "").isEmpty { everyImageDescribed = false }
        if let index = indexByHash[entry.hash] {
            images[index].informative = images[index].informative || !decorative
            return images[index]
        }
        let stem = Slug.make(URL(string: reference.source)?.deletingPathExtension().lastPathComponent ?? "",
                             fallback: "image", maximumLength: 40)
        let size = entry.size ?? Self.defaultSize
        let image = EmbeddedImage(id: "\(stem)-\(entry.hash.prefix(10))", type: entry.type, width: size.width,
                                  height: size.height, file: entry.file, informative: !decorative,
                                  byteCount: entry.byteCount, origin: entry.origin)
        indexByHash[entry.hash] = images.count
        images.append(image)
        hashes.append(entry.hash)
        return image
    }

    /// Adds the images of `later`, a library made for the posts after this one's, as one
    /// library made for all of them in turn would hold them; false when an image of `later`
    /// was stored here first under another name, so that its posts name it wrongly.
    mutating func merge(_ later: ImageLibrary) -> Bool {
        everyImageDescribed = everyImageDescribed && later.everyImageDescribed
        var keepsNames = true
        for (image, hash) in zip(later.images, later.hashes) {
            if let index = indexByHash[hash] {
                images[index].informative = images[index].informative || image.informative
                keepsNames = keepsNames && images[index].id == image.id
            } else {
                indexByHash[hash] = images.count
                images.append(image)
                hashes.append(hash)
            }
        }
        return keepsNames
    }
}

import Crypto
import Foundation

/// The book's images on disk while it is built: each loaded image is written here at once and
/// dropped from memory, so a site's worth of images never sits in memory; the EPUB writer
/// streams them from here. The folder goes when the last book content using it does.
public final class ImageSpool: Sendable {
    /// An image kept in the spool, named by the SHA-256 of its bytes.
    struct Entry: Sendable, Hashable {
        var hash: String
        var type: ImageType
        var file: URL
        var byteCount: Int
        var origin: ImageOrigin?
        /// The size in pixels; `nil` when the header does not say (an SVG without one).
        var size: ImageSize?
    }

    let folder: URL

    /// A new, empty spool in the temporary folder (`TMPDIR`).
    init() throws(AssetFailure) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-images-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotKeep("cannot create \(folder.path): \(error.localizedDescription)")
        }
        TemporaryFiles.register(folder)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        TemporaryFiles.unregister(folder)
    }

    /// Writes `asset` to the spool (once per content: identical bytes share a file).
    func store(_ asset: ImageAsset) -> Result<Entry, AssetFailure> {
        let hash = Hex.string(SHA256.hash(data: Data(asset.bytes)))
        let file = folder.appendingPathComponent("\(hash).\(asset.type.fileExtension)")
        do {
            if !FileManager.default.fileExists(atPath: file.path) { try Data(asset.bytes).write(to: file, options: .atomic) }
        } catch {
            return .failure(.cannotKeep("cannot write \(file.path): \(error.localizedDescription)"))
        }
        return .success(Entry(hash: hash, type: asset.type, file: file, byteCount: asset.bytes.count, origin: asset.origin,
                              size: ImageSize.read(asset.bytes, type: asset.type)))
    }
}

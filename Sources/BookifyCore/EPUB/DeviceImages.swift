import Foundation

/// A book's images made fit for the reading device (`DeviceProfile`): each image, the cover
/// included, that is too large, in a format the device does not show, an animation it cannot
/// play, or in colour on a gray screen, is converted (on every core); the others stay as
/// they are. Posts refer to images by id, which a conversion keeps.
enum DeviceImages {
    static func adapt(_ content: BookContent, for device: DeviceProfile) throws(BookifyError) -> BookContent {
        guard device.name != .generic else { return content }
        var content = content
        let spool: ImageSpool
        if let existing = content.imageSpool {
            spool = existing
        } else {
            do {
                spool = try ImageSpool()
            } catch {
                throw .writeFailed(path: FileManager.default.temporaryDirectory.path, reason: error.description)
            }
        }
        content.imageSpool = spool
        content.images = content.images.concurrentMap(startingWithCostliest: \.byteCount) { image in
            guard let bytes = FileManager.default.contents(atPath: image.file.path),
                  let converted = ImageConverter.convert(Array(bytes), type: image.type, width: image.width, height: image.height, for: device),
                  case .success(let entry) = spool.store(ImageAsset(bytes: converted.bytes, type: converted.type)) else { return image }
            var adapted = image
            (adapted.type, adapted.file, adapted.byteCount) = (converted.type, entry.file, converted.bytes.count)
            (adapted.width, adapted.height) = (converted.width, converted.height)
            return adapted
        }
        content.cover = content.cover.map { adapt($0, for: device) }
        content.drawnCover = content.drawnCover.map { adapt($0, for: device) }
        return content
    }

    /// A cover made fit (covers stay in memory: there is one).
    private static func adapt(_ cover: ImageAsset, for device: DeviceProfile) -> ImageAsset {
        guard let size = ImageSize.read(cover.bytes, type: cover.type),
              let converted = ImageConverter.convert(cover.bytes, type: cover.type, width: size.width, height: size.height, for: device)
        else { return cover }
        return ImageAsset(bytes: converted.bytes, type: converted.type, origin: cover.origin)
    }
}

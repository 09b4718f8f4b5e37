import Foundation

/// What only the EPUB writer uses: its templates and stylesheet, the reading device its images
/// are made for, and the size at which it writes volumes.
public struct EPUBOptions: Sendable {
    /// A folder whose `.mustache` files replace the built-in templates of the same name.
    public var templatesDirectory: URL?
    /// A stylesheet that replaces the built-in one.
    public var stylesheet: URL?
    /// The reading device the EPUB's images are made for (`--device`).
    public var device = DeviceProfile(.generic)
    /// The largest EPUB in bytes (`--split-size`): a larger book is written in volumes.
    public var splitSize: Int?

    /// The built-in templates and stylesheet, for any device, in one file.
    public init() {}
}

/// What a reading device shows well (`--device`, `device:` in bookify.yml): the largest image
/// in pixels, colour or gray, the image formats its engine displays, and how large a book it
/// takes in comfortably. Images outside a profile are converted (`ImageConverter`).
public struct DeviceProfile: Sendable, Hashable {
    /// The devices bookify knows (`--device`).
    public enum Name: String, Sendable, CaseIterable {
        case generic, kindle, kobo, remarkable, phone
    }

    /// Which device.
    public var name: Name
    /// The largest image, width × height in pixels; nil: any.
    public var maximumSize: (width: Int, height: Int)? {
        switch name {
        case .generic: return nil
        // Kindle Paperwhite and Kobo Clara/Libra screens.
        case .kindle, .kobo: return (1264, 1680)
        case .remarkable: return (1404, 1872)
        case .phone: return (1440, 2560)
        }
    }
    /// The screen shows gray only: colour images are made gray (smaller, and as they will look).
    public var grayscale: Bool { name == .remarkable }
    /// The formats the device's engine shows; others are converted to PNG or JPEG.
    public var formats: Set<ImageType> {
        switch name {
        case .generic, .kobo, .phone: return Set(ImageType.allCases)
        // Send to Kindle drops WebP and SVG; Kindle shows only an animated GIF's first frame.
        case .kindle: return [.png, .jpeg, .gif]
        case .remarkable: return [.png, .jpeg]
        }
    }
    /// Whether the device's engine shows MathML; where not (Kindle), formulas become images.
    public var showsMathML: Bool { name != .kindle }
    /// Whether animated GIFs become their first frame (Kindle shows nothing else).
    public var stillGIFs: Bool { name == .kindle }
    /// The largest book the device takes in comfortably, in bytes (Send to Kindle's e-mail
    /// limit is 50 MB); a larger book is written with a warning.
    public var sizeBudget: Int? {
        switch name {
        case .generic: return nil
        case .kindle: return 50 * 1024 * 1024
        case .kobo, .remarkable, .phone: return 100 * 1024 * 1024
        }
    }

    /// The profile of `name`.
    public init(_ name: Name) {
        self.name = name
    }
}

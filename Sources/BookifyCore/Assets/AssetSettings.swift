import Foundation

/// Where images come from and how they are fetched (ARCHITECTURE §7).
public struct AssetSettings: Sendable {
    /// A local copy of the site (`--assets DIR`), searched before the network.
    public var folder: URL?
    /// Where the site now lives (`--base-url URL`): images on the feed's home-page origin are
    /// fetched from here instead.
    public var baseURL: URL?
    /// Where downloads are kept between runs; `nil` keeps none.
    public var cacheFolder: URL?
    /// Limits for image downloads: a few seconds each, 20 MB.
    public var http: HTTPClient = {
        var client = HTTPClient()
        client.connectTimeout = 5
        client.totalTimeout = 20
        return client
    }()
    /// How many images download at once.
    public var concurrentDownloads = 6

    /// Images from the post's URLs and the default cache, with the default limits.
    public init() {}
}

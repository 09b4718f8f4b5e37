import Foundation

/// Fetches http(s) resources with the limits a build needs: a connect (idle) timeout, a total
/// timeout, a size cap, and at most five redirects, only to http or https. Each transfer
/// (`HTTPTransfer`, over libcurl) runs on a thread of its own, so that waiting on the network
/// never holds one of the few threads Swift's tasks run on.
public struct HTTPClient: Sendable {
    /// What a server answered.
    public struct Response: Sendable {
        /// The body.
        public var bytes: [UInt8]
        /// The URL after redirects.
        public var url: URL
        /// The `Content-Type` header.
        public var contentType: String?
        /// 200, or 304 when a conditional request found the cached copy still current.
        public var status = 200
        /// Validators for a later conditional request.
        public var etag: String?
        /// The `Last-Modified` header.
        public var lastModified: String?
        /// Every header, by its lower-cased name (`link`, `retry-after`, …).
        public var headers: [String: String] = [:]
    }

    /// Seconds to wait for the connection or for the next bytes.
    public var connectTimeout: TimeInterval = 10
    /// Seconds the whole transfer may take.
    public var totalTimeout: TimeInterval = 60
    /// The largest body accepted; a larger one fails the transfer.
    public var maximumBytes = 20 * 1024 * 1024
    /// The most redirects followed.
    public static let maximumRedirects = 5

    /// Why a transfer failed, and whether the fault is the host's (it cannot be resolved or
    /// reached, or did not answer): then every other transfer from it would fail the same way.
    struct Failure: Error {
        var error: BookifyError
        var isHostUnreachable = false
        /// The HTTP status when the server answered with an error (404, 429, 503, …).
        var status: Int?
        /// The server's `Retry-After`, in seconds, with a 429 or 503.
        var retryAfter: TimeInterval?
    }

    /// The User-Agent every request sends: bookify, its version and where to read about it,
    /// so that a site's owner can tell who crawls and why.
    public static let userAgent = "bookify/\(BookifyVersion.current) (+\(BookifyVersion.projectURL))"

    /// A client with the default timeouts and size cap.
    public init() {}

    /// Fetches `url`. With `ifNoneMatch`/`ifModifiedSince` (a cached copy's validators) the
    /// answer may be 304 (not modified), with no bytes.
    public func get(_ url: URL, ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) async throws(BookifyError) -> Response {
        try await fetch(url, ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince).mapError(\.error).get()
    }

    /// `get`, telling a host that cannot be reached from other failures.
    func fetch(_ url: URL, ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) async -> Result<Response, Failure> {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(Failure(error: .inputNotReadable(path: url.absoluteString, reason: "only http and https URLs can be fetched")))
        }
        let transfer = HTTPTransfer(url: url, ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince,
                                    connectTimeout: connectTimeout, totalTimeout: totalTimeout, maximumBytes: maximumBytes)
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: transfer.run()) }.start()
        }
    }
}

/// `Retry-After` (RFC 9110 §10.2.3): a number of seconds or an HTTP date.
enum RetryAfter {
    static func seconds(_ value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(trimmed), seconds.isFinite, seconds >= 0 { return seconds }
        return FeedDate.parseRFC822(trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }
}

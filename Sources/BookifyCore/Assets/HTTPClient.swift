import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches http(s) resources with the limits a build needs: a connect (idle) timeout, a total
/// timeout, a size cap, and at most five redirects, only to http or https.
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
        let delegate = TransferDelegate(maximumBytes: maximumBytes, acceptsNotModified: ifNoneMatch != nil || ifModifiedSince != nil)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connectTimeout
        configuration.timeoutIntervalForResource = totalTimeout
        configuration.httpAdditionalHeaders = ["User-Agent": Self.userAgent]
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        if let ifNoneMatch { request.setValue(ifNoneMatch, forHTTPHeaderField: "If-None-Match") }
        if let ifModifiedSince { request.setValue(ifModifiedSince, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        // URLSession on Linux does not always honour its own timeouts: a watchdog ends the
        // transfer when the total time is up, whatever the server does.
        let watchdog = DispatchWorkItem { [weak task] in
            delegate.timeOut()
            task?.cancel()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + totalTimeout, execute: watchdog)
        defer { watchdog.cancel() }
        return await withCheckedContinuation { continuation in
            delegate.start(task, continuation: continuation, timeouts: (connectTimeout, totalTimeout))
        }
    }
}

/// Collects one transfer, enforcing the size cap and the redirect rules.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let maximumBytes: Int
    /// A conditional request may be answered 304.
    private let acceptsNotModified: Bool
    private var data: [UInt8] = []
    private var redirects = 0
    private var failure: HTTPClient.Failure?
    private var continuation: CheckedContinuation<Result<HTTPClient.Response, HTTPClient.Failure>, Never>?
    private var originalURL = ""
    private var timeouts: (connect: TimeInterval, total: TimeInterval) = (0, 0)

    init(maximumBytes: Int, acceptsNotModified: Bool) {
        self.maximumBytes = maximumBytes
        self.acceptsNotModified = acceptsNotModified
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<Result<HTTPClient.Response, HTTPClient.Failure>, Never>,
               timeouts: (TimeInterval, TimeInterval)) {
        lock.withLock {
            self.continuation = continuation
            self.originalURL = task.originalRequest?.url?.absoluteString ?? ""
            self.timeouts = timeouts
        }
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode),
           !(http.statusCode == 304 && acceptsNotModified) {
            let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap { RetryAfter.seconds($0) }
            fail(HTTPClient.Failure(error: .inputNotReadable(path: originalURL, reason: "the server answered HTTP \(http.statusCode)"),
                                    status: http.statusCode, retryAfter: retryAfter))
            completionHandler(.cancel)
            return
        }
        if response.expectedContentLength > Int64(maximumBytes) {
            fail(tooLarge())
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        let exceeded = lock.withLock { () -> Bool in
            data.append(contentsOf: chunk)
            return data.count > maximumBytes
        }
        if exceeded {
            fail(tooLarge())
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let scheme = request.url?.scheme?.lowercased()
        let count = lock.withLock { () -> Int in redirects += 1; return redirects }
        if scheme != "http" && scheme != "https" {
            fail(.inputNotReadable(path: originalURL, reason: "it redirects to \(request.url?.absoluteString ?? "?"), which is not http(s)"))
            completionHandler(nil)
            task.cancel()
        } else if count > HTTPClient.maximumRedirects {
            fail(.inputNotReadable(path: originalURL, reason: "more than \(HTTPClient.maximumRedirects) redirects"))
            completionHandler(nil)
            task.cancel()
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (continuation, failure, data, timeouts, originalURL) = lock.withLock {
            let state = (self.continuation, self.failure, self.data, self.timeouts, self.originalURL)
            self.continuation = nil
            return state
        }
        guard let continuation else { return }
        if let failure {
            continuation.resume(returning: .failure(failure))
        } else if let error {
            continuation.resume(returning: .failure(Self.failure(error as NSError, url: originalURL, timeouts: timeouts)))
        } else {
            let http = task.response as? HTTPURLResponse
            continuation.resume(returning: .success(HTTPClient.Response(
                bytes: data, url: task.response?.url ?? task.originalRequest?.url ?? URL(string: originalURL)!,
                contentType: http?.value(forHTTPHeaderField: "Content-Type"), status: http?.statusCode ?? 200,
                etag: http?.value(forHTTPHeaderField: "ETag"), lastModified: http?.value(forHTTPHeaderField: "Last-Modified"),
                headers: Self.headers(of: http))))
        }
    }

    /// Called by the watchdog when the total time is up.
    func timeOut() {
        let (url, timeouts) = lock.withLock { (originalURL, self.timeouts) }
        fail(.inputNotReadable(path: url, reason: Self.noAnswer(timeouts)))
    }

    private func fail(_ error: BookifyError) {
        fail(HTTPClient.Failure(error: error))
    }

    private func fail(_ error: HTTPClient.Failure) {
        lock.withLock { if failure == nil { failure = error } }
    }

    private static func headers(of response: HTTPURLResponse?) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return headers
    }

    /// A URLSession error, told as a reason; the host's fault when it could not be found,
    /// connected to, or did not answer.
    private static func failure(_ error: NSError, url: String, timeouts: (connect: TimeInterval, total: TimeInterval)) -> HTTPClient.Failure {
        let reason: String
        switch error.code {
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: reason = "cannot resolve the host"
        case NSURLErrorCannotConnectToHost, NSURLErrorNotConnectedToInternet: reason = "cannot connect to the host"
        case NSURLErrorTimedOut: reason = Self.noAnswer(timeouts)
        default: return HTTPClient.Failure(error: .inputNotReadable(path: url, reason: "cannot reach it: \(error.localizedDescription)"))
        }
        return HTTPClient.Failure(error: .inputNotReadable(path: url, reason: reason), isHostUnreachable: true)
    }

    private static func noAnswer(_ timeouts: (connect: TimeInterval, total: TimeInterval)) -> String {
        "no answer in time (waits \(Int(timeouts.connect)) s for the server, \(Int(timeouts.total)) s in all)"
    }

    private func tooLarge() -> BookifyError {
        .inputNotReadable(path: originalURL, reason: "larger than \(maximumBytes / 1024 / 1024) MB")
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

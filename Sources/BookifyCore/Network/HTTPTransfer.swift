import CCurl
import Foundation

/// One GET through libcurl with `HTTPClient`'s rules, run to its end on the calling thread
/// (`HTTPClient` gives each transfer a thread of its own). Redirects are followed here rather
/// than by libcurl, so that each target is checked (http or https only, at most
/// `HTTPClient.maximumRedirects`) and named in the message when it is refused.
struct HTTPTransfer: Sendable {
    var url: URL
    /// `If-None-Match` and `If-Modified-Since`, from a cached copy.
    var ifNoneMatch: String?
    var ifModifiedSince: String?
    var connectTimeout: TimeInterval
    var totalTimeout: TimeInterval
    var maximumBytes: Int

    typealias Outcome = Result<HTTPClient.Response, HTTPClient.Failure>

    /// Fetches `url`, following redirects, within the total timeout.
    func run() -> Outcome {
        guard let curl = Curl.shared else { return failure(Curl.missing.detail) }
        guard let handle = Curl.Handle(curl) else { return failure("cannot start a transfer") }
        let received = Received(maximumBytes: maximumBytes)
        setUp(handle, received: received)
        let deadline = Date().addingTimeInterval(totalTimeout)
        var current = url
        var redirects = 0
        return withExtendedLifetime(received) {
            while true {
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { return failure(noAnswer, hostUnreachable: true) }
                handle.set(CURLOPT_URL, current.absoluteString)
                handle.set(CURLOPT_TIMEOUT_MS, max(1, Int(remaining * 1000)))
                received.reset()
                if let failure = handle.perform() { return self.failure(failure, exceeded: received.exceeded) }
                let status = handle.number(CURLINFO_RESPONSE_CODE)
                if (300..<400).contains(status), status != 304, let location = handle.string(CURLINFO_REDIRECT_URL) {
                    redirects += 1
                    guard let target = URL(string: location), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
                        return failure("it redirects to \(location), which is not http(s)")
                    }
                    guard redirects <= HTTPClient.maximumRedirects else {
                        return failure("more than \(HTTPClient.maximumRedirects) redirects")
                    }
                    current = target
                    continue
                }
                return answer(status: status, at: current, received: received)
            }
        }
    }

    /// The options every hop shares.
    private func setUp(_ handle: Curl.Handle, received: Received) {
        handle.set(CURLOPT_NOSIGNAL, 1)
        handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        handle.set(CURLOPT_USERAGENT, HTTPClient.userAgent)
        // Every encoding this libcurl can decode (gzip, deflate, br, zstd); bodies arrive decoded.
        handle.set(CURLOPT_ACCEPT_ENCODING, "")
        // Cookies a redirect sets go with the next hop, as a browser's would; none are kept.
        handle.set(CURLOPT_COOKIEFILE, "")
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(connectTimeout * 1000)))
        // "Waits for the next bytes": a transfer slower than a byte a second for that long ends.
        handle.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        handle.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(connectTimeout.rounded(.up))))
        handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: maximumBytes)
        handle.setHeaders([ifNoneMatch.map { "If-None-Match: \($0)" }, ifModifiedSince.map { "If-Modified-Since: \($0)" }]
            .compactMap { $0 })
        handle.set(body: { bytes, size, count, context in
            Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue().take(bytes, count: size * count)
        }, headers: { bytes, size, count, context in
            Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue().header(bytes, count: size * count)
        }, context: Unmanaged.passUnretained(received).toOpaque())
    }

    /// The last hop's answer: the response, or a failure for an error status (304 is an answer
    /// only to a conditional request).
    private func answer(status: Int, at url: URL, received: Received) -> Outcome {
        let conditional = ifNoneMatch != nil || ifModifiedSince != nil
        guard (200..<300).contains(status) || (status == 304 && conditional) else {
            let retryAfter = received.headers["retry-after"].flatMap { RetryAfter.seconds($0) }
            return .failure(HTTPClient.Failure(error: .inputNotReadable(path: self.url.absoluteString,
                                                                        reason: "the server answered HTTP \(status)"),
                                               status: status, retryAfter: retryAfter))
        }
        return .success(HTTPClient.Response(
            bytes: status == 304 ? [] : received.body, url: url, contentType: received.headers["content-type"], status: status,
            etag: received.headers["etag"], lastModified: received.headers["last-modified"], headers: received.headers))
    }

    private var noAnswer: String {
        "no answer in time (waits \(Int(connectTimeout)) s for the server, \(Int(totalTimeout)) s in all)"
    }

    private func failure(_ reason: String, hostUnreachable: Bool = false) -> Outcome {
        .failure(HTTPClient.Failure(error: .inputNotReadable(path: url.absoluteString, reason: reason), isHostUnreachable: hostUnreachable))
    }

    /// libcurl's failure, told as a reason; the host's fault when it could not be found,
    /// connected to, or did not answer.
    private func failure(_ failure: Curl.Failure, exceeded: Bool) -> Outcome {
        if exceeded { return self.failure("larger than \(maximumBytes / 1024 / 1024) MB") }
        return switch failure.kind {
        case .unresolvedHost: self.failure("cannot resolve the host", hostUnreachable: true)
        case .unreachableHost: self.failure("cannot connect to the host", hostUnreachable: true)
        case .timedOut: self.failure(noAnswer, hostUnreachable: true)
        case .tooLarge: self.failure("larger than \(maximumBytes / 1024 / 1024) MB")
        default: self.failure("cannot reach it: \(failure.detail)")
        }
    }
}

/// What one hop received: the body up to the size cap, and the headers by lower-cased name
/// (repeated ones joined with ", ", as HTTP allows).
private final class Received {
    let maximumBytes: Int
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    /// The body went over the cap, and the transfer was stopped.
    var exceeded = false

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    func reset() {
        body = []
        headers = [:]
        exceeded = false
    }

    /// libcurl's write callback: keeps the bytes, or refuses them (ending the transfer) past the cap.
    func take(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        guard body.count + count <= maximumBytes else {
            exceeded = true
            return 0
        }
        body.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
        return count
    }

    /// libcurl's header callback, once per line; a status line starts a new response (after a
    /// `100 Continue` or a proxy's answer).
    func header(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return count
    }
}

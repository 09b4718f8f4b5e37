import Foundation
import Synchronization

/// Fetches a site's pages politely: `robots.txt` first (once per host) and honoured, at most
/// `perHost` requests open at once to a host, starts spaced by `--delay` or `Crawl-delay`,
/// 429 and 503 retried after the server's `Retry-After` (else with backoff), and everything
/// through the download cache with conditional requests, so that a second run fetches only
/// what changed (and `--offline` reads the cache alone).
final class SiteFetcher: Sendable {
    /// A page as fetched (or as the cache had it).
    struct Page: Sendable {
        var url: URL
        var bytes: [UInt8]
        var headers: [String: String]
        var fromCache: Bool

        /// The validators it came with, for a later conditional request.
        var validators: HTTPValidators { HTTPValidators(etag: headers["etag"], lastModified: headers["last-modified"]) }

        /// The charset of `Content-Type`, if named.
        var charset: String? {
            guard let type = headers["content-type"]?.lowercased(), let range = type.range(of: "charset=") else { return nil }
            return type[range.upperBound...].split(separator: ";").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) }
        }
    }

    /// Why a page could not be had.
    enum Failure: Error, Sendable, CustomStringConvertible {
        /// `robots.txt` does not allow bookify to fetch it (or could not be had: why).
        case disallowed(unavailable: String?)
        /// `--offline`, and the cache does not hold it.
        case notCached
        /// Asked with the caller's validators, the server says it has not changed (304).
        case notModified
        /// The request failed: the server's status, if it answered.
        case failed(BookifyError, status: Int?)

        var status: Int? { if case .failed(_, let status) = self { status } else { nil } }

        var description: String {
            switch self {
            case .disallowed(let unavailable?): return "robots.txt could not be read (\(unavailable)), so the site is not read now"
            case .disallowed: return "robots.txt does not allow bookify to fetch it"
            case .notCached: return "not in the cache, and --offline forbids fetching it"
            case .notModified: return "not modified"
            case .failed(let error, _):
                if case .inputNotReadable(_, let reason) = error { return reason }
                return "\(error)"
            }
        }
    }

    private let http: HTTPClient
    private let cache: DownloadCache?
    private let offline: Bool
    private let settings: SiteSettings
    private let gates: HostGates
    private let robots = RobotsBook()
    private let requests = Atomic(0)

    init(http: HTTPClient, cacheFolder: URL?, offline: Bool, settings: SiteSettings) {
        self.http = http
        self.cache = cacheFolder.map { DownloadCache(folder: $0, section: "pages") }
        self.offline = offline
        self.settings = settings
        self.gates = HostGates(limit: max(1, settings.perHost))
    }

    /// How many requests went to servers so far (not counting pages the cache answered
    /// without asking).
    var requestCount: Int { requests.load(ordering: .relaxed) }

    /// `url`, if `robots.txt` allows it. With `validators` (the caller's own, an archive's),
    /// the request is conditional on them and a 304 is `.notModified`.
    func get(_ url: URL, validators: HTTPValidators? = nil) async -> Result<Page, Failure> {
        let rules = await robotsRules(for: url)
        guard rules.allows(url) else { return .failure(.disallowed(unavailable: rules.unavailable)) }
        return await fetch(url, delay: max(settings.delay, rules.crawlDelay ?? 0), validators: validators)
    }

    /// The `robots.txt` rules of `url`'s host, fetched once per run.
    func robotsRules(for url: URL) async -> RobotsRules {
        guard let robotsURL = Self.robotsURL(of: url) else { return .allowAll }
        return await robots.rules(for: robotsURL.absoluteString) {
            switch await self.fetch(robotsURL, delay: self.settings.delay) {
            case .success(let page): return RobotsRules.parse(String(decoding: page.bytes.prefix(512 * 1024), as: UTF8.self))
            // RFC 9309 §2.3.1.3: a server error means the whole site is off limits for now.
            case .failure(.failed(let error, let status?)) where status >= 500 || status == 429:
                if case .inputNotReadable(_, let reason) = error { return .disallowAll(because: reason) }
                return .disallowAll(because: "HTTP \(status)")
            case .failure: return .allowAll
            }
        }
    }

    static func robotsURL(of url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true), components.host != nil else { return nil }
        components.path = "/robots.txt"
        components.query = nil
        components.fragment = nil
        return components.url
    }

    /// Through the cache: offline, the cached copy; otherwise a conditional request, retried
    /// on 429 and 503.
    private func fetch(_ url: URL, delay: TimeInterval, validators: HTTPValidators? = nil) async -> Result<Page, Failure> {
        let cached = validators == nil ? cache?.lookupPage(url) : nil
        if offline { return (cached ?? cache?.lookupPage(url)).map { .success($0.page) } ?? .failure(.notCached) }
        let asked = validators ?? cached?.validators
        let host = url.host?.lowercased() ?? ""
        var attempt = 0
        while true {
            await gates.acquire(host, spacing: delay)
            requests.add(1, ordering: .relaxed)
            let result = await http.fetch(url, ifNoneMatch: asked?.etag, ifModifiedSince: asked?.lastModified)
            await gates.release(host)
            switch result {
            case .success(let response) where response.status == 304:
                return cached.map { .success($0.page) } ?? .failure(.notModified)
            case .success(let response):
                cache?.store(response.bytes, for: url, etag: response.etag, lastModified: response.lastModified,
                             contentType: response.contentType)
                return .success(Page(url: response.url, bytes: response.bytes, headers: response.headers, fromCache: false))
            case .failure(let failure) where [429, 503].contains(failure.status) && attempt < settings.retries:
                let wait = failure.retryAfter ?? pow(2, Double(attempt))
                guard wait <= settings.longestRetryWait else {
                    return .failure(.failed(.inputNotReadable(path: url.absoluteString, reason:
                        "the server answered HTTP \(failure.status!) and asks to wait \(Int(wait)) s, longer than bookify waits"), status: failure.status))
                }
                attempt += 1
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            case .failure(let failure):
                if failure.isHostUnreachable, let cached { return .success(cached.page) }
                var error = failure.error
                if [429, 503].contains(failure.status) {
                    error = .inputNotReadable(path: url.absoluteString, reason:
                        "the server answered HTTP \(failure.status!) (too busy) \(attempt + 1) times")
                }
                return .failure(.failed(error, status: failure.status))
            }
        }
    }
}

/// The requests open to each host, at most `limit` at once, their starts at least a spacing
/// apart.
private actor HostGates {
    private struct Gate {
        var open = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var nextStart = Date.distantPast
    }

    private let limit: Int
    private var gates: [String: Gate] = [:]

    init(limit: Int) { self.limit = limit }

    func acquire(_ host: String, spacing: TimeInterval) async {
        if gates[host, default: Gate()].open >= limit {
            // `release` hands its place over: `open` stays counted for this request.
            await withCheckedContinuation { gates[host, default: Gate()].waiting.append($0) }
        } else {
            gates[host, default: Gate()].open += 1
        }
        guard spacing > 0 else { return }
        let now = Date()
        let start = max(now, gates[host]!.nextStart)
        gates[host]!.nextStart = start.addingTimeInterval(spacing)
        if start > now { try? await Task.sleep(nanoseconds: UInt64(start.timeIntervalSince(now) * 1_000_000_000)) }
    }

    func release(_ host: String) {
        guard var gate = gates[host] else { return }
        if gate.waiting.isEmpty {
            gate.open -= 1
        } else {
            gate.waiting.removeFirst().resume()
        }
        gates[host] = gate
    }
}

/// Each host's `robots.txt` rules, fetched once however many requests ask at the same time.
private actor RobotsBook {
    private var rules: [String: Task<RobotsRules, Never>] = [:]

    func rules(for key: String, fetch: @escaping @Sendable () async -> RobotsRules) async -> RobotsRules {
        if let task = rules[key] { return await task.value }
        let task = Task { await fetch() }
        rules[key] = task
        return await task.value
    }
}

extension DownloadCache {
    /// A cached page with the validators to ask whether it changed.
    fileprivate func lookupPage(_ url: URL) -> (page: SiteFetcher.Page, validators: HTTPValidators)? {
        guard let (bytes, entry) = lookup(url) else { return nil }
        var headers = entry.contentType.map { ["content-type": $0] } ?? [:]
        headers["etag"] = entry.etag
        headers["last-modified"] = entry.lastModified
        return (SiteFetcher.Page(url: url, bytes: bytes, headers: headers, fromCache: true),
                HTTPValidators(etag: entry.etag, lastModified: entry.lastModified))
    }
}

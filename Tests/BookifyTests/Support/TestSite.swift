import Foundation

/// A web site a test writes route by route and serves on 127.0.0.1 (`site_server.py`), with
/// the log of every request it was sent.
final class TestSite {
    let folder = TestPaths.temporaryFolder()
    private let server: LoopbackServer
    private var routes: [String: [String: Any]] = [:]
    private var files = 0

    init() throws {
        try "[]".write(to: folder.appendingPathComponent("routes.json"), atomically: true, encoding: .utf8)
        server = try LoopbackServer(serving: folder, script: "site_server.py")
    }

    /// `http://127.0.0.1:PORT/` and the like.
    func url(_ path: String = "/") -> String {
        "http://127.0.0.1:\(server.baseURL.port!)\(path)"
    }

    /// Serves `body` at `path` (with its query); `fail` statuses are answered first, one per request.
    func add(_ path: String, _ body: String, type: String = "text/html; charset=utf-8", headers: [String: String] = [:],
             fail: [Int] = [], retryAfter: String? = nil) {
        add(path, Data(body.utf8), type: type, headers: headers, fail: fail, retryAfter: retryAfter)
    }

    func add(_ path: String, _ body: Data, type: String, headers: [String: String] = [:], fail: [Int] = [], retryAfter: String? = nil) {
        files += 1
        let file = "f\(files).bin"
        try! body.write(to: folder.appendingPathComponent(file))
        var route: [String: Any] = ["file": file, "type": type, "headers": headers, "fail": fail]
        if let retryAfter { route["retry_after"] = retryAfter }
        routes[path] = route
        try! JSONSerialization.data(withJSONObject: routes).write(to: folder.appendingPathComponent("routes.json"))
    }

    /// What `path` serves now.
    func body(of path: String) -> Data? {
        (routes[path]?["file"] as? String).flatMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    func remove(_ path: String) {
        routes[path] = nil
        try! JSONSerialization.data(withJSONObject: routes).write(to: folder.appendingPathComponent("routes.json"))
    }

    /// Every request so far: its path with query, and how many were open at its start.
    var requests: [(path: String, open: Int)] {
        let log = (try? String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), Int(parts[1]) ?? 0)
        }
    }

    /// Forgets the requests so far.
    func clearRequests() {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("requests.log"))
    }
}

import Foundation

/// `bookify serve` on 127.0.0.1 and a free port for one test, stopped when released; what it
/// logged is read back with `log`.
final class CatalogTestServer {
    private let process = Process()
    private let logFile: URL
    let port: Int

    /// Starts the server with `arguments` (after `serve --port 0`); fails when it does not say
    /// where it listens within 30 seconds (it then printed why: `CatalogTestServer.Failure`).
    init(_ arguments: [String], in folder: URL) throws {
        logFile = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = TestPaths.bookifyBinary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": folder.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil, process.isRunning, Date() < deadline {
            port = (try? String(contentsOf: logFile, encoding: .utf8))?.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.output.1) }
            if port == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw Failure(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
        }
        self.port = port
    }

    struct Failure: Error { var log: String }

    deinit {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// `path` on this server.
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// What the server logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// A response as the tests read it.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// GET `path` with `headers` (curl, so that the request is sent as written).
    func get(_ path: String, headers: [String: String] = [:]) throws -> Answer {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let body = scratch.appendingPathComponent("body"), head = scratch.appendingPathComponent("head")
        let result = Shell.run("/usr/bin/curl", ["-s", "--path-as-is", "-o", body.path, "-D", head.path, "--max-time", "120"]
                               + headers.flatMap { ["-H", "\($0): \($1)"] } + [url(path).absoluteString])
        guard result.status == 0 else { throw Failure(log: "curl \(path): \(result.status) \(result.stderr)") }
        let lines = try String(contentsOf: head, encoding: .utf8).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: (try? Data(contentsOf: body)) ?? Data())
    }

    /// Runs `opds_client.py` with `arguments` and decodes the JSON it prints.
    static func client(_ arguments: [String]) throws -> [String: Any] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("opds_client.py")
        let result = Shell.run("/usr/bin/env", ["python3", script.path] + arguments)
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw Failure(log: "opds_client.py \(arguments): \(result.status) \(result.stderr)")
        }
        return json
    }
}

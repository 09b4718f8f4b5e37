import Foundation

/// A local HTTP server (Python's, `loopback_server.py` or `site_server.py`) on 127.0.0.1 for
/// one test.
final class LoopbackServer {
    private let process = Process()
    let baseURL: URL

    /// Serves `folder` with `script` (beside this file); throws when the server does not come
    /// up within ten seconds.
    init(serving folder: URL, script name: String = "loopback_server.py") throws {
        let portFile = TestPaths.temporaryFolder().appendingPathComponent("port")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, portFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: portFile.path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let port = try? String(contentsOf: portFile, encoding: .utf8) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileNoSuchFile)
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)/")!
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

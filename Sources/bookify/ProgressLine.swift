import BookifyCore
import Foundation

/// A line on a terminal that shows the stage a build is in and how far it got ("Converting
/// posts: 12/59"), rewritten in place; silent when standard error is not a terminal (a log, a
/// pipe, a test). At most ten redraws a second: a thousand posts convert faster than a
/// terminal can show them.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast
    private var lastStage: BuildProgress.Stage?
    private let enabled = isatty(STDERR_FILENO) == 1

    func update(_ progress: BuildProgress) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            // A new stage always shows; within one, the last step always shows too.
            guard progress.stage != lastStage || progress.done == progress.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            (shown, lastDraw, lastStage) = (true, now, progress.stage)
            // A stage whose total is not known (pages of feed history) shows its count alone.
            let count = progress.total > 0 ? "\(progress.done)/\(progress.total)" : "\(progress.done)"
            FileHandle.standardError.write(Data("\r\u{1B}[K\(Self.label(progress.stage)): \(count)".utf8))
        }
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }

    private static func label(_ stage: BuildProgress.Stage) -> String {
        switch stage {
        case .read: return "Reading inputs"
        case .history: return "Reading feed history, pages"
        case .fullText: return "Reading posts from their pages"
        case .convert: return "Converting posts"
        case .images: return "Loading images"
        case .write: return "Writing books"
        case .layOut: return "Laying out posts"
        case .draw: return "Drawing pages"
        }
    }
}

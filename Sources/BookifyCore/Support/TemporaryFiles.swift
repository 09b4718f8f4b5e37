import Dispatch
import Foundation
import Synchronization

/// The temporary files and folders a run has made and not yet removed (the half-written book
/// beside its output, the image spool), so that an interrupted run (Ctrl-C, `kill`) removes
/// them before it ends. Work registers what it makes and unregisters it when done with it.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])
    /// Set by the signal handler before it removes anything: from then on the process is ending.
    private static let interrupted = Atomic<Bool>(false)
    /// The signal sources, kept for the life of the process; set once, by the entry point.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func register(_ url: URL) {
        _ = paths.withLock { $0.insert(url.path) }
    }

    static func unregister(_ url: URL) {
        _ = paths.withLock { $0.remove(url.path) }
    }

    /// Removes every registered file or folder, and the files libzip writes beside one while
    /// it closes an archive (`NAME.XXXXXX`).
    public static func removeAll() {
        for url in takeRegistered() {
            try? FileManager.default.removeItem(at: url)
            let folder = url.deletingLastPathComponent()
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in siblings where name.hasPrefix(url.lastPathComponent + ".") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Removes every registered file or folder, for a process that ends without freeing what
    /// holds them (the image spool), with every archive closed.
    public static func removeRegistered() {
        for url in takeRegistered() { try? FileManager.default.removeItem(at: url) }
    }

    private static func takeRegistered() -> [URL] {
        paths.withLock { paths in
            defer { paths.removeAll() }
            return paths.map { URL(fileURLWithPath: $0) }
        }
    }

    /// Waits for the end of the process when a signal handler is removing the temporary files:
    /// the work they belonged to may just have failed for want of them, or finished, and
    /// neither its error nor its success should be reported; the handler ends the process as
    /// the signal would have. Returns at once otherwise.
    public static func awaitSignalIfInterrupted() {
        while interrupted.load(ordering: .sequentiallyConsistent) { sleep(1) }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files first, then end the process
    /// as the signal would have (so a shell sees the interruption). The handler runs on a
    /// dispatch queue, not in signal context, so it may use the file system freely.
    public static func removeOnSignals() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                interrupted.store(true, ordering: .sequentiallyConsistent)
                removeAll()
                signal(signalNumber, SIG_DFL)
                kill(getpid(), signalNumber)  // to the process: this dispatch thread blocks signals
            }
            source.resume()
            sources.append(source)
        }
    }
}

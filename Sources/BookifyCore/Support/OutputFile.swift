import Foundation

/// Writes an output file atomically: the content goes to a temporary file in the same folder,
/// which replaces the destination only when complete. A failed run leaves no partial file and
/// the previous file, if any, untouched.
public enum OutputFile {
    /// Lets `produce` write a temporary file beside `destination`, then moves it into place: an
    /// existing file is replaced only by a finished one, and an interrupted run leaves nothing.
    public static func write(to destination: URL, using produce: (URL) throws(BookifyError) -> Void) throws(BookifyError) {
        let folder = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .outputNotCreatable(path: destination.path, reason: "it is a folder")
        }
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .outputNotCreatable(path: destination.path, reason: "the folder \(folder.path) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw .outputNotCreatable(path: destination.path, reason: "the folder \(folder.path) is not writable")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(temporary) }
        do {
            try produce(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: destination.path, reason: reason)
        }
    }
}

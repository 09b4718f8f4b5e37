import ArgumentParser
import BookifyCore
import Foundation

/// Turns every error into one message on standard error and a sysexits code (ARCHITECTURE §1).
/// This is the only place where errors become text.
enum ErrorReport {
    static func exit(for error: Error) -> ExitCode {
        TemporaryFiles.awaitSignalIfInterrupted()  // an interrupted run ends by its signal, silently
        guard let error = error as? BookifyError else {
            printError("bookify: error: \(error)")
            return ExitCode(70)  // EX_SOFTWARE
        }
        printError("bookify: error: " + message(for: error))
        return ExitCode(exitCode(for: error))
    }

    static func message(for error: BookifyError) -> String {
        switch error {
        case .inputNotFound(let path):
            return "\(path): no such file or folder"
        case .inputNotReadable(let path, let reason):
            return "\(path): cannot read it: \(reason)"
        case .invalidInput(let path, let location, let reason):
            return "\(path)\(location.map { ":\($0)" } ?? ""): \(reason)"
        case .invalidTemplate(let path, let reason):
            return "\(path): \(reason)"
        case .outputNotCreatable(let path, let reason):
            return "\(path): cannot create it: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): writing failed: \(reason)"
        case .usage(let message):
            return message
        case .setting(let error):
            return Setting.message(for: error)
        }
    }

    /// sysexits.h: 64 usage, 65 bad data, 66 no input, 73 cannot create, 74 I/O error.
    static func exitCode(for error: BookifyError) -> Int32 {
        switch error {
        case .usage, .setting: return 64
        case .invalidInput, .invalidTemplate: return 65
        case .inputNotFound, .inputNotReadable: return 66
        case .outputNotCreatable: return 73
        case .writeFailed: return 74
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

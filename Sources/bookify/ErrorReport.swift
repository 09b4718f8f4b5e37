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
        case .mail(let failure):
            return mailMessage(for: failure)
        }
    }

    /// One line: what failed and where, then which books went and which did not.
    static func mailMessage(for failure: MailFailure) -> String {
        let what = switch failure.kind {
        case .unreachable: "cannot reach the mail server"
        case .timeout: "the mail server did not answer in time"
        case .tls: "no secure connection to the mail server (--smtp-security, --smtp-ca-file)"
        case .loginRefused: "the mail server refused the login (--smtp-user; the password from BOOKIFY_SMTP_PASSWORD or ~/.netrc)"
        case .senderRefused: "the mail server refused the sender (--from)"
        case .recipientRefused: "the mail server refused a recipient"
        case .tooLarge: "too large to mail"
        case .failed: "mailing failed"
        }
        var line = "\(failure.subject): \(what): \(failure.detail)"
        if !failure.sent.isEmpty { line += "; sent: " + failure.sent.joined(separator: ", ") }
        if !failure.unsent.isEmpty { line += "; not sent: " + failure.unsent.joined(separator: ", ") }
        return line
    }

    /// sysexits.h: 64 usage, 65 bad data, 66 no input, 73 cannot create, 74 I/O error; for
    /// mail 67 recipient refused, 69 server unavailable, 75 try again later, 76 protocol (TLS),
    /// 77 login or sender refused.
    static func exitCode(for error: BookifyError) -> Int32 {
        switch error {
        case .mail(let failure):
            switch failure.kind {
            case .recipientRefused: return 67
            case .unreachable, .failed: return 69
            case .timeout: return 75
            case .tls: return 76
            case .loginRefused, .senderRefused: return 77
            case .tooLarge: return 65
            }
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

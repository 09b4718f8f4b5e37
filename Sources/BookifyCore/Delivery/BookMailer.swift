import Foundation

/// Mails books, one message per file (a book in volumes is one message per volume, each under
/// the service's limit), in order; stops at the first failure and says which went.
public struct BookMailer: Sendable {
    public let settings: MailSettings
    /// The password, from `BOOKIFY_SMTP_PASSWORD`; nil: ~/.netrc's.
    let password: String?

    /// A mailer with `settings`, the password from the environment (`BOOKIFY_SMTP_PASSWORD`)
    /// or, without it, from ~/.netrc.
    public init(settings: MailSettings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        password = environment["BOOKIFY_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Checks what can be known before anything goes: a server and a sender, plain SMTP only to
    /// this machine, and no file larger than a Kindle address takes.
    public func check(_ files: [URL]) throws(MailFailure) {
        for file in files where settings.sendsToKindle {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if size > MailSettings.kindleLimit {
                throw MailFailure(kind: .tooLarge, subject: file.relativePath,
                                  detail: "\(size / 1024 / 1024) MB, more than the \(MailSettings.kindleLimit / 1024 / 1024) MB Send to Kindle takes by mail; "
                                      + "build it with --split-size 45MB and send its volumes", unsent: files.map(\.relativePath))
            }
        }
    }

    /// Sends each file in its own message; `sent` hears of each one that went.
    public func send(_ files: [URL], sent: (URL) -> Void = { _ in }) throws(MailFailure) {
        try check(files)
        let transport = SMTPTransport(settings: settings, password: password)
        let from = settings.from ?? "bookify@localhost"
        var delivered: [String] = []
        for (index, file) in files.enumerated() {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw MailFailure(kind: .failed, subject: file.relativePath, detail: "cannot read the file", sent: delivered,
                                  unsent: files[index...].map(\.relativePath))
            }
            let name = file.lastPathComponent
            let message = MailMessage(from: from, recipients: settings.recipients, subject: name,
                                      body: "\(name) (\(Self.size(data.count))), sent by bookify \(BookifyVersion.current).\r\n",
                                      attachmentName: name, attachment: data)
            do {
                try transport.send(message.bytes, from: from, to: settings.recipients)
            } catch var failure {
                (failure.sent, failure.unsent) = (delivered, files[index...].map(\.relativePath))
                throw failure
            }
            delivered.append(file.relativePath)
            sent(file)
        }
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1024 / 1024) : "\(max(bytes / 1024, 1)) KB"
    }
}

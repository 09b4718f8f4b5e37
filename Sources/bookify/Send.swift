import ArgumentParser
import BookifyCore
import Foundation

/// `bookify send BOOK… --to ADDRESS`: mails books already written, one message per file.
struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Mail books (EPUB or PDF files) to an address over SMTP, one message per file.",
        discussion: """
            The password is read from BOOKIFY_SMTP_PASSWORD, or from ~/.netrc (machine HOST login \
            USER password …); never from the command line or bookify.yml. Settings not given here \
            come from the mail: section of bookify.yml. For Send to Kindle, approve the --from \
            address in the Amazon account (Manage Your Content and Devices > Preferences > Personal \
            Document Settings) and send files of at most 50 MB (build with --split-size 45MB).
              bookify send blog.epub --to me@kindle.com --smtp-server smtp.example.com --from me@example.com
            """)

    @Argument(help: "The books to send, in this order (a book's volumes each go in a message of their own).")
    var books: [String]

    @Option(help: ArgumentHelp("Send to this address; repeat for several (default: mail: to in bookify.yml).", valueName: "address"))
    var to: [String] = []

    @Option(help: "A bookify.yml whose mail: settings to use (default: bookify.yml in this folder, if there is one).")
    var config: String?

    @OptionGroup(title: "Mail")
    var smtp: SMTPOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() async throws {
        do {
            let mail = try settings().mail
            let files = try books.map { path throws(BookifyError) -> URL in
                _ = try OutputBook(path: path)  // a book: .epub, .kepub.epub or .pdf
                guard FileManager.default.fileExists(atPath: path) else { throw .inputNotFound(path: path) }
                return URL(fileURLWithPath: path)
            }
            try Self.send(files, with: mail, quiet: quiet)
        } catch {
            throw ErrorReport.exit(for: error)
        }
    }

    /// Mails `files` as `mail` says, a line for each one sent.
    static func send(_ files: [URL], with mail: MailSettings, quiet: Bool) throws(BookifyError) {
        do throws(MailFailure) {
            try BookMailer(settings: mail).send(files) { file in
                if !quiet { printError("Sent \(file.relativePath) to \(mail.recipients.joined(separator: ", ")).") }
            }
        } catch {
            throw .mail(error)
        }
    }

    /// bookify.yml's settings with the command line's over them, checked for mail.
    private func settings() throws(BookifyError) -> BookSettings {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var settings = try BookConfiguration.locate(explicit: config, inputs: [], workingDirectory: cwd)
            .map { url throws(BookifyError) in try BookConfiguration.load(url) }?.settings ?? BookSettings()
        do throws(SettingError) {
            try Setting.apply([String: SettingInput].merging([.init(given: ["send-to": to]), smtp.given]), to: &settings)
            try settings.mail.checked()
        } catch {
            throw .setting(error)
        }
        guard settings.mail.isEnabled else { throw .usage("Name an address to send to: --to ADDRESS (or mail: to: in bookify.yml).") }
        return settings
    }
}

import ArgumentParser
import BookifyCore

/// How to reach the SMTP server and who sends: what `build --send-to` and `send` share.
struct SMTPOptions: SettingOptions {
    @Option(help: Setting.help("smtp-server")) var smtpServer: String?
    @Option(help: Setting.help("smtp-security")) var smtpSecurity: String?
    @Option(help: Setting.help("smtp-user")) var smtpUser: String?
    @Option(help: Setting.help("from")) var from: String?
    @Option(help: Setting.help("smtp-ca-file")) var smtpCaFile: String?

    var given: [String: SettingInput] {
        .init(given: [
            "smtp-server": smtpServer,
            "smtp-security": smtpSecurity,
            "smtp-user": smtpUser,
            "from": from,
            "smtp-ca-file": smtpCaFile,
        ])
    }
}

/// `build --send-to ADDRESS`: mail each book written.
struct MailOptions: SettingOptions {
    @Option(help: Setting.help("send-to")) var sendTo: [String] = []
    @OptionGroup var smtp: SMTPOptions

    var given: [String: SettingInput] {
        [String: SettingInput].merging([.init(given: ["send-to": sendTo]), smtp.given])
    }
}

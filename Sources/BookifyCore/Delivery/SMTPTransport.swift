import Foundation

/// Sends a message over SMTP through libcurl (`Curl`): STARTTLS or implicit TLS, a login with the
/// password from `BOOKIFY_SMTP_PASSWORD` or `~/.netrc`, and each failure sorted into a
/// `MailFailure`.
struct SMTPTransport {
    let settings: MailSettings
    /// The password to log in with; nil: ~/.netrc's, if it has the server.
    let password: String?

    /// `host:port`, as messages name the server.
    var serverName: String {
        let host = settings.server ?? "localhost"
        return "\(host.contains(":") ? "[\(host)]" : host):\(settings.port ?? settings.security.defaultPort)"
    }

    func send(_ message: Data, from: String, to recipients: [String]) throws(MailFailure) {
        guard !recipients.isEmpty else { return }
        guard let curl = Curl.shared else { throw MailFailure(kind: .failed, subject: serverName, detail: Curl.missing.detail) }
        let url = (settings.security == .tls ? "smtps://" : "smtp://") + serverName
        guard let failure = curl.sendMail(message, url: url, requireTLS: settings.security == .starttls, user: settings.user,
                                          password: password, caFile: settings.caFile?.path, from: "<\(from)>",
                                          to: recipients.map { "<\($0)>" }, connectTimeout: Int(settings.connectTimeout),
                                          timeout: Int(settings.timeout)) else { return }
        let (detail, reply) = (failure.detail, failure.reply)
        throw MailFailure(kind: Self.kind(of: failure), subject: serverName,
                          detail: reply >= 400 && !detail.contains(String(reply)) ? "\(detail) (the server said \(reply))" : detail)
    }

    private static func kind(of failure: Curl.Failure) -> MailFailure.Kind {
        switch failure.kind {
        case .unresolvedHost, .unreachableHost: .unreachable
        case .timedOut: .timeout
        case .loginDenied: .loginRefused
        case .tls: .tls
        case .tooLarge, .other:
            // libcurl reports a refused MAIL FROM or RCPT TO as a send error, its reply in the text.
            // 530 and 535: a login is needed, or it was refused.
            failure.reply == 530 || failure.reply == 535 ? .loginRefused : failure.detail.contains("RCPT") ? .recipientRefused
                : failure.detail.contains("MAIL failed") ? .senderRefused : .failed
        }
    }
}

import CCurl
import Foundation

/// Sends a message over SMTP with libcurl (the only code that sees libcurl): STARTTLS or
/// implicit TLS, a login with the password from `BOOKIFY_SMTP_PASSWORD` or `~/.netrc`, and
/// each failure sorted into a `MailFailure`.
struct SMTPTransport {
    let settings: MailSettings
    /// The password to log in with; nil: ~/.netrc's, if it has the server.
    let password: String?

    private static let setUp: Void = bookify_curl_global_init()

    /// `host:port`, as messages name the server.
    var serverName: String {
        let host = settings.server ?? "localhost"
        return "\(host.contains(":") ? "[\(host)]" : host):\(settings.port ?? settings.security.defaultPort)"
    }

    func send(_ message: Data, from: String, to recipients: [String]) throws(MailFailure) {
        _ = Self.setUp
        guard !recipients.isEmpty else { return }
        let url = (settings.security == .tls ? "smtps://" : "smtp://") + serverName
        var error = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var reply = 0
        let result = message.withUnsafeBytes { bytes in
            withCStrings(recipients.map { "<\($0)>" }) { list in
                bookify_smtp_send(url, settings.security == .starttls ? 1 : 0, settings.user, password, settings.caFile?.path,
                                  "<\(from)>", list, recipients.count, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                  bytes.count, Int(settings.connectTimeout), Int(settings.timeout), &error, &reply)
            }
        }
        guard result != 0 else { return }
        let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let detail = text.isEmpty ? String(cString: curl_easy_strerror(CURLcode(UInt32(result)))) : text
        throw MailFailure(kind: Self.kind(of: result, detail: detail, reply: reply), subject: serverName,
                          detail: reply >= 400 && !detail.contains(String(reply)) ? "\(detail) (the server said \(reply))" : detail)
    }

    private static func kind(of code: Int32, detail: String, reply: Int) -> MailFailure.Kind {
        switch CURLcode(UInt32(code)) {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT: .unreachable
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_LOGIN_DENIED: .loginRefused
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CIPHER: .tls
        default:
            // libcurl reports a refused MAIL FROM or RCPT TO as a send error, its reply in the text.
            // 530 and 535: a login is needed, or it was refused.
            reply == 530 || reply == 535 ? .loginRefused : detail.contains("RCPT") ? .recipientRefused
                : detail.contains("MAIL failed") ? .senderRefused : .failed
        }
    }
}

/// Runs `body` with the strings as a C array of C strings.
private func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result) -> Result {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

import Foundation

/// How books are mailed (`--send-to`, `bookify send`, `mail:` in bookify.yml): the SMTP server
/// and how to reach it, who sends, who receives. The password is never a setting: it comes
/// from `BOOKIFY_SMTP_PASSWORD` or `~/.netrc` only (`MailPassword`).
public struct MailSettings: Sendable, Equatable {
    /// How the connection to the server is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain SMTP, then STARTTLS before anything is sent (port 587 by default).
        case starttls
        /// TLS from the first byte (SMTPS, port 465 by default).
        case tls
        /// No encryption: allowed only for a server on this machine (a local relay, tests).
        case none

        /// The port used when the server is given without one.
        public var defaultPort: Int {
            switch self {
            case .starttls: 587
            case .tls: 465
            case .none: 25
            }
        }
    }

    /// Where each book goes; empty: books are not mailed.
    public var recipients: [String] = []
    /// The SMTP server's host name (or address), and its port when not the security's default.
    public var server: String?
    public var port: Int?
    public var security = Security.starttls
    /// The user to log in as; nil: no login, unless ~/.netrc names one for the server.
    public var user: String?
    /// The sender's address (for Send to Kindle: an address approved in the Amazon account).
    public var from: String?
    /// Certificates to trust for the server instead of the system's (a private server's CA).
    public var caFile: URL?
    /// Seconds to wait for the server to answer, and for a whole message to go.
    public var connectTimeout: TimeInterval = 20
    public var timeout: TimeInterval = 600

    public init() {}

    /// Whether a book is mailed at all.
    public var isEnabled: Bool { !recipients.isEmpty }

    /// The largest file Send to Kindle takes by mail.
    public static let kindleLimit = 50 * 1024 * 1024

    /// Whether a recipient is a Send to Kindle address, which takes files up to `kindleLimit`.
    public var sendsToKindle: Bool {
        recipients.contains { address in
            let domain = address.split(separator: "@").last.map { $0.lowercased() } ?? ""
            return domain == "kindle.com" || domain == "free.kindle.com"
        }
    }

    /// `HOST`, `HOST:PORT` or `[IPv6]:PORT`, as `--smtp-server` takes it.
    static func server(_ text: String, _: SettingPaths) throws(SettingError) -> (host: String, port: Int?) {
        let refused = SettingError("expected HOST or HOST:PORT, like smtp.example.com:587")
        var host = Substring(text), port: Int?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw refused }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else { throw refused }
                port = number
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            guard let number = Int(text[text.index(after: colon)...]) else { throw refused }
            port = number
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || "/@?#".contains($0) }) else { throw refused }
        if let port, !(1...65535).contains(port) { throw SettingError("expected a port from 1 to 65535, not \(port)") }
        return (String(host), port)
    }

    /// What a mail needs that no single setting can check: a server and a sender, and plain
    /// SMTP only to this machine (a password must never cross a network in the clear).
    public func checked() throws(SettingError) {
        guard isEnabled else { return }
        guard let server else { throw SettingError("mails the books", key: "send-to", needs: "smtp-server") }
        guard from != nil else { throw SettingError("mails the books", key: "send-to", needs: "from") }
        if security == .none, !Self.isLoopback(server) {
            throw SettingError("none sends in the clear, so only to a server on this machine (localhost, 127.0.0.1, ::1): use starttls or tls",
                               key: "smtp-security")
        }
    }

    /// Whether `host` is this machine, the only place plain SMTP may go.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// An address as SMTP wants it: one mailbox, no spaces, line breaks or angle brackets.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains { $0.isWhitespace || $0.isNewline || "<>,;\"()".contains($0) }
    }
}

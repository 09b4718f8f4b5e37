/// Why a book could not be mailed, and which of the books had gone before it stopped, so that
/// nothing is half sent silently.
public struct MailFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached (no such host, nothing listening, refused).
        case unreachable
        /// The server took too long to answer.
        case timeout
        /// TLS could not be set up: no STARTTLS, or a certificate that is not trusted.
        case tls
        /// The server refused the login (user or password).
        case loginRefused
        /// The server refused the sender's address.
        case senderRefused
        /// The server refused a recipient.
        case recipientRefused
        /// A file is larger than the recipient's service takes.
        case tooLarge
        /// Anything else the server or the connection did.
        case failed
    }

    public var kind: Kind
    /// The server (`host:port`), or the file for `tooLarge`.
    public var subject: String
    /// What went wrong, in a few words (the server's reply where it gave one).
    public var detail: String
    /// The books that were sent before the failure, and those that were not.
    public var sent: [String] = []
    public var unsent: [String] = []

    public init(kind: Kind, subject: String, detail: String, sent: [String] = [], unsent: [String] = []) {
        (self.kind, self.subject, self.detail, self.sent, self.unsent) = (kind, subject, detail, sent, unsent)
    }
}

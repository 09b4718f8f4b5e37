import Foundation

/// One book as an e-mail (RFC 5322 with MIME, lines ending in CRLF): a short plain-text body
/// and the book attached in base64 under its file name and media type, as Send to Kindle and
/// mail programs read it.
struct MailMessage {
    var from: String
    var recipients: [String]
    var subject: String
    var body: String
    var attachmentName: String
    var attachment: Data
    var date = Date()
    /// Unique per message: the boundary and the Message-ID.
    var identifier = UUID().uuidString.lowercased()

    /// The media type a reader expects of a book's file.
    static func mediaType(of fileName: String) -> String {
        (try? OutputBook(path: fileName))?.format.mediaType ?? "application/octet-stream"
    }

    /// The message as sent.
    var bytes: Data {
        let boundary = "bookify-" + identifier
        let domain = from.split(separator: "@").last.map(String.init) ?? "bookify"
        var lines = [
            "From: " + from,
            "To: " + recipients.joined(separator: ", "),
            "Subject: " + Self.headerText(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(identifier)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "--" + boundary,
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(Data(body.utf8))
        let type = Self.mediaType(of: attachmentName)
        lines += [
            "--" + boundary,
            "Content-Type: \(type); name=\"\(Self.asciiName(attachmentName))\"",
            "Content-Disposition: attachment; filename=\"\(Self.asciiName(attachmentName))\"; filename*=UTF-8''\(Self.percentEncoded(attachmentName))",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        var text = lines.joined(separator: "\r\n") + "\r\n"
        text.reserveCapacity(text.utf8.count + attachment.count * 4 / 3 + attachment.count / 38 + 64)
        for line in Self.base64Lines(attachment) { text += line + "\r\n" }
        text += "--" + boundary + "--\r\n"
        return Data(text.utf8)
    }

    /// Base64 in lines of 76 characters, as MIME wants them.
    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return encoded.components(separatedBy: "\r\n")
    }

    /// A header value: as it is when plain ASCII, else an RFC 2047 encoded word.
    static func headerText(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard clean.unicodeScalars.contains(where: { !$0.isASCII }) else { return clean }
        return "=?UTF-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }

    /// The file name in ASCII for readers that do not read `filename*` (the rest become `_`).
    static func asciiName(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
    }

    /// The file name as RFC 2231 writes it in `filename*`.
    static func percentEncoded(_ name: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "book"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

@testable import BookifyCore
import Foundation
import Testing

/// Mailing books (issue 33): `--send-to` on a build and `bookify send`, through a real SMTP
/// server on loopback with STARTTLS or TLS and a login; each message is read back: envelope,
/// attachment bytes equal to the book's, one message per volume; and each failure is one line
/// with its exit code, saying what was not sent.
@Suite struct MailTests {
    private static let examples = TestPaths.packageRoot.appendingPathComponent("examples/feed.json")
    private static let password = ["BOOKIFY_SMTP_PASSWORD": SMTPTestServer.password]

    private func bookify(_ arguments: [String], in folder: URL, environment: [String: String] = password) -> Shell.Result {
        Shell.run(TestPaths.bookifyBinary.path, arguments, in: folder,
                  environment: environment.merging(["XDG_CACHE_HOME": folder.path]) { $1 })
    }

    private func mailFlags(_ server: SMTPTestServer, security: String = "starttls") -> [String] {
        ["--smtp-server", server.address, "--smtp-security", security, "--smtp-user", SMTPTestServer.user,
         "--from", "me@example.com", "--smtp-ca-file", server.caFile.path]
    }

    @Test func aBuildMailsItsBookOverSTARTTLSAndTheAttachmentIsTheBook() throws {
        let server = try SMTPTestServer(mode: "starttls")
        let folder = TestPaths.temporaryFolder()
        let result = bookify([Self.examples.path, "-o", "blog.epub", "--offline", "--send-to", "reader@example.org"] + mailFlags(server), in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Sent blog.epub to reader@example.org."), "\(result.stderr)")
        let messages = server.messages()
        try #require(messages.count == 1)
        #expect(messages[0].sender == "me@example.com" && messages[0].recipients == ["reader@example.org"])
        #expect(messages[0].headers.contains("From: me@example.com") && messages[0].headers.contains("To: reader@example.org"))
        #expect(messages[0].attachmentName == "blog.epub")
        #expect(messages[0].attachment == FileManager.default.contents(atPath: folder.appendingPathComponent("blog.epub").path))
    }

    @Test func aBookInVolumesGoesOneMessagePerVolume() throws {
        let server = try SMTPTestServer(mode: "starttls")
        let folder = TestPaths.temporaryFolder()
        let result = bookify([Self.examples.path, "-o", "blog.epub", "--offline", "--split-size", "20KB", "--send-to", "reader@example.org"]
                             + mailFlags(server), in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let volumes = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("blog-") }.sorted()
        let messages = server.messages()
        try #require(volumes.count >= 3 && messages.count == volumes.count, "\(volumes) \(messages.count)")
        for (volume, message) in zip(volumes, messages) {
            #expect(message.attachmentName == volume)
            #expect(message.attachment == FileManager.default.contents(atPath: folder.appendingPathComponent(volume).path))
        }
    }

    @Test func sendMailsBooksWrittenBeforeOverImplicitTLSWithTheNetrcPassword() throws {
        let server = try SMTPTestServer(mode: "tls")
        let folder = TestPaths.temporaryFolder()
        let built = bookify([Self.examples.path, "-o", "blog.epub", "-o", "blog.pdf", "--offline"], in: folder)
        try #require(built.status == 0, "\(built.stderr)")
        // No BOOKIFY_SMTP_PASSWORD: the password comes from ~/.netrc.
        let home = TestPaths.temporaryFolder()
        let netrc = home.appendingPathComponent(".netrc")
        try "machine 127.0.0.1 login \(SMTPTestServer.user) password \(SMTPTestServer.password)\n".write(to: netrc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: netrc.path)
        let result = bookify(["send", "blog.epub", "blog.pdf", "--to", "reader@example.org", "--smtp-server", server.address,
                              "--smtp-security", "tls", "--from", "me@example.com", "--smtp-ca-file", server.caFile.path],
                             in: folder, environment: ["HOME": home.path, "BOOKIFY_SMTP_PASSWORD": ""])
        try #require(result.status == 0, "\(result.stderr)")
        let messages = server.messages()
        try #require(messages.count == 2)
        #expect(messages.map(\.attachmentName) == ["blog.epub", "blog.pdf"])
        #expect(messages[1].attachment == FileManager.default.contents(atPath: folder.appendingPathComponent("blog.pdf").path))
    }

    @Test func failuresAreOneLineWithTheirExitCodeAndSayWhatWasNotSent() throws {
        let server = try SMTPTestServer(mode: "starttls")
        let folder = TestPaths.temporaryFolder()
        try Data("not really a book".utf8).write(to: folder.appendingPathComponent("a.epub"))
        let send = { (arguments: [String], environment: [String: String]) in
            self.bookify(["send", "a.epub", "--to", "reader@example.org"] + arguments, in: folder, environment: environment)
        }
        let refusedLogin = send(mailFlags(server), ["BOOKIFY_SMTP_PASSWORD": "wrong"])
        #expect(refusedLogin.status == 77)
        #expect(refusedLogin.stderr.contains("refused the login") && refusedLogin.stderr.contains("not sent: a.epub"), "\(refusedLogin.stderr)")
        let refusedRecipient = bookify(["send", "a.epub", "--to", SMTPTestServer.refusedAddress] + mailFlags(server), in: folder)
        #expect(refusedRecipient.status == 67 && refusedRecipient.stderr.contains("refused a recipient"), "\(refusedRecipient.stderr)")
        let untrusted = send(mailFlags(server).filter { $0 != "--smtp-ca-file" && $0 != server.caFile.path }, Self.password)
        #expect(untrusted.status == 76 && untrusted.stderr.contains("no secure connection"), "\(untrusted.stderr)")
        // A port where nothing listens.
        let unreachable = send(["--smtp-server", "127.0.0.1:1", "--from", "me@example.com"], Self.password)
        #expect(unreachable.status == 69 && unreachable.stderr.contains("cannot reach the mail server"), "\(unreachable.stderr)")
        #expect(server.messages().isEmpty, "nothing was delivered")
        // Plain SMTP goes only to this machine; a mail needs a server and a sender.
        let plain = send(["--smtp-server", "smtp.example.com", "--smtp-security", "none", "--from", "me@example.com"], Self.password)
        #expect(plain.status == 64 && plain.stderr.contains("--smtp-security"), "\(plain.stderr)")
        let noSender = send(["--smtp-server", server.address], Self.password)
        #expect(noSender.status == 64 && noSender.stderr.contains("--from"), "\(noSender.stderr)")
    }

    @Test func mailSettingsComeFromBookifyYml() throws {
        let server = try SMTPTestServer(mode: "starttls")
        let folder = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: Self.examples, to: folder.appendingPathComponent("feed.json"))
        try """
            input: feed.json
            mail:
              to: [reader@example.org, second@example.org]
              server: "\(server.address)"
              user: \(SMTPTestServer.user)
              from: me@example.com
              ca-file: \(server.caFile.path)
            """.write(to: folder.appendingPathComponent("bookify.yml"), atomically: true, encoding: .utf8)
        let result = bookify(["-o", "blog.epub", "--offline"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let messages = server.messages()
        #expect(messages.count == 1 && messages.first?.recipients == ["reader@example.org", "second@example.org"])
        // --watch would mail a book at every change: refused.
        let watching = bookify(["-o", "blog.epub", "--offline", "--watch"], in: folder)
        #expect(watching.status == 64 && watching.stderr.contains("--watch"), "\(watching.stderr)")
    }

    @Test func aPasswordInBookifyYmlIsRefusedWithItsLine() throws {
        let folder = TestPaths.temporaryFolder()
        try "input: feed.json\nmail:\n  to: me@kindle.com\n  password: hunter2\n".write(to: folder.appendingPathComponent("bookify.yml"),
                                                                                       atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.examples, to: folder.appendingPathComponent("feed.json"))
        let result = bookify(["-o", "blog.epub", "--offline"], in: folder)
        #expect(result.status == 65 && result.stderr.contains("bookify.yml:4:") && result.stderr.contains("BOOKIFY_SMTP_PASSWORD"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("blog.epub").path))
    }

    @Test func aKindleAddressGetsVolumesUnderItsLimitAndRefusesALargerFile() throws {
        var settings = BookSettings()
        try Setting.apply(["send-to": .texts(["me@kindle.com"]), "smtp-server": .text("smtp.example.com"), "from": .text("me@example.com")],
                          to: &settings)
        #expect(settings.mail.sendsToKindle)
        let folder = TestPaths.temporaryFolder()
        let request = try BuildRequest(inputs: [Self.examples.path], workingDirectory: folder, overrides: { $0 = settings })
        #expect(request.settings.epub.splitSize == 45 * 1024 * 1024, "volumes of 45 MB for Send to Kindle's 50 MB")
        let large = folder.appendingPathComponent("large.epub")
        FileManager.default.createFile(atPath: large.path, contents: Data(count: MailSettings.kindleLimit + 1))
        #expect(throws: MailFailure.self) { try BookMailer(settings: settings.mail).check([large]) }
    }

    @Test func serverAddressesAndHeadersAreReadAndWrittenAsMailWantsThem() throws {
        #expect(try MailSettings.server("smtp.example.com", SettingPaths()) == ("smtp.example.com", nil))
        #expect(try MailSettings.server("smtp.example.com:2525", SettingPaths()) == ("smtp.example.com", 2525))
        #expect(try MailSettings.server("[::1]:25", SettingPaths()) == ("::1", 25))
        #expect(throws: SettingError.self) { try MailSettings.server("smtp.example.com:99999", SettingPaths()) }
        #expect(throws: SettingError.self) { try MailSettings.server("user@smtp.example.com", SettingPaths()) }
        #expect(MailSettings.isLoopback("127.0.0.1") && MailSettings.isLoopback("[::1]") && !MailSettings.isLoopback("10.0.0.1"))
        let message = MailMessage(from: "me@example.com", recipients: ["a@example.org"], subject: "Über Bücher",
                                  body: "hi", attachmentName: "Bücher.epub", attachment: Data([1, 2, 3]))
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("filename=\"B_cher.epub\"; filename*=UTF-8''B%C3%BCcher.epub"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    }
}

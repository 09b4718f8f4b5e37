import Foundation
import Testing

/// What a new user meets around the book itself (issue 19): the version, the summary line,
/// the warnings of an offline build.
@Suite struct ToolingTests {
    @Test func versionNamesBookifyAndTheLibrariesItRunsOn() throws {
        let result = Shell.bookify(["--version"], in: TestPaths.temporaryFolder())
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("bookify ") == true)
        for library in ["cmark-gfm", "libxml2", "libzip", "Pango", "Cairo"] {
            let line = try #require(lines.first { $0.hasPrefix(library + " ") }, "no \(library) in \(lines)")
            // A real version read from the library: digits and dots, like 2.9.14 or 0.29.0.gfm.6.
            #expect(line.dropFirst(library.count + 1).first?.isNumber == true, "\(line)")
        }
    }
}

/// Images from hosts that cannot be reached: one try per host, one warning line per host.
@Suite struct UnreachableHostTests {
    /// A TCP port that accepts connections and never answers: a host that times out.
    private final class SilentListener {
        let descriptor: Int32
        let port: UInt16

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.descriptor = descriptor
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
            }
            try #require(bound && listen(descriptor, 128) == 0, "cannot listen on loopback")
            port = UInt16(bigEndian: address.sin_port)
        }

        deinit { close(descriptor) }
    }

    @Test(.timeLimit(.minutes(2))) func imagesFromAHostThatDoesNotAnswerWaitForOneTimeOutAndGiveOneLine() throws {
        let listener = try SilentListener()
        let images = (1...40).map { "![Picture \($0)](http://127.0.0.1:\(listener.port)/\($0).png)" }
            + (1...5).map { "![Elsewhere \($0)](https://images.example.invalid/\($0).png)" }
        let posts = stride(from: 0, to: images.count, by: 5).map { start -> [String: Any] in
            ["id": "\(start)", "title": "Post \(start)", "url": "https://blog.example/\(start)/",
             "content_html": images[start..<start + 5].joined(separator: "\n\n")]
        }
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Far away", "items": posts]
        let folder = TestPaths.temporaryFolder()
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        let started = Date()
        let result = Shell.bookify(["feed.json", "-o", "far.epub", "--connect-timeout", "3", "--timeout", "5",
                                    "--cache-dir", TestPaths.temporaryFolder().path], in: folder)
        let seconds = Date().timeIntervalSince(started)
        try #require(result.status == 0, "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("far.epub"))
        // Each image waiting for its own time-out, six at a time, took 7 × 3 s.
        #expect(seconds < 12, "\(seconds) s")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let warnings = lines.filter { $0.hasPrefix("bookify: warning:") }
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.contains { $0.hasPrefix("bookify: warning: 40 images from 127.0.0.1: no answer in time") }, "\(result.stderr)")
        #expect(warnings.contains { $0.hasPrefix("bookify: warning: 5 images from images.example.invalid: cannot") }, "\(result.stderr)")
        #expect(lines.last?.hasPrefix("Wrote far.epub (") == true, "\(result.stderr)")
        #expect(lines.last?.contains(": 9 posts in 1 chapter, 0 images embedded and 45 missing, 2 warnings, in ") == true, "\(result.stderr)")
    }
}

@testable import BookifyCore
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

    /// Every run loads what bookify links, so libcurl (with its TLS stacks), librsvg,
    /// GdkPixbuf and Pango's stack are opened only when a run needs them; a GIF is still decoded
    /// when a device needs it converted (fetching and mailing are tested with their own servers).
    @Test func seldomUsedLibrariesAreNotLoadedAtStartButOpenedWhenNeeded() throws {
        let linked = Shell.run("/usr/bin/ldd", [TestPaths.bookifyBinary.path])
        #expect(linked.status == 0 && linked.stdout.contains("libxml2"), "\(linked.stdout)\(linked.stderr)")
        for library in ["librsvg", "libgdk_pixbuf", "libcurl", "libssl", "libgnutls",
                        "libpango", "libcairo", "libharfbuzz", "libfontconfig", "libglib", "libgobject"] {
            #expect(!linked.stdout.contains(library), "\(library) is linked")
        }
        #expect(ImageLibraries.svg != nil && ImageLibraries.pixbuf != nil, "librsvg and GdkPixbuf are installed and open")
        #expect(Curl.shared != nil, "libcurl is installed and opens")
        // One frame of a GIF (a red pixel), converted for a reMarkable, which takes no GIF: GdkPixbuf decodes it.
        let gif: [UInt8] = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0,
                            1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]
        let png = try #require(ImageConverter.convert(gif, type: .gif, width: 1, height: 1, for: DeviceProfile(.remarkable)))
        #expect(png.type == .png && png.width == 1 && png.height == 1)
    }

    /// An EPUB build that draws nothing (its cover kept from an earlier run, or none) never
    /// opens Pango and the thirty-odd libraries it brings; the first build, which draws the
    /// cover, and a PDF build do. The dynamic loader's own log (`LD_DEBUG=files`) says which.
    @Test func pangoIsOpenedOnlyByBuildsThatDraw() throws {
        let folder = TestPaths.temporaryFolder()
        let feed = TestPaths.examples.appendingPathComponent("feed.json").path
        let environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "LD_DEBUG": "files"]
        let opensPango = { (arguments: [String]) -> Bool in
            let result = Shell.run(TestPaths.bookifyBinary.path, [feed, "--offline", "-q"] + arguments, in: folder,
                                   environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr.suffix(2000))")
            return result.stderr.contains("file=libpangocairo-1.0.so.0")
        }
        #expect(opensPango(["-o", "first.epub"]), "the first build draws the cover")
        #expect(!opensPango(["-o", "again.epub"]), "the cover is kept: nothing is drawn")
        #expect(!opensPango(["-o", "bare.epub", "--cover", "none"]))
        #expect(opensPango(["-o", "book.pdf"]))
        let (first, again) = (folder.appendingPathComponent("first.epub"), folder.appendingPathComponent("again.epub"))
        #expect(try Data(contentsOf: first) == Data(contentsOf: again), "the kept cover is the one drawn")
        try EPUBCheck.expectClean(again)
    }

    /// On a terminal (`script` gives bookify one), a line per stage redrawn in place, cleared
    /// before the summary; in a pipe or with -q, no progress at all.
    @Test func progressShowsEachStageOnATerminalOnly() throws {
        let folder = TestPaths.temporaryFolder()
        let command = [TestPaths.bookifyBinary.path, TestPaths.examples.appendingPathComponent("feed.json").path,
                       "--assets", TestPaths.examples.path, "-o", folder.appendingPathComponent("book.epub").path]
        let onTerminal = { (extra: [String]) in
            Shell.run("/usr/bin/script", ["-qec", (command + extra).map { "'\($0)'" }.joined(separator: " "), "/dev/null"], in: folder).stdout
        }
        let shown = onTerminal([])
        for stage in ["Reading inputs: 0/1", "Converting posts: 5/5", "Loading images: 1/1", "Writing books: 0/1"] {
            #expect(shown.contains("\r\u{1B}[K" + stage), "\(stage) in \(shown.debugDescription)")
        }
        #expect(shown.contains("\r\u{1B}[KWrote "), "the line is cleared before the summary: \(shown.debugDescription)")
        #expect(onTerminal(["-q"]).isEmpty)
        let piped = Shell.run(command[0], Array(command.dropFirst()), in: folder)
        #expect(piped.status == 0 && !piped.stderr.contains("\u{1B}") && piped.stderr.hasPrefix("Wrote "), "\(piped.stderr)")
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

    /// A feed of five-image posts showing `images`, in a new folder.
    private func feed(showing images: [String]) throws -> URL {
        let posts = stride(from: 0, to: images.count, by: 5).map { start -> [String: Any] in
            ["id": "\(start)", "title": "Post \(start)", "url": "https://blog.example/\(start)/",
             "content_html": images[start..<min(images.count, start + 5)].map { "![Picture](\($0))" }.joined(separator: "\n\n")]
        }
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Far away", "items": posts]
        let folder = TestPaths.temporaryFolder()
        try JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))
        return folder
    }

    @Test(.timeLimit(.minutes(10))) func imagesFromAHostThatDoesNotAnswerWaitForOneTimeOutAndGiveOneLine() throws {
        let listener = try SilentListener()
        let folder = try feed(showing: (1...40).map { "http://127.0.0.1:\(listener.port)/\($0).png" }
                                   + (1...5).map { "https://images.example.invalid/\($0).png" })
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

    /// Cached images whose host no longer answers: the first waits for its time-out to
    /// revalidate, the rest come from the cache at once, and nothing is missing.
    @Test(.timeLimit(.minutes(10))) func cachedImagesFromAHostThatDoesNotAnswerComeFromTheCacheAfterOneTry() throws {
        let listener = try SilentListener()
        let urls = (1...40).map { "http://127.0.0.1:\(listener.port)/\($0).png" }
        let cache = TestPaths.temporaryFolder()
        for (index, url) in urls.enumerated() {
            DownloadCache(folder: cache).store(Array(TestImage.png(seed: index + 1)), for: URL(string: url)!, etag: "\"v1\"", lastModified: nil)
        }
        let folder = try feed(showing: urls)
        let started = Date()
        let result = Shell.bookify(["feed.json", "-o", "cached.epub", "--connect-timeout", "3", "--timeout", "5",
                                    "--cache-dir", cache.path], in: folder)
        let seconds = Date().timeIntervalSince(started)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(seconds < 12, "\(seconds) s: each image waited for its own time-out (7 × 3 s)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        #expect(result.stderr.contains("40 images embedded"), "\(result.stderr)")
        try EPUBCheck.expectClean(folder.appendingPathComponent("cached.epub"))
    }
}

/// `--watch`: an author edits the site and the book follows.
@Suite struct WatchTests {
    /// Waits until `file` holds `count` lines starting with `prefix`; false after `seconds`.
    private func wait(for count: Int, linesStarting prefix: String, in file: URL, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").filter({ $0.hasPrefix(prefix) }).count >= count { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    @Test(.timeLimit(.minutes(10))) func aSavedPostATemplateAndAConfigEachRebuildTheBookOnce() throws {
        let site = try TestPaths.temporaryFolder(holding: [
            "content/posts/one.md": "---\ntitle: First draft\ndate: 2026-01-01\n---\nHello.\n",
            "content/posts/two.md": "---\ntitle: Second post\ndate: 2026-01-02\n---\nAgain.\n",
        ])
        let template = site.appendingPathComponent("templates/post.mustache")
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("templates/post.mustache"), encoding: .utf8)
        try builtIn.write(to: template, atomically: true, encoding: .utf8)
        let log = TestPaths.temporaryFolder().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = TestPaths.bookifyBinary
        process.arguments = [site.path, "-o", site.appendingPathComponent("book.epub").path,
                             "--templates", template.deletingLastPathComponent().path, "--offline", "--watch"]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": TestPaths.temporaryFolder().path]) { $1 }
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() }; process.waitUntilExit() }
        let book = site.appendingPathComponent("book.epub")
        let stderr = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        try #require(wait(for: 1, linesStarting: "Watching ", in: log), "\(stderr())")
        #expect(try BookInspector(book).navTitles.contains("First draft"))

        // A post saved twice in quick succession: one rebuild, with the new title.
        let post = site.appendingPathComponent("content/posts/one.md")
        try "---\ntitle: Second draft\ndate: 2026-01-01\n---\nHello.\n".write(to: post, atomically: true, encoding: .utf8)
        try "---\ntitle: Final title\ndate: 2026-01-01\n---\nHello.\n".write(to: post, atomically: true, encoding: .utf8)
        try #require(wait(for: 2, linesStarting: "Watching ", in: log), "\(stderr())")
        let rebuilt = try BookInspector(book)
        #expect(rebuilt.navTitles.contains("Final title") && !rebuilt.navTitles.contains("Second draft"))
        try EPUBCheck.expectClean(book)

        // The post template changes: every post page shows it.
        try builtIn.replacingOccurrences(of: "<h1 class=\"post-title\">{{title}}</h1>", with: "<h1 class=\"post-title\">{{title}} (edited template)</h1>")
            .write(to: template, atomically: true, encoding: .utf8)
        try #require(wait(for: 3, linesStarting: "Watching ", in: log), "\(stderr())")
        let titles = try BookInspector(book).elements("h1").filter { $0.hasClass("post-title") }.map(\.text)
        #expect(titles.contains("Final title (edited template)"), "\(titles)")

        // A bookify.yml appears beside the posts: its title is the book's.
        let configuration = site.appendingPathComponent("bookify.yml")
        try "title: Watched Book\n".write(to: configuration, atomically: true, encoding: .utf8)
        try #require(wait(for: 4, linesStarting: "Watching ", in: log), "\(stderr())")
        #expect(try BookInspector(book).dublinCore("title").map(\.text) == ["Watched Book"])

        // A broken bookify.yml is reported, and watching goes on.
        try "title: [unclosed\n".write(to: configuration, atomically: true, encoding: .utf8)
        try #require(wait(for: 5, linesStarting: "Watching ", in: log), "\(stderr())")
        #expect(stderr().contains("bookify: error: ") && stderr().contains("bookify.yml"), "\(stderr())")
        #expect(process.isRunning)
        // Only real changes rebuild: three after the first, and the written book itself set off none.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(stderr().split(separator: "\n").filter { $0.hasPrefix("Wrote ") }.count == 4, "\(stderr())")
    }
}

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

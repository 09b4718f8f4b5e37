import BookifyCore  // not @testable: only what a caller of the package sees
import Foundation
import Synchronization
import Testing

/// README's "From Swift" example, through the public API alone: if a declaration it needs
/// stops being public, this file stops compiling.
@Suite struct PublicAPITests {
    @Test func theReadmeExampleBuildsAnEPUBAndAPDFWithProgress() async throws {
        let folder = TestPaths.temporaryFolder()
        let (epub, pdf) = (folder.appendingPathComponent("blog.epub").path, folder.appendingPathComponent("blog.pdf").path)
        let request = try BuildRequest(inputs: [TestPaths.examples.appendingPathComponent("feed.json").path], outputs: [epub, pdf]) { settings in
            settings.groupBy = .tag
            settings.tocDepth = 3
            settings.offline = true
            settings.assets.folder = TestPaths.examples
        }
        let stages = Mutex<[BuildProgress.Stage]>([])
        let result = try await BookBuilder.build(request, progress: { progress in
            stages.withLock { if $0.last != progress.stage { $0.append(progress.stage) } }
        })
        #expect(result.written == [epub, pdf])
        #expect(result.content.book.posts.count == 5 && result.content.images.count == 1 && result.content.warnings.isEmpty)
        #expect(stages.withLock { $0 } == [.read, .convert, .images, .write, .layOut, .draw], "every stage reported, in order")
        try EPUBCheck.expectClean(URL(fileURLWithPath: epub))
    }
}

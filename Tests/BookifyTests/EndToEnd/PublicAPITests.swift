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
            settings.planning.groupBy = .tag
            settings.planning.tocDepth = 3
            settings.input.offline = true
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

    /// The DocC article "Getting started", stage by stage, and "The book model"'s exhaustive switch.
    @Test func theStagesOneByOneMakeTheSameKindOfBook() async throws {
        let book = TestPaths.temporaryFolder().appendingPathComponent("blog.epub")
        var settings = BookSettings()
        settings.input.offline = true
        settings.assets.folder = TestPaths.examples
        let builder = BookBuilder(settings: settings)
        let blogs = try await builder.read([TestPaths.examples.appendingPathComponent("feed.json").path])
        let planned = BookPlanner(settings: builder.settings).plan(blogs)
        let content = await builder.convert(planned)
        try EPUBWriter(templates: TemplateLibrary()).write(content, to: book)
        try EPUBCheck.expectClean(book)

        func describe(_ node: ContentNode) -> String {
            switch node {
            case .element(let element) where element.kind.headingLevel != nil: "heading: " + element.textContent
            case .element(let element): element.kind.isBlock ? "block \(element.kind)" : "inline \(element.kind)"
            case .text(let text): "text: " + text
            case .image(let image): "image \(image.width)×\(image.height)"
            case .math(let formula): "math: " + formula.source
            case .placeholder, .media, .note, .token, .checkbox: "other"
            }
        }
        let kinds = content.documents.flatMap(\.body).map(describe)
        #expect(kinds.contains { $0.hasPrefix("heading: ") } && kinds.contains("block p"), "\(kinds.prefix(20))")
    }
}

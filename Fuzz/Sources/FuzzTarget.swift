@testable import BookifyCore
import Foundation

/// The inputs bookify takes from strangers, each a libFuzzer target: `make fuzz` builds this
/// with `-sanitize=fuzzer,address` and runs every target in turn (see `scripts/fuzz.sh`).
/// A target throws away what bookify refuses with an error; anything else it cannot survive
/// (a trap, a sanitizer report, markup that is not well-formed) is a finding.
enum FuzzTarget: String, CaseIterable {
    case jsonFeed = "json-feed"
    case xmlFeed = "xml-feed"
    case frontMatter = "front-matter"
    case markdown
    case image

    /// One input through the stage this target stands for.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .jsonFeed, .xmlFeed:
            guard let blog = try? InputReader().parse(bytes, source: "fuzz", documentURL: nil) else { return }
            for post in blog.cleaned().posts.prefix(8) { Self.convert(post) }
        case .frontMatter:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? FrontMatter.split(text, path: "fuzz.md")
        case .markdown:
            // The first byte picks the content format, so one corpus reaches every converter.
            guard let first = bytes.first else { return }
            let formats: [ContentFormat] = [.markdown, .html, .text]
            let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
            Self.convert(Post(id: "1", url: URL(string: "https://blog.example/posts/one/"), title: "One",
                              content: text, contentFormat: formats[Int(first) % formats.count]))
        case .image:
            guard let type = ImageType.sniff(bytes) else { return }
            _ = ImageSize.read(bytes, type: type)
            if type == .svg { _ = SVGSanitizer.sanitize(bytes) }
        }
    }

    /// Markdown or HTML → book model → the XHTML of an EPUB page, which must be well-formed.
    private static func convert(_ post: Post) {
        let document = PostConverter().convert(post, documentID: "p001")
        let writer = XHTMLWriter(documentID: "p001", href: { _ in "#" }, imageSource: { "images/\($0.imageID).png" })
        let page = "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">"
            + writer.serialize(document.body) + "</div>"
        if let problem = XMLChecker.check(page) {
            fatalError("the page of a post is not well-formed XML: \(problem.message)\n\(page.prefix(2000))")
        }
    }
}

/// The target `BOOKIFY_FUZZ_TARGET` names, read once.
nonisolated(unsafe) private var selected: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>>>) -> CInt {
    let name = ProcessInfo.processInfo.environment["BOOKIFY_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set BOOKIFY_FUZZ_TARGET to one of: \(names)")
    }
    selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    selected?.run(bytes)
    return 0
}

import Foundation
import Mustache

/// The Mustache templates pages are rendered from: the built-in set, with any file of the same
/// name from a user's `--templates` folder in its place.
public struct TemplateLibrary: Sendable {
    /// The templates bookify renders; a user folder may replace any of them.
    public enum Name: String, CaseIterable, Sendable {
        case layout
        case titlePage = "title-page"
        case post
        case colophon
        case chapter
        case cover
    }

    private static let builtIn: [Name: [UInt8]] = [
        .layout: PackageResources.layout_mustache,
        .titlePage: PackageResources.title_page_mustache,
        .post: PackageResources.post_mustache,
        .colophon: PackageResources.colophon_mustache,
        .chapter: PackageResources.chapter_mustache,
        .cover: PackageResources.cover_mustache,
    ]

    private let library: MustacheLibrary

    /// Loads the built-in templates and, from `overrides`, every `NAME.mustache` whose name
    /// bookify renders.
    public init(overrides: URL? = nil) throws(BookifyError) {
        if let overrides { library = try Self.load(overrides: overrides) } else { library = try Self.builtInLibrary.get() }
    }

    /// The built-in templates, parsed once per process: the warm-up's page parses them beside
    /// the command line's parsing, and the build's writer then finds them ready.
    private static let builtInLibrary = Result { () throws(BookifyError) -> MustacheLibrary in try load(overrides: nil) }

    private static func load(overrides: URL?) throws(BookifyError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in Name.allCases {
            var text = String(decoding: Self.builtIn[name]!, as: UTF8.self)
            var origin = "built-in \(name.rawValue).mustache"
            if let overrides {
                let file = overrides.appendingPathComponent(name.rawValue + ".mustache")
                if FileManager.default.fileExists(atPath: file.path) {
                    guard let data = FileManager.default.contents(atPath: file.path) else {
                        throw .inputNotReadable(path: file.path, reason: "cannot read the template")
                    }
                    text = String(decoding: data, as: UTF8.self)
                    origin = file.path
                }
            }
            do {
                try library.register(text, named: name.rawValue)
            } catch {
                throw .invalidTemplate(path: origin, reason: "\(error)")
            }
        }
        if let overrides, !FileManager.default.fileExists(atPath: overrides.path) {
            throw .inputNotFound(path: overrides.path)
        }
        return library
    }

    /// Renders `name` with a context of strings, booleans, arrays and dictionaries.
    func render(_ name: Name, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name.rawValue) ?? ""
    }

    /// The built-in stylesheet.
    public static var defaultStylesheet: [UInt8] { PackageResources.book_css }
}

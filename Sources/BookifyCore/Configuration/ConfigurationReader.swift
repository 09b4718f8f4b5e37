import Foundation
import Yams

/// Reads the nodes of a `bookify.yml` into a `BookConfiguration`, checking every key and type.
struct ConfigurationReader {
    let file: URL

    /// The keys a configuration may have, as on the command line.
    static let keys = [
        "input", "output", "title", "subtitle", "author", "authors", "language", "publisher", "identifier",
        "cover", "css", "templates", "content-format", "group-by", "order", "tags", "exclude-tags", "since",
        "until", "limit", "toc-depth", "chapters", "drafts", "assets", "base-url", "cache-dir", "offline", "strict",
        "connect-timeout", "timeout", "size-limit", "page-size", "margins", "font-size", "archive", "device", "split-size",
    ]
    static let chapterKeys = ["title", "series", "tags", "section", "sections", "urls", "rest"]

    func read(_ root: Node, into configuration: inout BookConfiguration) throws(BookifyError) {
        guard case .mapping(let mapping) = root else { throw error(at: root, "the configuration must be a mapping of settings") }
        var settings = configuration.settings
        for (keyNode, value) in mapping {
            let key = try string(keyNode)
            switch key {
            case "input": configuration.inputs = try strings(value).map(path)
            case "output": configuration.outputs = try strings(value).map(path)
            case "title": settings.title = try string(value)
            case "subtitle": settings.subtitle = try string(value)
            case "author", "authors": settings.authors = try strings(value)
            case "language":
                let tag = try string(value)
                guard let normalized = LanguageTag.normalized(tag) else { throw error(at: value, "'\(tag)' is not a language tag") }
                settings.language = normalized
            case "publisher": settings.publisher = try string(value)
            case "identifier": settings.identifier = try string(value)
            case "cover":
                let cover = try string(value)
                if cover.lowercased() == "none" {
                    (settings.cover, settings.drawsCover) = (nil, false)
                } else {
                    settings.cover = cover.contains("://") ? try webURL(value) : URL(fileURLWithPath: path(cover))
                }
            case "css": settings.stylesheet = URL(fileURLWithPath: path(try string(value)))
            case "templates": settings.templatesDirectory = URL(fileURLWithPath: path(try string(value)))
            case "content-format":
                let format: ContentFormat = try choice(value, from: [.auto, .markdown, .html])
                settings.contentFormat = format == .auto ? nil : format
            case "group-by": settings.groupBy = try choice(value, from: GroupingRule.allCases)
            case "order": settings.order = try choice(value, from: PostOrder.allCases)
            case "tags": settings.filter.tags = try strings(value)
            case "exclude-tags": settings.filter.excludedTags = try strings(value)
            case "since": settings.filter.since = try date(value)
            case "until": settings.filter.until = try date(value)
            case "limit": settings.filter.limit = try integer(value, in: 1...Int.max)
            case "toc-depth": settings.tocDepth = try integer(value, in: 1...6)
            case "chapters": settings.chapters = try chapters(value)
            case "assets": settings.assets.folder = URL(fileURLWithPath: path(try string(value)))
            case "base-url": settings.assets.baseURL = try webURL(value)
            case "cache-dir": settings.assets.cacheFolder = URL(fileURLWithPath: path(try string(value)))
            case "offline": settings.offline = try bool(value)
            case "archive": settings.archive = path(try string(value))
            case "split-size":
                guard let bytes = BookSettings.byteCount(try string(value)) else {
                    throw error(at: value, "a size such as 45MB or 500KB (at least 10KB)")
                }
                settings.splitSize = bytes
            case "device": settings.device = DeviceProfile(try choice(value, from: DeviceProfile.Name.allCases))
            case "strict": settings.strict = try bool(value)
            case "drafts": settings.includeDrafts = try bool(value)
            case "connect-timeout":
                let seconds = try seconds(value)
                settings.http.connectTimeout = seconds
                settings.assets.http.connectTimeout = seconds
            case "timeout":
                let seconds = try seconds(value)
                settings.http.totalTimeout = seconds
                settings.assets.http.totalTimeout = seconds
            case "size-limit":
                let bytes = try integer(value, in: 1...1024) * 1024 * 1024
                settings.http.maximumBytes = bytes
                settings.assets.http.maximumBytes = bytes
            case "page-size": settings.pdf.pageSize = try pageSetting(value, PageSize.parse)
            case "margins": settings.pdf.margins = try pageSetting(value, PageMargins.parse)
            case "font-size": settings.pdf.fontSize = try pageSetting(value, PDFPageSettings.fontSize)
            default:
                throw error(at: keyNode, "unknown setting '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
            }
        }
        configuration.settings = settings
    }

    private func chapters(_ node: Node) throws(BookifyError) -> [ChapterSpec] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "'chapters' must be a list") }
        var specs: [ChapterSpec] = []
        for entry in sequence {
            guard case .mapping(let mapping) = entry else {
                throw error(at: entry, "each chapter must be a mapping with a title and selectors")
            }
            var spec = ChapterSpec()
            for (keyNode, value) in mapping {
                let key = try string(keyNode)
                switch key {
                case "title": spec.title = try string(value)
                case "series": spec.series = try strings(value)
                case "tags": spec.tags = try strings(value)
                case "section", "sections": spec.sections = try strings(value)
                case "urls": spec.urlPatterns = try strings(value)
                case "rest": spec.rest = try bool(value)
                default:
                    throw error(at: keyNode, "unknown chapter setting '\(key)' (known: \(Self.chapterKeys.joined(separator: ", ")))")
                }
            }
            if spec.hasSelectors, spec.title == nil { throw error(at: entry, "this chapter needs a 'title'") }
            if !spec.hasSelectors, !spec.rest {
                throw error(at: entry, "this chapter selects no posts: give 'series', 'tags', 'section' or 'urls', or 'rest: true'")
            }
            specs.append(spec)
        }
        return specs
    }

    // MARK: Typed values

    /// A PDF page setting read by `parse`, its complaint placed at the value.
    private func pageSetting<Value>(_ node: Node, _ parse: (String) throws(PageSettingError) -> Value) throws(BookifyError) -> Value {
        let text = try string(node)
        do { return try parse(text) } catch { throw self.error(at: node, error.description) }
    }

    private func string(_ node: Node) throws(BookifyError) -> String {
        guard case .scalar(let scalar) = node else { throw error(at: node, "expected a text value") }
        return scalar.string
    }

    /// A list of strings, or one string standing for a list of one.
    private func strings(_ node: Node) throws(BookifyError) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for element in sequence { values.append(try string(element)) }
            return values
        default: throw error(at: node, "expected a text value or a list of them")
        }
    }

    private func bool(_ node: Node) throws(BookifyError) -> Bool {
        guard let value = node.bool else { throw error(at: node, "expected true or false") }
        return value
    }

    private func integer(_ node: Node, in range: ClosedRange<Int>) throws(BookifyError) -> Int {
        guard let value = node.int, range.contains(value) else {
            throw error(at: node, range.upperBound == Int.max ? "expected a whole number of at least \(range.lowerBound)"
                                                               : "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private func seconds(_ node: Node) throws(BookifyError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init), value > 0, value <= 3600 else {
            throw error(at: node, "expected seconds from 0 to 3600")
        }
        return value
    }

    private func webURL(_ node: Node) throws(BookifyError) -> URL {
        let text = try string(node)
        guard let url = URL(webAddress: text) else { throw error(at: node, "'\(text)' is not an http or https URL") }
        return url
    }

    private func date(_ node: Node) throws(BookifyError) -> Date {
        let text = try string(node)
        guard let date = FeedDate.parseISO8601(text) else { throw error(at: node, "'\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    private func choice<Value: RawRepresentable>(_ node: Node, from values: [Value]) throws(BookifyError) -> Value
    where Value.RawValue == String {
        let text = try string(node)
        guard let value = values.first(where: { $0.rawValue == text }) else {
            throw error(at: node, "'\(text)' is not one of \(values.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private func path(_ text: String) -> String {
        if text == "-" || text.hasPrefix("/") || text.contains("://") { return text }
        return file.deletingLastPathComponent().appendingPathComponent(text).standardizedFileURL.path
    }

    private func error(at node: Node, _ reason: String) -> BookifyError {
        .invalidInput(path: file.path, location: node.mark.map { SourceLocation(line: $0.line, column: $0.column) },
                      reason: reason)
    }
}

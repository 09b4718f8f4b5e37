import Foundation
import Yams

/// Reads the nodes of a `bookify.yml` into a `BookConfiguration`, checking every key and type.
struct ConfigurationReader {
    let file: URL

    /// The keys a configuration may have: the inputs and outputs, the chapters, and every
    /// `Setting` (with `authors` for `author`).
    static let keys = ["input", "output", "chapters", "mail", "blogs"] + Setting.all.map(\.key)
    /// The keys of `mail:`, and the settings they stand for.
    static let mailKeys = ["to": "send-to", "server": "smtp-server", "security": "smtp-security", "user": "smtp-user",
                           "from": "from", "ca-file": "smtp-ca-file"]
    static let chapterKeys = ["title", "series", "tags", "section", "sections", "urls", "rest"]

    func read(_ root: Node, into configuration: inout BookConfiguration) throws(BookifyError) {
        guard case .mapping(let mapping) = root else { throw error(at: root, "the configuration must be a mapping of settings") }
        var settings = configuration.settings
        let paths = SettingPaths(folder: file.deletingLastPathComponent())
        var given: [String: SettingInput] = [:]
        var nodes: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = try string(keyNode)
            switch key {
            case "input": configuration.inputs = try strings(value).map(paths.resolve)
            case "output": configuration.outputs = try strings(value).map(paths.resolve)
            case "chapters": settings.planning.chapters = try chapters(value)
            case "blogs": configuration.blogs = try blogs(value, paths: paths)
            case "mail":
                for (setting, mailValue) in try mail(value) {
                    given[setting.key] = setting.form == .list ? .texts(try strings(mailValue)) : .text(try string(mailValue))
                    nodes[setting.key] = mailValue
                }
            default:
                guard let setting = Setting.named(key == "authors" ? "author" : key) else {
                    throw error(at: keyNode, "unknown setting '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
                }
                given[setting.key] = setting.form == .list ? .texts(try strings(value)) : .text(try string(value))
                nodes[setting.key] = value
            }
        }
        // In the table's order, as on the command line, whatever the file's order.
        do throws(SettingError) {
            try Setting.apply(given, to: &settings, paths: paths)
        } catch {
            throw self.error(at: error.key.flatMap { nodes[$0] } ?? root, error.reason)
        }
        configuration.settings = settings
    }

    /// The entries of `blogs:`: an address or path, or a mapping with `input` and the settings
    /// that read that blog (checked here, so a wrong one names its line).
    private func blogs(_ node: Node, paths: SettingPaths) throws(BookifyError) -> [DigestBlog] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "'blogs' must be a list of addresses or paths") }
        var blogs: [DigestBlog] = []
        for entry in sequence {
            if case .scalar = entry {
                blogs.append(DigestBlog(input: paths.resolve(try string(entry)), settings: [:]))
                continue
            }
            guard case .mapping(let mapping) = entry else { throw error(at: entry, "each blog is an address, a path, or a mapping with 'input'") }
            var input: String?
            var given: [String: SettingInput] = [:]
            for (keyNode, value) in mapping {
                let key = try string(keyNode)
                if key == "input" { input = paths.resolve(try string(value)); continue }
                guard DigestBlog.keys.contains(key), let setting = Setting.named(key) else {
                    throw error(at: keyNode, "'\(key)' is not a setting of one blog (known: input, \(DigestBlog.keys.sorted().joined(separator: ", ")))")
                }
                given[key] = setting.form == .list ? .texts(try strings(value)) : .text(try string(value))
                var scratch = BookSettings()
                do throws(SettingError) { try setting.apply(given[key]!, to: &scratch, paths: paths) } catch { throw self.error(at: value, error.reason) }
            }
            guard let input else { throw error(at: entry, "this blog needs an 'input' (its address or path)") }
            blogs.append(DigestBlog(input: input, settings: given))
        }
        return blogs
    }

    /// The entries of `mail:`, each with its setting. A password is refused: it belongs in
    /// BOOKIFY_SMTP_PASSWORD or ~/.netrc, never in a file that may be shared or committed.
    private func mail(_ node: Node) throws(BookifyError) -> [(setting: Setting, value: Node)] {
        guard case .mapping(let mapping) = node else { throw error(at: node, "'mail' must be a mapping (to, server, security, user, from, ca-file)") }
        var entries: [(setting: Setting, value: Node)] = []
        for (keyNode, value) in mapping {
            let key = try string(keyNode)
            if key == "password" {
                throw error(at: keyNode, "a password does not belong in bookify.yml: set BOOKIFY_SMTP_PASSWORD or put the server in ~/.netrc")
            }
            guard let name = Self.mailKeys[key], let setting = Setting.named(name) else {
                throw error(at: keyNode, "unknown mail setting '\(key)' (known: \(Self.mailKeys.keys.sorted().joined(separator: ", ")))")
            }
            entries.append((setting, value))
        }
        return entries
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

    private func error(at node: Node, _ reason: String) -> BookifyError {
        .invalidInput(path: file.path, location: node.mark.map { SourceLocation(line: $0.line, column: $0.column) },
                      reason: reason)
    }
}

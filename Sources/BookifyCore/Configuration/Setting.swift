import Foundation

/// One setting as a user writes it: the flag `--KEY` on the command line and the key `KEY:` in
/// `bookify.yml`. `Setting.all` is the one table of them: the command line takes its help, its
/// checks and where each value goes from there, and so do the configuration reader, the man
/// page (generated from the command line) and `bookify init`; ranges and defaults are written
/// once.
public struct Setting: Sendable {
    /// What part of the build the setting shapes (the groups of `--help` and of `bookify init`).
    public enum Stage: String, Sendable, CaseIterable {
        case book = "The book", planning = "Which posts, in what order", site = "Web sites", images = "Images"
        case pdf = "PDF pages", archive = "The archive", mail = "Mail"
    }

    /// The key in bookify.yml.
    public let key: String
    /// The command-line flag, `--` and the key unless a setting says otherwise (`--tag`: one
    /// tag a time, `tags:` a list).
    public private(set) var flag: String
    public let stage: Stage
    /// What the setting does, one sentence, with its default.
    public let help: String
    /// What the value is called in `--help` (`n`, `seconds`); `nil`: the key.
    public let valueName: String?
    /// A value to show in `bookify init`'s commented examples.
    public let example: String
    /// What kind of value the setting takes.
    public let form: Form
    private var set: @Sendable (_ input: SettingInput, _ paths: SettingPaths, _ settings: inout BookSettings) throws(SettingError) -> Void

    init(key: String, stage: Stage, help: String, valueName: String?, example: String, form: Form,
         set: @escaping @Sendable (SettingInput, SettingPaths, inout BookSettings) throws(SettingError) -> Void) {
        (self.key, self.flag, self.stage, self.help, self.valueName, self.example, self.form, self.set) =
            (key, "--" + key, stage, help, valueName, example, form, set)
    }

    /// How the value is given.
    public enum Form: Sendable {
        /// One value.
        case value
        /// One value or more (a repeated flag, a YAML list).
        case list
        /// A switch: the flag alone on the command line, `true` or `false` in bookify.yml.
        case flag
    }

    /// Reads `input` and puts it where the setting goes in `settings`; a `SettingError` says what
    /// the setting takes (the caller names the flag or the file and line).
    public func apply(_ input: SettingInput, to settings: inout BookSettings, paths: SettingPaths = SettingPaths()) throws(SettingError) {
        try set(input, paths, &settings)
    }

    /// The setting named `key` in bookify.yml, if there is one.
    public static func named(_ key: String) -> Setting? { all.first { $0.key == key } }
}

extension Setting {
    /// The setting with the command-line flag `--name`.
    func flagged(_ name: String) -> Setting {
        var setting = self
        setting.flag = "--" + name
        return setting
    }

    /// The list setting, refusing values `check` refuses.
    func checking(_ check: @escaping @Sendable ([String]) throws(SettingError) -> Void) -> Setting {
        var setting = self
        let set = self.set
        setting.set = { input, paths, settings throws(SettingError) in
            try check(input.all)
            try set(input, paths, &settings)
        }
        return setting
    }
}

/// A setting's value as written, before it is read.
public enum SettingInput: Sendable {
    case text(String)
    case texts([String])

    /// The one value, or `nil` for a list.
    var single: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// One value or more.
    var all: [String] {
        switch self {
        case .text(let text): [text]
        case .texts(let texts): texts
        }
    }
}

/// How a setting's relative paths are read: as given (the command line, the working folder) or
/// relative to the configuration file.
public struct SettingPaths: Sendable {
    /// The folder relative paths are read from; `nil`: as given.
    public var folder: URL?

    public init(folder: URL? = nil) { self.folder = folder }

    func resolve(_ text: String) -> String {
        guard let folder, text != "-", !text.hasPrefix("/"), !text.contains("://") else { return text }
        return folder.appendingPathComponent(text).standardizedFileURL.path
    }
}

/// What a setting takes, said when a value is wrong: "a whole number from 1 to 6". The command
/// line names its flag, the configuration reader its key, line and column.
public struct SettingError: Error, Sendable, Equatable {
    /// What the setting takes, or what is wrong with the value, as the end of a sentence.
    public let reason: String
    /// The key of the setting the value was given for, when known.
    public internal(set) var key: String?
    /// The key of a setting this one needs and was not given.
    public let needs: String?

    init(_ reason: String, key: String? = nil, needs: String? = nil) {
        self.reason = reason
        self.key = key
        self.needs = needs
    }
}

extension Setting {
    /// Applies the settings `given` (values by key) over `settings`, in the table's order; the
    /// first value a setting refuses stops it, its error naming the setting's key.
    public static func apply(_ given: [String: SettingInput], to settings: inout BookSettings,
                             paths: SettingPaths = SettingPaths()) throws(SettingError) {
        for setting in all {
            guard let input = given[setting.key] else { continue }
            do throws(SettingError) {
                try setting.apply(input, to: &settings, paths: paths)
            } catch {
                throw SettingError(error.reason, key: setting.key)
            }
        }
    }
}

// MARK: Kinds of settings

extension Setting {
    /// A setting of one value read by `read`, then put into the settings by `update`.
    static func value<Value>(_ key: String, _ stage: Stage, _ help: String, valueName: String? = nil, example: String,
                             read: @escaping @Sendable (String, SettingPaths) throws(SettingError) -> Value,
                             update: @escaping @Sendable (inout BookSettings, Value) -> Void) -> Setting {
        Setting(key: key, stage: stage, help: help, valueName: valueName, example: example, form: .value) { input, paths, settings throws(SettingError) in
            guard let text = input.single else { throw SettingError("expected a text value, not a list") }
            update(&settings, try read(text, paths))
        }
    }

    /// A setting of one or more values.
    static func list(_ key: String, _ stage: Stage, _ help: String, valueName: String? = nil, example: String,
                     update: @escaping @Sendable (inout BookSettings, [String]) -> Void) -> Setting {
        Setting(key: key, stage: stage, help: help, valueName: valueName, example: example, form: .list) { input, _, settings throws(SettingError) in
            update(&settings, input.all)
        }
    }

    /// A switch.
    static func flag(_ key: String, _ stage: Stage, _ help: String, update: @escaping @Sendable (inout BookSettings, Bool) -> Void) -> Setting {
        Setting(key: key, stage: stage, help: help, valueName: nil, example: "true", form: .flag) { input, _, settings throws(SettingError) in
            switch input.single?.lowercased() {
            case "true", "yes", "on": update(&settings, true)
            case "false", "no", "off": update(&settings, false)
            default: throw SettingError("expected true or false")
            }
        }
    }
}

/// Readers of the values settings take, each saying what it expects.
enum SettingValue {
    static func text(_ text: String, _: SettingPaths) throws(SettingError) -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SettingError("expected a text value, not an empty one") }
        return text
    }

    static func path(_ text: String, _ paths: SettingPaths) throws(SettingError) -> URL {
        URL(fileURLWithPath: paths.resolve(try Self.text(text, paths)))
    }

    static func webAddress(_ text: String, _: SettingPaths) throws(SettingError) -> URL {
        guard let url = URL(webAddress: text) else { throw SettingError("'\(text)' is not an http or https URL") }
        return url
    }

    static func integer(in range: ClosedRange<Int>) -> @Sendable (String, SettingPaths) throws(SettingError) -> Int {
        { text, _ throws(SettingError) in
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                throw SettingError(range.upperBound == Int.max ? "expected a whole number of at least \(range.lowerBound)"
                                                               : "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
    }

    /// Seconds above `range.lowerBound` (or at it, when `includingLowest`) up to its upper bound.
    static func seconds(in range: ClosedRange<Double>, includingLowest: Bool = false) -> @Sendable (String, SettingPaths) throws(SettingError) -> Double {
        { text, _ throws(SettingError) in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite,
                  value > range.lowerBound || (includingLowest && value == range.lowerBound), value <= range.upperBound else {
                throw SettingError("expected seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
            }
            return value
        }
    }

    static func choice<Value: RawRepresentable & CaseIterable & Sendable>(_: Value.Type) -> @Sendable (String, SettingPaths) throws(SettingError) -> Value
    where Value.RawValue == String {
        { text, _ throws(SettingError) in
            guard let value = Value(rawValue: text) else {
                throw SettingError("'\(text)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
    }

    static func date(_ text: String, _: SettingPaths) throws(SettingError) -> Date {
        guard let date = FeedDate.parseISO8601(text) else { throw SettingError("'\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// A moment: a day means its last second (UTC); a time, itself.
    static func moment(_ text: String, _: SettingPaths) throws(SettingError) -> Date {
        guard let date = FeedDate.parseISO8601(text) else {
            throw SettingError("'\(text)' is not a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
        return text.trimmingCharacters(in: .whitespaces).count == 10 ? date.addingTimeInterval(86_399) : date
    }

    static func languageTag(_ text: String, _: SettingPaths) throws(SettingError) -> String {
        guard let tag = LanguageTag.normalized(text) else { throw SettingError("'\(text)' is not a language tag (examples: en, de-DE, pt-BR)") }
        return tag
    }

    static func size(_ text: String, _: SettingPaths) throws(SettingError) -> Int {
        guard let bytes = BookSettings.byteCount(text) else { throw SettingError("expected a size such as 45MB or 500KB (at least 10KB), not '\(text)'") }
        return bytes
    }

    /// A PDF page setting read by `parse`.
    static func page<Value>(_ parse: @escaping @Sendable (String) throws(PageSettingError) -> Value) -> @Sendable (String, SettingPaths) throws(SettingError) -> Value {
        { text, _ throws(SettingError) in
            do throws(PageSettingError) { return try parse(text) } catch { throw SettingError(error.description) }
        }
    }
}

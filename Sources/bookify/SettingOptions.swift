import ArgumentParser
import BookifyCore

/// A group of options that are `Setting`s: each option's help comes from the table, and its
/// value is checked and applied through it. `BuildArguments` applies every group at once, in
/// the table's order.
protocol SettingOptions: ParsableArguments {
    /// The settings given on the command line, by key.
    var given: [String: SettingInput] { get }
}

extension SettingOptions {
    func validate() throws {
        var scratch = BookSettings()
        do { try Setting.apply(given, to: &scratch) } catch { throw ValidationError(Setting.message(for: error)) }
    }
}

extension Setting {
    /// The help of the setting `key`, for an option's declaration.
    static func help(_ key: String) -> ArgumentHelp {
        guard let setting = named(key) else { preconditionFailure("no setting '\(key)' in Setting.all") }
        return ArgumentHelp(setting.help, valueName: setting.valueName)
    }

    /// A refused value as the command line says it: with the flag it was given for.
    static func message(for error: SettingError) -> String {
        let flag = { (key: String?) in key.flatMap(named).map(\.flag) ?? "an option" }
        return "\(flag(error.key)): \(error.reason)" + (error.needs.map { "; give \(flag($0)) too" } ?? "") + "."
    }
}

/// A value of a command-line option, as the settings table reads it: `nil` when the option was
/// not given (an absent value, an empty repeated option, a flag left off).
protocol SettingArgument {
    var settingInput: SettingInput? { get }
}

extension String: SettingArgument {
    var settingInput: SettingInput? { .text(self) }
}

extension Array: SettingArgument where Element == String {
    var settingInput: SettingInput? { isEmpty ? nil : .texts(self) }
}

extension Bool: SettingArgument {
    var settingInput: SettingInput? { self ? .text("true") : nil }
}

extension Int: SettingArgument {
    var settingInput: SettingInput? { .text(String(self)) }
}

extension Double: SettingArgument {
    var settingInput: SettingInput? { .text(String(self)) }
}

extension Optional: SettingArgument where Wrapped: SettingArgument {
    var settingInput: SettingInput? { self?.settingInput }
}

/// A choice, by its name.
extension SettingArgument where Self: RawRepresentable, RawValue == String {
    var settingInput: SettingInput? { .text(rawValue) }
}

extension GroupingRule: SettingArgument {}
extension PostOrder: SettingArgument {}
extension FullTextMode: SettingArgument {}
extension DeviceProfile.Name: SettingArgument {}
extension ContentFormatOption: SettingArgument {}

extension Dictionary where Key == String, Value == SettingInput {
    /// The settings among `arguments` (values by setting key) that were given.
    init(given arguments: KeyValuePairs<String, any SettingArgument>) {
        self.init(uniqueKeysWithValues: arguments.compactMap { key, value in value.settingInput.map { (key, $0) } })
    }

    /// The settings given by several groups of options.
    static func merging(_ groups: [[String: SettingInput]]) -> Self {
        groups.reduce(into: [:]) { $0.merge($1) { _, last in last } }
    }
}

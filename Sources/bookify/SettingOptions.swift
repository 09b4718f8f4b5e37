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

extension Dictionary where Key == String, Value == SettingInput {
    /// The settings given by several groups of options.
    static func merging(_ groups: [[String: SettingInput]]) -> Self {
        groups.reduce(into: [:]) { $0.merge($1) { _, last in last } }
    }

    /// `text` for the setting `key`, when given.
    mutating func add(_ key: String, _ text: String?) {
        if let text { self[key] = .text(text) }
    }

    /// A value of a choice, by its name.
    mutating func add<Choice: RawRepresentable>(_ key: String, _ choice: Choice?) where Choice.RawValue == String {
        add(key, choice?.rawValue)
    }

    /// A number.
    mutating func add<Number: LosslessStringConvertible>(_ key: String, number: Number?) {
        add(key, number.map(String.init))
    }

    /// Values of a repeated option, when any was given.
    mutating func add(_ key: String, _ values: [String]) {
        if !values.isEmpty { self[key] = .texts(values) }
    }

    /// A flag, when given.
    mutating func add(_ key: String, flag: Bool) {
        if flag { self[key] = .text("true") }
    }
}

import Foundation

/// The languages disclose speaks to its user: Chinese by default, because the webmasters
/// of a district's disclosure column read Chinese; English on request (`--lang en`, or
/// `DISCLOSE_LANG=en`). Rule ids, JSON keys, severities in JSON and exit codes are the same
/// in both: only what a person reads changes.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The language a code names: `zh`, `zh-CN`, `zh_CN.UTF-8`, `cn`, `中文` are Chinese;
    /// `en`, `en-US`, `en_GB.UTF-8`, `English` are English; nil for anything else.
    public init?(code: String) {
        let lowered = code.trimmingCharacters(in: .whitespaces).lowercased()
        let base = lowered.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map(String.init) ?? ""
        switch base {
        case "zh", "cn", "chinese", "中文", "汉语", "简体中文": self = .zh
        case "en", "english", "英文", "英语": self = .en
        default: return nil
        }
    }

    /// The language of a run: `--lang` first, then `DISCLOSE_LANG`, else Chinese. An
    /// unknown code in the environment is ignored (a shell's setting must not stop a
    /// build); an unknown `--lang` is refused by the command line itself.
    public static func resolve(argument: String?, environment: [String: String]) -> Language {
        if let argument, let language = Language(code: argument) { return language }
        if let setting = environment["DISCLOSE_LANG"], let language = Language(code: setting) { return language }
        return .zh
    }

    /// The `--lang` value among command-line arguments (`--lang en` or `--lang=en`), read
    /// before the arguments are parsed so that `--help` is already in that language.
    public static func argument(in arguments: [String]) -> String? {
        var value: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                value = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
            index += 1
        }
        return value
    }
}

/// A text for the user in both languages; which one is printed is the run's choice
/// (`Language`). Every message, hint and summary is made as a `Phrase`, so that no text
/// reaches a user in only one of them.
public struct Phrase: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(_ zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// Both phrases joined, each language with its own.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(lhs.zh + rhs.zh, en: lhs.en + rhs.en)
    }
}

/// An error whose message is a `Phrase`: the command line prints it in the run's language.
public protocol PhrasedError: Error {
    var phrase: Phrase { get }
}

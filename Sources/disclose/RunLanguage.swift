import ArgumentParser
import DisclosureKit
import Foundation

/// The language of this run, fixed before the arguments are parsed so that `--help` and
/// the errors of parsing are in it too: `--lang` anywhere on the command line, then
/// `DISCLOSE_LANG`, else Chinese.
let runLanguage = Language.resolve(argument: Language.argument(in: Array(CommandLine.arguments.dropFirst())),
                                   environment: ProcessInfo.processInfo.environment)

/// A text of the command line in the run's language.
func localized(_ zh: String, en: String) -> String {
    runLanguage == .en ? en : zh
}

/// A text of the library in the run's language.
func localized(_ phrase: Phrase) -> String {
    phrase.text(runLanguage)
}

/// `--lang zh|en`: declared by every command, so that it is accepted (and shown in
/// `--help`) wherever it is written; its value is read once, by `runLanguage`.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized(
        "输出语言：zh（中文，默认）或 en（英文）；也可用环境变量 DISCLOSE_LANG 设置。",
        en: "The language of messages and help: zh (Chinese, the default) or en (English); DISCLOSE_LANG sets it too."),
        valueName: "zh|en"))
    var lang: String?

    func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError(localized("--lang 只能是 zh 或 en，而不是 '\(lang)'", en: "--lang is zh or en, not '\(lang)'"))
        }
    }
}

/// What an error says, in the run's language when it is a `PhrasedError`, else as it
/// describes itself.
func errorText(_ error: any Error) -> String {
    (error as? PhrasedError).map { localized($0.phrase) } ?? "\(error)"
}

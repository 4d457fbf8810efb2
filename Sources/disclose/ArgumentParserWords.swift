import DisclosureKit
import Foundation

/// The words ArgumentParser writes around our own help and errors (headings, its own
/// options, the errors of parsing), in the run's language: the help text of every
/// command and option is ours and already in it (`localized`).
enum ArgumentParserWords {
    /// Whole phrases ArgumentParser writes, and their Chinese; longer ones first, so that a
    /// phrase inside another is not replaced on its own.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Usage: ", "用法："),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("for detailed help.", "查看详细帮助。"),
        ("for more information.", "了解更多。"),
        ("Unknown option", "未知选项"),
        ("Unexpected argument", "多余的参数"),
        ("Unexpected arguments", "多余的参数"),
        ("Missing expected argument", "缺少参数"),
        ("Missing value for", "缺少取值："),
        ("is invalid for", "不是以下选项的有效取值："),
        ("The value", "取值"),
        ("(default: ", "（默认："),
        ("(values: ", "（可选值："),
        ("; default: ", "；默认："),
        ("Help:  ", "帮助："),
        ("See '", "运行 '"),
    ]

    static func translated(_ text: String, to language: Language) -> String {
        guard language == .zh else { return text }
        var result = text
        for (english, chinese) in phrases {
            result = result.replacingOccurrences(of: english, with: chinese)
        }
        // "(默认：X)" and "(可选值：a, b)" close with a full-width parenthesis too.
        return closingParentheses(result)
    }

    /// Turns the `)` that closes a `（默认：` or `（可选值：` into `）`.
    private static func closingParentheses(_ text: String) -> String {
        var out = ""
        var open = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("（默认：") || text[index...].hasPrefix("（可选值：") { open += 1 }
            let character = text[index]
            if character == "）" { open = max(0, open - 1) }
            if character == ")", open > 0 {
                out.append("）")
                open -= 1
            } else {
                out.append(character)
            }
            index = text.index(after: index)
        }
        return out
    }
}

import DisclosureKit
import Foundation

/// The words ArgumentParser writes around our own help and errors (headings, its own
/// options, the errors of parsing), in the run's language: the help text of every
/// command and option is ours and already in it (`localized`).
enum ArgumentParserWords {
    /// ArgumentParser's sentences (its errors of parsing), each a pattern and its Chinese
    /// with the same captures; tried in order, so a longer sentence comes before a
    /// shorter one it begins with. The captures are what the user typed or our own
    /// names, kept as they are.
    private static let sentences: [(pattern: String, chinese: String)] = [
        (#"The value '(.*?)' is invalid for '(.*?)'"#, "选项 '$2' 的取值 '$1' 无效"),
        (#"The value '(.*?)' is invalid\."#, "取值 '$1' 无效"),
        (#"\. Please provide one of the following:"#, "；可选值为："),
        (#"\. Please provide one of (.*)\."#, "；可选值为 $1"),
        (#"Unknown option '(.*?)'\. Did you mean '(.*?)'\?"#, "未知选项 '$1'；是否想用 '$2'？"),
        (#"Unknown option '(.*?)'"#, "未知选项 '$1'"),
        (#"Missing value for '(.*?)'"#, "选项 '$1' 缺少取值"),
        (#"The option '(.*?)' does not take any value, but '(.*?)' was specified\."#, "选项 '$1' 不接受取值，却给了 '$2'"),
        (#"(\d+) unexpected arguments: (.*)"#, "多余的参数 $1 个：$2"),
        (#"Unexpected argument '(.*?)'"#, "多余的参数 '$1'"),
        (#"Missing expected argument '(.*?)'"#, "缺少参数 '$1'"),
        (#"Missing one of: (.*)"#, "缺少以下参数之一：$1"),
        (#"Missing required subcommand\."#, "缺少子命令"),
        (#"Invalid option: (.*)"#, "无效的选项：$1"),
        (#"See '(.*?)' for detailed help\."#, "运行 '$1' 查看详细帮助。"),
        (#"See '(.*?)' for more information\."#, "运行 '$1' 了解更多。"),
    ]

    /// Whole phrases ArgumentParser writes (headings, its own options' help), and their
    /// Chinese; longer ones first, so that a phrase inside another is not replaced on its own.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Usage: ", "用法："),
        ("Show subcommand help information.", "显示子命令的帮助信息。"),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("Help:  ", "帮助："),
        // A full-width parenthesis after our full stop needs no space before it.
        ("。 (default: ", "。（默认："),
        ("(default: ", "（默认："),
        ("。 (values: ", "。（可选值："),
        ("(values: ", "（可选值："),
        ("; default: ", "；默认："),
    ]

    static func translated(_ text: String, to language: Language) -> String {
        guard language == .zh else { return text }
        var result = text
        for (pattern, chinese) in sentences {
            // The patterns are constants: a bad one is a programming error a test run finds.
            let expression = try! NSRegularExpression(pattern: pattern)
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                         withTemplate: chinese)
        }
        result = valueLists(result)
        for (english, chinese) in phrases {
            result = result.replacingOccurrences(of: english, with: chinese)
        }
        // "(默认：X)" and "(可选值：a, b)" close with a full-width parenthesis too.
        return closingParentheses(result)
    }

    /// ArgumentParser lists the values an option takes as `'a', 'b' or 'c'` (`'a' and
    /// 'b'` for two): in Chinese `'a'、'b' 或 'c'`, after the `可选值为` the sentences wrote.
    private static func valueLists(_ text: String) -> String {
        let marker = "；可选值为 "
        guard let start = text.range(of: marker) else { return text }
        let lineEnd = text[start.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        let list = text[start.upperBound..<lineEnd]
            .replacingOccurrences(of: "', '", with: "'、'")
            .replacingOccurrences(of: "' or '", with: "' 或 '")
            .replacingOccurrences(of: "' and '", with: "' 或 '")
        return String(text[..<start.upperBound]) + list + String(text[lineEnd...])
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

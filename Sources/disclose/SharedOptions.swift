import ArgumentParser
import DisclosureKit

// The options several commands share, declared once with their help text: a command
// takes the groups it needs with `@OptionGroup`, so `--root` means the same in every one.

/// `--root DIR`: the site root a command reads.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized("站点根目录（包含 content/ 的文件夹）。", en: "The site root (the folder holding content/).")))
    var root: String = "."
}

/// `--format`: how diagnostics are printed.
struct DiagnosticFormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized(
        "诊断信息的输出格式：text（输出到标准错误）、json 或 github（输出到标准输出）。",
        en: "How to print diagnostics: text (standard error), json or github (standard output).")))
    var format: DiagnosticFormat = .text
}

/// The options of the commands that check the content (`check`, `build`): what counts as
/// an error, the day of judgement, the progress line.
struct ContentCheckOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(localized("把每个警告都当作错误。", en: "Treat every warning as an error.")))
    var strict = false

    @OptionGroup var day: AsOfOption

    @Flag(name: .long, help: ArgumentHelp(localized(
        "不显示进度行（标准错误不是终端时本来就不显示）。",
        en: "No progress line (there is none anyway when standard error is not a terminal).")))
    var quiet = false

    /// The `--as-of` day, once `validate()` has accepted it.
    var asOfDate: CalendarDate? { day.asOfDate }
}

/// `--as-of YYYY-MM-DD`: the day the site is judged on; equal days give equal sites.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized(
        "评判站点所依据的日期，写作 YYYY-MM-DD（默认为 site.yaml 的 time_zone 中的今天）：发布日期晚于该日的记录作为定时发布暂不发布，政策的有效期至也按该日判断。",
        en: "The day the site is judged on, YYYY-MM-DD (default: today in site.yaml's time_zone): records published after it are held back as scheduled, and policies' 有效期至 are judged against it.")))
    var asOf: String?

    func validate() throws {
        if let asOf, case .failure(let error) = AsOfDate.parse(asOf) { throw ValidationError(errorText(error)) }
    }

    /// The `--as-of` day, once `validate()` has accepted it.
    var asOfDate: CalendarDate? {
        asOf.flatMap { try? AsOfDate.parse($0).get() }
    }
}

/// `--base-url URL`: another address of the site than site.yaml's `base_url`, for this run
/// (a staging server, the reading room's): what `build` writes and what `check` judges a
/// body's link to the site by. Refused as a usage error when it is no such address.
struct BaseURLOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized(
        "本次运行代替 site.yaml 的 base_url：用于站点地图、robots.txt、订阅源和页面的网址标签，以及正文中指向本站地址的链接的判断。",
        en: "Override site.yaml's base_url for this run: the sitemap, robots.txt, the feed and the pages' URL tags, and how a body's link to the site's address is judged.")))
    var baseURL: String?

    func validate() throws {
        if let baseURL, let problem = BaseURLCheck.problemPhrase(baseURL) {
            let shown = VisibleText.escaped(baseURL)
            throw ValidationError(localized("--base-url '\(shown)' 不能使用：\(problem.zh)", en: "--base-url '\(shown)' cannot be used: \(problem.en)"))
        }
    }
}

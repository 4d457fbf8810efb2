import Foundation
import Testing

/// The language of a run, on the real binary: Chinese unless `--lang en` (anywhere on the
/// command line, `--lang=en` too) or `DISCLOSE_LANG=en` asks for English; `--lang` wins
/// over the environment; an unknown `--lang` is refused, an unknown `DISCLOSE_LANG`
/// ignored. Only what a person reads changes: rule ids, places, JSON keys and severities,
/// GitHub's commands and exit codes are the same in both.
@Suite struct LanguageTests {
    /// A site with one record missing its 发布机构: one error, at 1:1.
    static func siteWithOneError() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("title: 明湖区人民政府信息公开\nbase_url: https://www.minghu.example.gov.cn/xxgk/\n", to: "content/site.yaml")
        try directory.write("""
            ---
            title: 明湖区人民政府办公室关于印发2024年政务公开工作要点的通知
            index_number: 11450100MB0000000A/2024-00003
            disclosure: proactive
            created: 2024-03-01
            published: 2024-03-05
            review: {reviewer: 区政府办公室, date: 2024-03-04}
            topic: 政务公开
            summary: 印发2024年政务公开工作要点。
            document_number: 明政办发〔2024〕3号
            ---
            正文。

            """, to: "content/policies/mzbf-2024-3.md")
        return directory
    }

    /// The environment of a run that sets no language: the tests' default (English) is
    /// replaced by a value the tool ignores, as it would an unset variable.
    static let noLanguage = ["DISCLOSE_LANG": ""]

    static let englishLine = "content/policies/mzbf-2024-3.md:1:1: error: [record.required] "
    static let chineseLine = "content/policies/mzbf-2024-3.md:1:1: 错误：[record.required] "

    @Test func chineseIsTheDefault() throws {
        let site = try Self.siteWithOneError()
        let result = try Disclose.run(["check", "--root", site.url.path], environment: Self.noLanguage)
        #expect(result.status == 1)
        #expect(result.stderr.contains(Self.chineseLine), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("1 个错误，0 个警告，共 1 条记录\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("error:"), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--lang", "en"], [String: String]()),
        (["--lang=en"], [:]),
        (["--lang", "en-US"], [:]),
        ([], ["DISCLOSE_LANG": "en"]),
        ([], ["DISCLOSE_LANG": "en_US.UTF-8"]),
        (["--lang", "en"], ["DISCLOSE_LANG": "zh"]),
    ])
    func englishOnRequest(_ options: [String], _ environment: [String: String]) throws {
        let site = try Self.siteWithOneError()
        let result = try Disclose.run(["check", "--root", site.url.path] + options, environment: Self.noLanguage.merging(environment) { $1 })
        #expect(result.status == 1)
        #expect(result.stderr.contains(Self.englishLine), "\(options) \(environment): \(result.stderr)")
        #expect(result.stderr.hasSuffix("1 error, 0 warnings in 1 record\n"), "\(options) \(environment): \(result.stderr)")
    }

    /// `--lang` is read wherever it stands: before the command's name too.
    @Test func langBeforeTheCommandAndOverTheEnvironment() throws {
        let site = try Self.siteWithOneError()
        let before = try Disclose.run(["--lang", "en", "check", "--root", site.url.path], environment: ["DISCLOSE_LANG": "zh"])
        #expect(before.status == 1)
        #expect(before.stderr.contains(Self.englishLine), "\(before.stderr)")
        let chinese = try Disclose.run(["check", "--lang", "zh", "--root", site.url.path], environment: ["DISCLOSE_LANG": "en"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains(Self.chineseLine), "\(chinese.stderr)")
    }

    @Test func anUnknownLangIsRefusedAndAnUnknownEnvironmentIgnored() throws {
        let site = try Self.siteWithOneError()
        let refused = try Disclose.run(["check", "--root", site.url.path, "--lang", "xx"], environment: Self.noLanguage)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("disclose: 错误：--lang 只能是 zh 或 en，而不是 'xx'\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\n用法：disclose "), "\(refused.stderr)")
        let refusedInEnglish = try Disclose.run(["check", "--root", site.url.path, "--lang=fr"])
        #expect(refusedInEnglish.status == 2)
        #expect(refusedInEnglish.stderr.hasPrefix("disclose: error: --lang is zh or en, not 'fr'\n"), "\(refusedInEnglish.stderr)")
        let ignored = try Disclose.run(["check", "--root", site.url.path], environment: ["DISCLOSE_LANG": "xx"])
        #expect(ignored.status == 1)
        #expect(ignored.stderr.contains(Self.chineseLine), "\(ignored.stderr)")
    }

    @Test func helpIsChineseByDefaultAndEnglishOnRequest() throws {
        let chinese = try Disclose.run(["check", "--help"], environment: Self.noLanguage)
        #expect(chinese.status == 0)
        for words in ["概述：按内容格式检查 ROOT/content 下的每一条记录；不写入任何文件。", "用法：disclose check ", "选项：",
                      "站点根目录（包含 content/ 的文件夹）。（默认：.）", "（可选值：text, json, github；默认：text）",
                      "把每个警告都当作错误。", "--lang <zh|en>", "显示帮助信息。"] {
            #expect(chinese.stdout.contains(words), "\(words): \(chinese.stdout)")
        }
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "default:", "Show help", "Treat every warning"] {
            #expect(!chinese.stdout.contains(english), "\(english): \(chinese.stdout)")
        }
        let english = try Disclose.run(["check", "--help", "--lang", "en"], environment: Self.noLanguage)
        #expect(english.status == 0)
        for words in ["OVERVIEW: Validate every record under ROOT/content",
                      "USAGE: disclose check ", "OPTIONS:", "Treat every warning as an error.", "(default: .)", "Show help information."] {
            #expect(english.stdout.contains(words), "\(words): \(english.stdout)")
        }
        let root = try Disclose.run(["--help"], environment: Self.noLanguage)
        #expect(root.stdout.contains("概述：构建并检查政府信息公开网站。") && root.stdout.contains("子命令："), "\(root.stdout)")
        #expect(root.stdout.contains("  serve                   在 http://127.0.0.1:PORT/ 预览网站"), "\(root.stdout)")
    }

    /// ArgumentParser's own errors read as Chinese sentences, with what the user typed kept.
    @Test func errorsOfParsingAreChineseSentences() throws {
        let missing = try Disclose.run(["new", "policy"], environment: Self.noLanguage)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("disclose: 错误：缺少参数 '<slug>'\n"), "\(missing.stderr)")
        #expect(missing.stderr.contains("\n用法：disclose new <type> <slug> [--publisher <publisher>] [--root <root>] [--lang <zh|en>]\n"),
                "\(missing.stderr)")
        #expect(!missing.stderr.contains("Error") && !missing.stderr.contains("error:"), "\(missing.stderr)")

        let format = try Disclose.run(["check", "--format", "xml"], environment: Self.noLanguage)
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("disclose: 错误：选项 '--format <format>' 的取值 'xml' 无效；可选值为 'text'、'json' 或 'github'\n"),
                "\(format.stderr)")
        let misspelt = try Disclose.run(["check", "--roo", "x"], environment: Self.noLanguage)
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.hasPrefix("disclose: 错误：未知选项 '--roo'；是否想用 '--root'？\n"), "\(misspelt.stderr)")
        let noValue = try Disclose.run(["build", "--output"], environment: Self.noLanguage)
        #expect(noValue.status == 2)
        #expect(noValue.stderr.hasPrefix("disclose: 错误：选项 '--output <output>' 缺少取值\n"), "\(noValue.stderr)")
        let slug = try Disclose.run(["new", "policy", "Bad_Slug", "--root", Disclose.packageRoot.path], environment: Self.noLanguage)
        #expect(slug.status == 2)
        #expect(slug.stderr.hasPrefix("disclose: 错误：SLUG 只能由小写字母 a-z、数字和 '-' 组成"), "\(slug.stderr)")
        #expect(slug.stderr.contains("而不是 'Bad_Slug'\n用法：disclose new "), "\(slug.stderr)")
    }

    /// JSON and GitHub output keep their keys, severities and commands in Chinese; the
    /// summary on standard error is Chinese.
    @Test func machineFormatsKeepTheirKeysInChinese() throws {
        let site = try Self.siteWithOneError()
        let json = try Disclose.run(["check", "--root", site.url.path, "--format", "json"], environment: Self.noLanguage)
        #expect(json.status == 1)
        let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(Set(diagnostics[0].keys) == ["file", "line", "column", "severity", "rule", "field", "message"])
        #expect(diagnostics[0]["severity"] as? String == "error" && diagnostics[0]["rule"] as? String == "record.required")
        #expect(diagnostics[0]["line"] as? Int == 1 && diagnostics[0]["column"] as? Int == 1)
        #expect(json.stderr == "1 个错误，0 个警告，共 1 条记录\n", "\(json.stderr)")
        let github = try Disclose.run(["check", "--root", site.url.path, "--format", "github"], environment: Self.noLanguage)
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=content/policies/mzbf-2024-3.md,line=1,col=1::[record.required] "), "\(github.stdout)")
    }

    /// The build's table and its closing lines, in Chinese; English with `--lang en`.
    @Test func theBuildSummaryInBothLanguages() throws {
        let site = try Self.siteWithOneError()
        try site.write("""
            ---
            title: 明湖区人民政府办公室关于印发2024年政务公开工作要点的通知
            index_number: 11450100MB0000000A/2024-00003
            disclosure: proactive
            publisher: 明湖区人民政府办公室
            created: 2024-03-01
            published: 2024-03-05
            review: {reviewer: 区政府办公室, date: 2024-03-04}
            topic: 政务公开
            summary: 印发2024年政务公开工作要点。
            document_number: 明政办发〔2024〕3号
            ---
            正文。

            """, to: "content/policies/mzbf-2024-3.md")
        let first = try Disclose.run(["build", "--root", site.url.path], environment: Self.noLanguage)
        #expect(first.status == 0, "\(first.stderr)")
        for words in ["0 个错误，0 个警告，共 1 条记录\n", "合计", "    主动公开", "  依申请公开", "    不予公开", "已写入页面 ",
                      "警告：0 条", "用时 ", "（读取与检查 ", "生成与写入 ", "审查 ", "替换输出目录 ", "内存峰值 "] {
            #expect(first.stderr.contains(words), "\(words): \(first.stderr)")
        }
        #expect(!first.stderr.contains("elapsed") && !first.stderr.contains("pages written") && !first.stderr.contains("proactive"),
                "\(first.stderr)")
        let again = try Disclose.run(["build", "--root", site.url.path], environment: Self.noLanguage)
        #expect(again.stderr.contains("自上次构建以来没有变化：输出目录中的网站已是最新（"), "\(again.stderr)")
        #expect(again.stderr.contains("（与上次构建比较 "), "\(again.stderr)")
        let english = try Disclose.run(["build", "--root", site.url.path, "--lang", "en"], environment: Self.noLanguage)
        #expect(english.stderr.contains("nothing changed since the last build") && english.stderr.contains("(compare with the previous build "),
                "\(english.stderr)")

        let audit = try Disclose.run(["audit", site.url.appendingPathComponent("site").path, "--root", site.url.path],
                                     environment: Self.noLanguage)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stderr.range(of: #"^已审查 \d+ 个文件，其中 0 个有问题\n0 个错误，0 个警告，共 1 条记录\n$"#, options: .regularExpression) != nil,
                "\(audit.stderr)")
    }

    /// A record scheduled after the as-of date: a note (提示) in Chinese, counted in the
    /// summary and named in the build's table.
    @Test func aScheduledRecordIsANoteInChinese() throws {
        let site = try Self.siteWithOneError()
        let text = try String(contentsOf: site.url.appendingPathComponent("content/policies/mzbf-2024-3.md"), encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "disclosure: proactive\n", with: "disclosure: proactive\npublisher: 明湖区人民政府办公室\n")
            .replacingOccurrences(of: "created: 2024-03-01", with: "created: 2026-11-30")
            .replacingOccurrences(of: "date: 2024-03-04", with: "date: 2026-12-01")
            .replacingOccurrences(of: "published: 2024-03-05", with: "published: 2026-12-10"), to: "content/policies/mzbf-2024-3.md")
        // A title the scheduled record does not share: its text counts as non-public until its day.
        try site.write("title: 青山县信息公开\nbase_url: https://www.qingshan.example.gov.cn/xxgk/\n", to: "content/site.yaml")
        let build = try Disclose.run(["build", "--root", site.url.path, "--as-of", "2026-12-02"], environment: Self.noLanguage)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.hasPrefix("content/policies/mzbf-2024-3.md:"), "\(build.stderr)")
        #expect(build.stderr.contains(": 提示：[record.scheduled] "), "\(build.stderr)")
        #expect(build.stderr.contains("\n0 个错误，0 个警告，1 条提示，共 1 条记录\n"), "\(build.stderr)")
        #expect(build.stderr.contains("\n定时发布、在发布日期前暂不发布的记录：1 条（content/policies/mzbf-2024-3.md）\n"), "\(build.stderr)")
    }

    /// migrate-report's lines: its severity words with a full-width colon, its refusal.
    @Test func migrateReportSpeaksChinese() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.url.appendingPathComponent("无此报告.md").path
        let unreadable = try Disclose.run(["migrate-report", missing], environment: Self.noLanguage)
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr == "\(missing): 错误：无法读取文件：文件或文件夹不存在\n", "\(unreadable.stderr)")
        let gbk = directory.url.appendingPathComponent("gbk.md")
        try Data([0xC4, 0xEA, 0xB1, 0xA8]).write(to: gbk)  // 年报 in GBK: not UTF-8
        let notUTF8 = try Disclose.run(["migrate-report", gbk.path], environment: Self.noLanguage)
        #expect(notUTF8.status == 1)
        #expect(notUTF8.stderr == "\(gbk.path): 错误：无法作为 UTF-8 文本读取\n", "\(notUTF8.stderr)")
        try directory.write("---\ntitle: 年报\n---\n", to: "report.md")
        let noStatistics = try Disclose.run(["migrate-report", directory.url.appendingPathComponent("report.md").path], environment: Self.noLanguage)
        #expect(noStatistics.status == 1)
        #expect(noStatistics.stderr.hasPrefix(directory.url.appendingPathComponent("report.md").path + ": 错误："), "\(noStatistics.stderr)")
        let none = try Disclose.run(["migrate-report"], environment: Self.noLanguage)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("disclose: 错误：缺少参数 '<files> ...'\n"), "\(none.stderr)")
    }

    /// A failed build says so in Chinese, after its diagnostics.
    @Test func aFailedBuildSaysSoInChinese() throws {
        let site = try Self.siteWithOneError()
        let result = try Disclose.run(["build", "--root", site.url.path], environment: Self.noLanguage)
        #expect(result.status == 1)
        #expect(result.stderr.contains(Self.chineseLine), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("1 个错误，0 个警告，共 1 条记录\n构建失败：输出目录保持原样\n"), "\(result.stderr)")
    }
}

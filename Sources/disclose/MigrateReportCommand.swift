import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose migrate-report FILE...`: rewrite annual reports' statistics from the earlier
/// shape into the national format (国办公开办函〔2021〕30号), every number kept.
struct MigrateReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-report",
        abstract: localized("把年度报告的 'statistics:' 改写为全国统一格式（国办公开办函〔2021〕30号）的结构，保留每一个数字。",
                            en: "Rewrite annual reports' 'statistics:' in the national format's shape (国办公开办函〔2021〕30号), every number kept."),
        discussion: localized(
            "没有申请人分栏的数字计入自然人；没有分列理由的数字记为其处理结果的 'total:' 行，待分到各项理由；作为一项统计的行政诉讼计入未经复议直接起诉。每一处这样的改动都以警告列出。改写后请运行 'disclose check'。",
            en: "Counts without applicant columns go to 自然人; a count without its reasons becomes its outcome's 'total:' row until spread over them; 行政诉讼 counted as one goes to 未经复议直接起诉. Each such move is printed as a warning. Run 'disclose check' afterwards.")
    )

    @Argument(help: ArgumentHelp(localized("要就地改写的年度报告文件（content/reports/*.md）。",
                                           en: "The report files (content/reports/*.md) to rewrite in place.")))
    var files: [String]

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError(localized("请至少指定一个要改写的年度报告 FILE", en: "name at least one report FILE to migrate")) }
    }

    func run() throws {
        var failed = false
        for file in files {
            // A file that cannot be read says why (missing, a folder, no permission), apart
            // from one that is read but is not UTF-8 text.
            let bytes: [UInt8]
            do {
                // No report is larger than a record may be: a huge file is refused unread.
                bytes = try FileIO.readBytes(file, limit: SourceText.largestRecordLimit)
            } catch {
                Terminal.writeError("\(file): " + localized("错误：无法读取文件：", en: "error: cannot read the file: ") + localized(SystemMessage.phrase(of: error)) + "\n")
                failed = true
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                Terminal.writeError(localized("\(file): 错误：无法作为 UTF-8 文本读取\n", en: "\(file): error: cannot read it as UTF-8 text\n"))
                failed = true
                continue
            }
            let outcome = ReportMigration.migrate(text)
            let severity = outcome.failed ? Severity.error : (outcome.text == nil ? Severity.note : Severity.warning)
            for note in outcome.notes {
                // `警告：` in Chinese, `warning: ` in English, as the text format writes diagnostics.
                Terminal.writeError("\(file): \(severity.word(runLanguage))\(localized("：", en: ": "))\(localized(note))\n")
            }
            if outcome.failed { failed = true }
            guard let migrated = outcome.text else { continue }
            do {
                try Self.replace(file, with: migrated)
                Terminal.writeError(localized("\(file): 已改写；请运行 'disclose check'\n", en: "\(file): rewritten; run 'disclose check'\n"))
            } catch {
                Terminal.writeError(localized("\(file): 错误：无法写入：\(SystemMessage.phrase(error.localizedDescription).zh)\n", en: "\(file): error: cannot write it: \(error.localizedDescription)\n"))
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.contentErrors) }
    }

    /// Writes `text` as the file `path` leads to: a symbolic link is followed (the report
    /// it names is the one rewritten, the link stays), and the file keeps its permissions
    /// and, where this user may set them, its owner. Through a new file renamed over the
    /// old one, so that an interrupted run leaves the old report whole (a hard link to the
    /// old file keeps the old text).
    static func replace(_ path: String, with text: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        let known = stat(target, &info) == 0
        try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        if known {
            _ = chown(target, info.st_uid, info.st_gid)
            _ = chmod(target, info.st_mode & 0o7777)
        }
    }
}

import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose build`: validate, render, write the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: localized("检查 ROOT/content 下的记录，并把公开的网站写入 OUTPUT（默认为 ROOT/site）。",
                           en: "Validate the records under ROOT/content and write the public site to OUTPUT (default ROOT/site).")
    )

    @OptionGroup var site: SiteRootOption
    @OptionGroup var checks: ContentCheckOptions
    @OptionGroup var diagnostics: DiagnosticFormatOption

    @Option(name: .long, help: ArgumentHelp(localized("网站的写入位置；每次构建成功后整体替换。",
                                                      en: "Where to write the site; replaced whole by each successful build.")))
    var output: String?

    @OptionGroup var address: BaseURLOption

    @Flag(name: .long, help: ArgumentHelp(localized("另一个构建正在写入同一输出目录时，立即以退出码 2 结束，不等待它完成。",
                                                    en: "When another build is writing the same output, exit with status 2 at once instead of waiting for it.")))
    var noWait = false

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func run() throws {
        Allocator.returnFreedPagesAtOnce()
        let (progress, line) = ProgressLine.start(quiet: checks.quiet)
        var builder = SiteBuilder(root: site.root, output: output, strict: checks.strict, baseURL: address.baseURL, progress: progress)
        builder.waitsForOtherBuilds = !noWait
        builder.asOf = checks.asOfDate
        builder.rebuilding = { Allocator.keepFreedPagesAWhile() }
        builder.waiting = { holder in
            Terminal.writeError(localized(
                "disclose: 正在等待" + (holder.map { " PID \($0) 的构建" } ?? "另一个进程的构建") + "写完输出目录……\n",
                en: "disclose: waiting for the build of " + (holder.map { "PID \($0)" } ?? "another process") + " to finish writing the output…\n"))
        }
        let report: BuildReport
        do {
            defer { line?.stop() }
            report = try builder.build()
        }
        DiagnosticReport(format: diagnostics.format).print(report.diagnostics, records: report.recordFiles)
        if report.committed {
            Terminal.writeError(BuildSummary(report: report).table())
        } else {
            Terminal.writeError(localized("构建失败：输出目录保持原样\n", en: "build failed: the output directory was left as it was\n"))
        }
        if report.diagnostics.errorCount > 0 || !report.committed { throw ExitCode(ExitStatus.contentErrors) }
    }
}

/// The table a build ends with: records by type and disclosure, pages, time.
struct BuildSummary {
    var report: BuildReport

    func table() -> String {
        let types = report.counts.columns
        func pad(_ text: String, _ width: Int) -> String {
            // CJK characters take two columns on a terminal.
            let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
            return String(repeating: " ", count: max(0, width - columns)) + text
        }
        // A column as wide as its type's id, and at least 8: a site's own type may be long.
        let widths = types.map { max(8, $0.count + 2) }
        // Type ids head the columns in both languages: they are what a record's 'type' says.
        var lines = [pad("", 14) + zip(types, widths).map { pad($0, $1) }.joined() + pad(localized("合计", en: "total"), 8)]
        for disclosure in Disclosure.allCases {
            let row = types.map { report.counts[$0, disclosure] }
            lines.append(pad(localized(disclosure.chineseName, en: disclosure.rawValue), 14)
                + zip(row, widths).map { pad(String($0), $1) }.joined() + pad(String(row.reduce(0, +)), 8))
        }
        let changed = report.filesWritten - report.filesCarried
        if report.upToDate {
            lines.append(localized("自上次构建以来没有变化：输出目录中的网站已是最新（\(report.filesCarried) 个文件）",
                                   en: "nothing changed since the last build: the site in the output is up to date (\(report.filesCarried) files)"))
        } else if report.filesCarried > 0 {
            lines.append(localized(
                "已写入页面 \(report.pagesWritten) 个（共 \(report.filesWritten) 个文件；新增或改动 \(changed) 个，未改动 \(report.filesCarried) 个，沿用上次构建的文件）",
                en: "pages written: \(report.pagesWritten) (\(report.filesWritten) files in all; \(changed) new or changed, \(report.filesCarried) unchanged, carried over from the last build)"))
        } else {
            lines.append(localized("已写入页面 \(report.pagesWritten) 个（共 \(report.filesWritten) 个文件）",
                                   en: "pages written: \(report.pagesWritten) (\(report.filesWritten) files in all)"))
        }
        lines.append(localized("警告：\(report.diagnostics.warningCount) 条", en: "warnings: \(report.diagnostics.warningCount)"))
        let scheduled = report.diagnostics.filter { $0.rule == Rule.recordScheduled.id }.map(\.file)
        if !scheduled.isEmpty {
            lines.append(localized("定时发布、在发布日期前暂不发布的记录：\(scheduled.count) 条（\(scheduled.joined(separator: "、"))）",
                                   en: "scheduled, held back until their publication date: \(scheduled.count) (\(scheduled.joined(separator: ", ")))"))
        }
        let stages = report.stages.map { stage in
            localized(String(format: "%@ %.2f 秒", localized(BuildStageName.phrase(stage.name)), stage.seconds),
                      en: String(format: "%@ %.2f s", stage.name, stage.seconds))
        }.joined(separator: localized("，", en: ", "))
        let megabytes = report.peakMemory / 1_048_576
        lines.append(localized(String(format: "用时 %.2f 秒", report.elapsed) + (stages.isEmpty ? "" : "（\(stages)）") + "；内存峰值 \(megabytes) MiB",
                               en: String(format: "elapsed: %.2f s", report.elapsed) + (stages.isEmpty ? "" : " (\(stages))") + "; peak memory \(megabytes) MiB"))
        return lines.joined(separator: "\n") + "\n"
    }
}

import ArgumentParser
import DisclosureKit

/// `disclose audit SITE_DIR`: inspect a built tree before upload.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: localized("上传前审查已构建的网站：非主动公开记录的泄露、失效链接、外部资源、绝对路径、格式有误或多余的文件。",
                           en: "Inspect a built site before upload: leaks of non-public records, broken links, outside resources, absolute paths, malformed or stray files.")
    )

    @Argument(help: ArgumentHelp(localized("要审查的已构建网站。", en: "The built site to inspect.")))
    var siteDirectory: String

    @OptionGroup var site: SiteRootOption
    @OptionGroup var output: DiagnosticFormatOption

    @OptionGroup var day: AsOfOption

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    func run() throws {
        var loaded = try SiteLoader.load(root: site.root)
        if let asOf = day.asOfDate { loaded.config.asOf = asOf }
        // A scheduled record is not public yet: the audit expects no page of it and looks
        // for its text like a non-public record's.
        _ = ScheduledRecords.holdBack(&loaded)
        let (templates, _) = TemplateSet.load(root: site.root)
        let outcome = try SiteAuditor(directory: siteDirectory, site: loaded, templates: templates).audit()
        DiagnosticReport(format: output.format).print(outcome.diagnostics, records: loaded.recordFileCount, auditedFiles: outcome.fileCount)
        if !outcome.diagnostics.isEmpty { throw ExitCode(ExitStatus.contentErrors) }
    }
}

import ArgumentParser
import DisclosureKit

/// `disclose check`: validate only; writes nothing anywhere.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: localized("按内容格式检查 ROOT/content 下的每一条记录；不写入任何文件。",
                           en: "Validate every record under ROOT/content against the content format; write nothing.")
    )

    @OptionGroup var siteRoot: SiteRootOption
    @OptionGroup var checks: ContentCheckOptions
    @OptionGroup var output: DiagnosticFormatOption
    @OptionGroup var address: BaseURLOption

    /// `--lang`, last: a setting of the run, not of the command's task.
    @OptionGroup var language: LanguageOption

    /// Most records whose bodies are kept in memory between decoding and the link check.
    static let recordsKeptWithBodies = 20_000

    func run() throws {
        let root = siteRoot.root
        // 100,000 records take seconds to check: the same progress line as a build's.
        let (progress, line) = ProgressLine.start(quiet: checks.quiet)
        // Stopped before anything is printed, the diagnostics or an error.
        defer { line?.stop() }
        // Bodies are kept for the link check when the site is of ordinary size (a 10,000-record
        // check reads each file once less: 7 % of its CPU time, 27 MiB more); past that they
        // are read again, as at 100,000 records they would be a third of a gigabyte.
        let tree = try ContentScanner(root: root).scan()
        var site = SiteLoader.load(tree, progress: progress, keepBodies: tree.records.count <= Self.recordsKeptWithBodies)
        if let asOf = checks.asOfDate { site.config.asOf = asOf }
        if let baseURL = address.baseURL { site.config.overrideBaseURL(baseURL) }
        let scheduledNotes = ScheduledRecords.holdBack(&site).notes(asOf: site.config.asOf)
        // A site's own templates and every public body's links are checked too: CI should
        // fail where the build would.
        let (templates, templateDiagnostics) = TemplateSet.load(root: root)
        let all = site.diagnostics + scheduledNotes + templateDiagnostics + TemplateLoads.diagnostics(root: root)
            + (try SiteCheck.diagnostics(site, templates: templates, progress: progress))
        line?.stop()
        let diagnostics = checks.strict ? all.strict() : all
        DiagnosticReport(format: output.format).print(diagnostics, records: site.recordFileCount)
        if diagnostics.errorCount > 0 { throw ExitCode(ExitStatus.contentErrors) }
    }
}

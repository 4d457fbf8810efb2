import ArgumentParser
import DisclosureKit

/// `disclose audit SITE_DIR`: inspect a built tree before upload.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Inspect a built site before upload: leaks of non-public records, broken links, outside resources, absolute paths, malformed or stray files."
    )

    @Argument(help: "The built site to inspect.")
    var siteDirectory: String

    @OptionGroup var site: SiteRootOption
    @OptionGroup var output: DiagnosticFormatOption

    func run() throws {
        let loaded = try SiteLoader.load(root: site.root)
        let (templates, _) = TemplateSet.load(root: site.root)
        let outcome = try SiteAuditor(directory: siteDirectory, site: loaded, templates: templates).audit()
        DiagnosticReport(format: output.format).print(outcome.diagnostics, records: loaded.recordFileCount, auditedFiles: outcome.fileCount)
        if !outcome.diagnostics.isEmpty { throw ExitCode(ExitStatus.contentErrors) }
    }
}

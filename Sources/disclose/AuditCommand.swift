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

    @Option(name: .long, help: "The site root whose content/ the site was built from.")
    var root: String = "."

    @Option(name: .long, help: "How to print findings: text (standard error), json or github (standard output).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let findings: [Diagnostic]
        let site: LoadedSite
        let files: Int
        do {
            site = try SiteLoader.load(root: root)
            let (templates, _) = TemplateSet.load(root: root)
            let outcome = try SiteAuditor(directory: siteDirectory, site: site, templates: templates).audit()
            findings = outcome.diagnostics
            files = outcome.fileCount
        } catch {
            Terminal.writeError("disclose: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        DiagnosticReport(format: format).print(findings, records: site.recordFileCount, auditedFiles: files)
        if !findings.isEmpty { throw ExitCode(ExitStatus.contentErrors) }
    }
}

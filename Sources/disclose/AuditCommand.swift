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

    @Option(name: .long, help: "The as-of date the site was built with, YYYY-MM-DD (default: today in site.yaml's time_zone): records scheduled after it must not be in the site.")
    var asOf: String?

    func validate() throws {
        if let asOf, case .failure(let error) = AsOfDate.parse(asOf) { throw ValidationError(error.description) }
    }

    func run() throws {
        let findings: [Diagnostic]
        var site: LoadedSite
        let files: Int
        do {
            site = try SiteLoader.load(root: root)
            if let asOf = asOf.flatMap({ try? AsOfDate.parse($0).get() }) { site.config.asOf = asOf }
            // A scheduled record is not public yet: the audit expects no page of it and
            // looks for its text like a non-public record's.
            _ = ScheduledRecords.holdBack(&site)
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

import ArgumentParser
import DisclosureKit

/// `disclose check`: validate only; writes nothing anywhere.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every record under ROOT/content against the content format; write nothing."
    )

    @Option(name: .long, help: "The site root (the folder holding content/).")
    var root: String = "."

    @Flag(name: .long, help: "Treat every warning as an error.")
    var strict = false

    @Option(name: .long, help: "How to print diagnostics: text (standard error), json or github (standard output).")
    var format: DiagnosticFormat = .text

    @Option(name: .long, help: "The day policies' 有效期至 are judged against, YYYY-MM-DD (default: today in site.yaml's time_zone).")
    var asOf: String?

    @Flag(name: .long, help: "No progress line (there is none anyway when standard error is not a terminal).")
    var quiet = false

    func validate() throws {
        if let asOf, case .failure(let error) = AsOfDate.parse(asOf) { throw ValidationError(error.description) }
    }

    func run() throws {
        // 100,000 records take seconds to check: the same progress line as a build's.
        let (progress, line) = ProgressLine.start(quiet: quiet)
        var site: LoadedSite
        var scheduledNotes: [Diagnostic] = []
        do {
            site = try SiteLoader.load(root: root, progress: progress, keepBodies: false)
            if let asOf = asOf.flatMap({ try? AsOfDate.parse($0).get() }) { site.config.asOf = asOf }
            scheduledNotes = ScheduledRecords.holdBack(&site).notes(asOf: site.config.asOf)
        } catch {
            line?.stop()
            Terminal.writeError("disclose: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        // A site's own templates and every public body's links are checked too: CI should
        // fail where the build would.
        let (templates, templateDiagnostics) = TemplateSet.load(root: root)
        var all = site.diagnostics + scheduledNotes + templateDiagnostics + SharedText.diagnostics(site)
        if site.diagnostics.errorCount == 0 {
            all += BodyLinks.diagnostics(site, progress: progress)
            // Paths too long to write, as the build into the default output (ROOT/site) finds them.
            all += OutputPathLengths.checkDefaultOutput(site)
            // Attachments the build's audit reads as documents (HTML, XML, JSON, CSS).
            if let templates {
                do {
                    all += try AttachmentDocuments.diagnostics(site, templates: templates)
                    all += try FixedPageLeaks.diagnostics(site, templates: templates)
                } catch {
                    line?.stop()
                    Terminal.writeError("disclose: error: \(error)\n")
                    throw ExitCode(ExitStatus.usage)
                }
            }
        }
        line?.stop()
        let diagnostics = strict ? all.strict() : all
        DiagnosticReport(format: format).print(diagnostics, records: site.recordFileCount)
        if diagnostics.errorCount > 0 { throw ExitCode(ExitStatus.contentErrors) }
    }
}

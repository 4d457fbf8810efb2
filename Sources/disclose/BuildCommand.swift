import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose build`: validate, render, write the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the records under ROOT/content and write the public site to OUTPUT (default ROOT/site)."
    )

    @OptionGroup var language: LanguageOption

    @OptionGroup var site: SiteRootOption
    @OptionGroup var checks: ContentCheckOptions
    @OptionGroup var diagnostics: DiagnosticFormatOption

    @Option(name: .long, help: "Where to write the site; replaced whole by each successful build.")
    var output: String?

    @Option(name: .long, help: "Override site.yaml's base_url for the sitemap, robots.txt and feed.")
    var baseURL: String?

    @Flag(name: .long, help: "When another build is writing the same output, exit with status 2 at once instead of waiting for it.")
    var noWait = false

    func run() throws {
        let (progress, line) = ProgressLine.start(quiet: checks.quiet)
        var builder = SiteBuilder(root: site.root, output: output, strict: checks.strict, baseURL: baseURL, progress: progress)
        builder.waitsForOtherBuilds = !noWait
        builder.asOf = checks.asOfDate
        builder.waiting = { holder in
            Terminal.writeError("disclose: waiting for the build of "
                + (holder.map { "PID \($0)" } ?? "another process") + " to finish writing the output…\n")
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
            Terminal.writeError("build failed: the output directory was left as it was\n")
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
        var lines = [pad("", 14) + zip(types, widths).map { pad($0, $1) }.joined() + pad("total", 8)]
        for disclosure in Disclosure.allCases {
            let row = types.map { report.counts[$0, disclosure] }
            lines.append(pad(disclosure.rawValue, 14) + zip(row, widths).map { pad(String($0), $1) }.joined() + pad(String(row.reduce(0, +)), 8))
        }
        if report.upToDate {
            lines.append("nothing changed since the last build: the site in the output is up to date (\(report.filesCarried) files)")
        } else {
            let carried = report.filesCarried > 0
                ? "; \(report.filesWritten - report.filesCarried) new or changed, \(report.filesCarried) unchanged, carried over from the last build"
                : ""
            lines.append("pages written: \(report.pagesWritten) (\(report.filesWritten) files in all\(carried))")
        }
        lines.append("warnings: \(report.diagnostics.warningCount)")
        let scheduled = report.diagnostics.filter { $0.rule == Rule.recordScheduled.id }.map(\.file)
        if !scheduled.isEmpty {
            lines.append("scheduled, held back until their publication date: \(scheduled.count) (\(scheduled.joined(separator: ", ")))")
        }
        let stages = report.stages.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", ")
        lines.append(String(format: "elapsed: %.2f s", report.elapsed) + (stages.isEmpty ? "" : " (\(stages))")
            + "; peak memory \(report.peakMemory / 1_048_576) MiB")
        return lines.joined(separator: "\n") + "\n"
    }
}

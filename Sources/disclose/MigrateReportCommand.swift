import ArgumentParser
import DisclosureKit
import Foundation

/// `disclose migrate-report FILE...`: rewrite annual reports' statistics from the earlier
/// shape into the national format (国办公开办函〔2021〕30号), every number kept.
struct MigrateReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-report",
        abstract: "Rewrite annual reports' 'statistics:' in the national format's shape (国办公开办函〔2021〕30号), every number kept.",
        discussion: "Counts without applicant columns go to 自然人; a count without its reasons becomes its outcome's 'total:' row until spread over them; 行政诉讼 counted as one goes to 未经复议直接起诉. Each such move is printed as a warning. Run 'disclose check' afterwards."
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "The report files (content/reports/*.md) to rewrite in place.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one report FILE to migrate") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                Terminal.writeError("\(file): error: cannot read it as UTF-8 text\n")
                failed = true
                continue
            }
            let outcome = ReportMigration.migrate(text)
            let severity = outcome.failed ? "error" : (outcome.text == nil ? "note" : "warning")
            for note in outcome.notes { Terminal.writeError("\(file): \(severity): \(note.text(runLanguage))\n") }
            if outcome.failed { failed = true }
            guard let migrated = outcome.text else { continue }
            do {
                try Data(migrated.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                Terminal.writeError("\(file): rewritten; run 'disclose check'\n")
            } catch {
                Terminal.writeError("\(file): error: cannot write it: \(error.localizedDescription)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.contentErrors) }
    }
}

import ArgumentParser
import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing to the standard streams.
enum Terminal {
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func writeOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colour only when standard error is a terminal (and NO_COLOR is unset).
    static var standardErrorIsColourTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Prints diagnostics as `--format` asks and ends with the summary line.
struct DiagnosticReport {
    var format: DiagnosticFormat

    /// Prints the diagnostics, then the summary line that ends every run (for an audit,
    /// first a line counting the files with findings).
    func print(_ diagnostics: [Diagnostic], records: Int, auditedFiles: Int? = nil) {
        let printer = DiagnosticPrinter(format: format, colour: format == .text && Terminal.standardErrorIsColourTerminal,
                                        language: runLanguage)
        let rendered = printer.render(diagnostics)
        switch format {
        case .text: Terminal.writeError(rendered)
        case .json, .github: Terminal.writeOutput(rendered)
        }
        if let auditedFiles {
            let files = Set(diagnostics.map(\.file)).count
            Terminal.writeError(localized("已审查 \(auditedFiles) 个文件，其中 \(files) 个有问题\n",
                                          en: "audited \(auditedFiles) files: \(files) with findings\n"))
        }
        Terminal.writeError(localized(DiagnosticPrinter.summary(diagnostics, records: records)) + "\n")
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

import ArgumentParser
import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing to the standard streams. A stream that cannot be written (closed, a full disk,
/// a reader that went away) loses the text and nothing else: the command goes on and ends
/// with the exit code of what it did, never a crash (Foundation's `FileHandle.write` traps).
enum Terminal {
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    static func writeOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
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

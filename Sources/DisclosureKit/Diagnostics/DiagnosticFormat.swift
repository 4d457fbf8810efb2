import Foundation

/// The ways diagnostics are printed (`--format`).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: [rule] message`, one per line on standard error.
    case text
    /// One JSON array of objects on standard output.
    case json
    /// GitHub Actions workflow commands on standard output.
    case github
}

/// Renders diagnostics in one of the `DiagnosticFormat`s.
public struct DiagnosticPrinter: Sendable {
    public var format: DiagnosticFormat
    /// ANSI colours, for a terminal only.
    public var colour: Bool

    public init(format: DiagnosticFormat, colour: Bool = false) {
        self.format = format
        self.colour = colour
    }

    /// The text of one diagnostic in the text format; characters of the content a
    /// terminal would act on are shown escaped (`VisibleText`).
    public func textLine(_ d: Diagnostic) -> String {
        let place = "\(VisibleText.escaped(d.file)):\(d.location.line):\(d.location.column)"
        let severity: String
        if colour {
            switch d.severity {
            case .error: severity = "\u{1B}[1;31merror\u{1B}[0m"
            case .warning: severity = "\u{1B}[1;33mwarning\u{1B}[0m"
            case .note: severity = "\u{1B}[1;36mnote\u{1B}[0m"
            }
        } else {
            severity = d.severity.rawValue
        }
        return "\(place): \(severity): [\(d.rule)] \(VisibleText.escaped(d.message))"
    }

    /// The whole report: diagnostics in printing order, as the format wants them.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.printingOrder)
        switch format {
        case .text:
            return sorted.map { textLine($0) + "\n" }.joined()
        case .json:
            return Self.json(sorted)
        case .github:
            return sorted.map(Self.githubLine).joined()
        }
    }

    /// `N errors, M warnings in K records`, the line that ends every run (`, L notes`
    /// after the warnings when there are notes).
    public static func summary(_ diagnostics: [Diagnostic], records: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let notes = diagnostics.noteCount
        let noteText = notes == 0 ? "" : ", \(notes) \(notes == 1 ? "note" : "notes")"
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")\(noteText) in \(records) \(records == 1 ? "record" : "records")"
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        var out = "["
        for (i, d) in diagnostics.enumerated() {
            out += i == 0 ? "\n  " : ",\n  "
            out += "{\"file\": \(VisibleText.jsonLiteral(d.file)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
            out += "\"severity\": \(jsonString(d.severity.rawValue)), \"rule\": \(jsonString(d.rule)), "
            out += "\"field\": \(d.field.map(VisibleText.jsonLiteral) ?? "null"), \"message\": \(VisibleText.jsonLiteral(d.message))}"
        }
        out += diagnostics.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    static func githubLine(_ d: Diagnostic) -> String {
        let command = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        // Exactly the shape cli.md gives: file, line, col; the rule id leads the message.
        let file = githubProperty(VisibleText.escaped(d.file, keepingLineBreaks: true))
        return "::\(command) file=\(file),line=\(d.location.line),col=\(d.location.column)::\(githubData("[\(d.rule)] \(VisibleText.escaped(d.message, keepingLineBreaks: true))"))\n"
    }

    /// Escaping of a workflow command's message, as GitHub's toolkit does it.
    static func githubData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a workflow command's property value.
    static func githubProperty(_ s: String) -> String {
        githubData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// A JSON string literal for `s` (UTF-8 kept as is, control characters escaped; see
/// `appendJSONString`).
public func jsonString(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 2)
    appendJSONString(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}

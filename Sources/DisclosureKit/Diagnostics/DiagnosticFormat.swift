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
    /// The language of the messages and, in the text format, of the severities.
    public var language: Language

    public init(format: DiagnosticFormat, colour: Bool = false, language: Language = .zh) {
        self.format = format
        self.colour = colour
        self.language = language
    }

    /// The text of one diagnostic in the text format; characters of the content a
    /// terminal would act on are shown escaped (`VisibleText`).
    public func textLine(_ d: Diagnostic) -> String {
        let place = "\(VisibleText.escaped(d.file)):\(d.location.line):\(d.location.column)"
        var severity = d.severity.word(language)
        if colour {
            let code = switch d.severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .note: "1;36"
            }
            severity = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
        }
        // `错误：` in Chinese (a full-width colon, as Chinese text writes it), `error: ` in English.
        let separator = language == .zh ? "：" : ": "
        return "\(place): \(severity)\(separator)[\(d.rule)] \(VisibleText.escaped(d.message.text(language)))"
    }

    /// The whole report: diagnostics in printing order, as the format wants them.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.printingOrder)
        switch format {
        case .text:
            return sorted.map { textLine($0) + "\n" }.joined()
        case .json:
            return Self.json(sorted, language: language)
        case .github:
            return sorted.map { Self.githubLine($0, language: language) }.joined()
        }
    }

    /// The line that ends every run: `N errors, M warnings in K records` (`, L notes`
    /// after the warnings when there are notes), in Chinese `N 个错误，M 个警告，共 K 条记录`
    /// (`，L 条提示` likewise).
    public static func summary(_ diagnostics: [Diagnostic], records: Int) -> Phrase {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let notes = diagnostics.noteCount
        let noteText = notes == 0 ? "" : ", \(notes) \(notes == 1 ? "note" : "notes")"
        return Phrase(
            "\(errors) 个错误，\(warnings) 个警告\(notes == 0 ? "" : "，\(notes) 条提示")，共 \(records) 条记录",
            en: "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")\(noteText) in \(records) \(records == 1 ? "record" : "records")")
    }

    static func json(_ diagnostics: [Diagnostic], language: Language) -> String {
        var out = "["
        for (i, d) in diagnostics.enumerated() {
            out += i == 0 ? "\n  " : ",\n  "
            out += "{\"file\": \(VisibleText.jsonLiteral(d.file)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
            out += "\"severity\": \(jsonString(d.severity.rawValue)), \"rule\": \(jsonString(d.rule)), "
            out += "\"field\": \(d.field.map(VisibleText.jsonLiteral) ?? "null"), \"message\": \(VisibleText.jsonLiteral(d.message.text(language)))}"
        }
        out += diagnostics.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    static func githubLine(_ d: Diagnostic, language: Language) -> String {
        let command = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        // Exactly the shape cli.md gives: file, line, col; the rule id leads the message.
        let file = githubProperty(VisibleText.escaped(d.file, keepingLineBreaks: true))
        return "::\(command) file=\(file),line=\(d.location.line),col=\(d.location.column)::\(githubData("[\(d.rule)] \(VisibleText.escaped(d.message.text(language), keepingLineBreaks: true))"))\n"
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

/// How serious a finding is. Warnings become errors under `--strict`; notes (a record
/// scheduled for later, a lateness its record acknowledges) never fail a run.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The word a person reads; JSON and GitHub annotations keep the raw value.
    public func word(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "提示"
        case (_, .en): rawValue
        }
    }
}

/// A 1-based line and column in a source file. Columns count characters, as editors do.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The opening `---` of a record: where a missing field is reported.
    public static let fileStart = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in the input, made where it is found and printed in one place.
public struct Diagnostic: Sendable, Hashable {
    /// Path relative to the site root, with `/` separators (`content/policies/x.md`).
    public var file: String
    public var location: SourceLocation
    public var severity: Severity
    public var rule: String
    /// The front-matter key path the problem is about (`review.date`), if any.
    public var field: String?
    public var message: Phrase

    public init(file: String, location: SourceLocation, severity: Severity, rule: String,
                field: String?, message: Phrase) {
        self.file = file
        self.location = location
        self.severity = severity
        self.rule = rule
        self.field = field
        self.message = message
    }

    /// The order diagnostics are printed in: by file, then position, then rule.
    public static func printingOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.location != b.location { return a.location < b.location }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message.en < b.message.en
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var noteCount: Int { lazy.filter { $0.severity == .note }.count }

    /// Every warning turned into an error, as `--strict` asks; notes stay notes.
    public func strict() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            if copy.severity == .warning { copy.severity = .error }
            return copy
        }
    }
}

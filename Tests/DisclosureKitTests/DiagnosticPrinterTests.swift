import Foundation
import Testing
@testable import DisclosureKit

@Suite struct DiagnosticPrinterTests {
    let sample = [
        Diagnostic(file: "content/policies/b.md", location: SourceLocation(line: 4, column: 14), severity: .error,
                   rule: "record.required", field: "publisher", message: Phrase("缺少必填字段 'publisher'（发布机构）", en: "missing required field 'publisher' (发布机构)")),
        Diagnostic(file: "content/policies/a.md", location: SourceLocation(line: 7, column: 12), severity: .warning,
                   rule: "timeliness.late", field: nil, message: Phrase("逾期，\"引号\"\n第二行：100%", en: "late, \"quoted\"\nsecond line: 100%")),
    ]

    @Test func textIsTheCompilersConvention() {
        let text = DiagnosticPrinter(format: .text, language: .en).render(sample)
        #expect(text == """
            content/policies/a.md:7:12: warning: [timeliness.late] late, "quoted"\\nsecond line: 100%
            content/policies/b.md:4:14: error: [record.required] missing required field 'publisher' (发布机构)

            """)
    }

    /// Chinese is the default: the severity in Chinese with a full-width colon, the rule id
    /// as it is, the message in Chinese.
    @Test func textIsInChineseByDefault() {
        let text = DiagnosticPrinter(format: .text).render(sample)
        #expect(text == """
            content/policies/a.md:7:12: 警告：[timeliness.late] 逾期，"引号"\\n第二行：100%
            content/policies/b.md:4:14: 错误：[record.required] 缺少必填字段 'publisher'（发布机构）

            """)
    }

    @Test func jsonHasTheContractsKeys() throws {
        let json = DiagnosticPrinter(format: .json, language: .en).render(sample)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(Set(array[0].keys) == ["file", "line", "column", "severity", "rule", "field", "message"])
        #expect(array[0]["field"] is NSNull)
        #expect(array[0]["message"] as? String == "late, \"quoted\"\nsecond line: 100%")
        #expect(array[1]["line"] as? Int == 4)
        #expect(array[1]["field"] as? String == "publisher")
        #expect(DiagnosticPrinter(format: .json).render([]) == "[]\n")
        // In Chinese only the message changes: keys and severities are the contract's.
        let chinese = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticPrinter(format: .json).render(sample).utf8)) as? [[String: Any]])
        #expect(chinese[1]["severity"] as? String == "error")
        #expect(chinese[1]["message"] as? String == "缺少必填字段 'publisher'（发布机构）")
    }

    @Test func githubCommandsEscapeTheirData() {
        let lines = DiagnosticPrinter(format: .github, language: .en).render(sample).split(separator: "\n")
        #expect(lines[0] == "::warning file=content/policies/a.md,line=7,col=12::[timeliness.late] late, \"quoted\"%0Asecond line: 100%25")
        #expect(lines[1].hasPrefix("::error file=content/policies/b.md,line=4,col=14::[record.required] "))
    }

    /// Content in a message cannot drive the reader's terminal or forge a line: escape
    /// sequences, carriage returns, C1 controls and bidirectional overrides are shown escaped.
    @Test func controlCharactersFromContentAreShownEscapedInEveryFormat() throws {
        let hostile = Diagnostic(file: "content/policies/\u{1B}[2Jx.md", location: SourceLocation(line: 2, column: 8),
                                 severity: .error, rule: "record.type", field: "title",
                                 message: Phrase("坏 'a\u{1B}]0;pwned\u{07}b\rc\u{0}d\u{9B}e\u{202E}f\u{7F}'",
                                                 en: "bad 'a\u{1B}]0;pwned\u{07}b\rc\u{0}d\u{9B}e\u{202E}f\u{7F}'"))
        let text = DiagnosticPrinter(format: .text, language: .en).render([hostile])
        #expect(text == "content/policies/\\x1B[2Jx.md:2:8: error: [record.type] bad 'a\\x1B]0;pwned\\x07b\\rc\\x00d\\x9Be\\u{202E}f\\x7F'\n")
        #expect(DiagnosticPrinter(format: .text).render([hostile]) == "content/policies/\\x1B[2Jx.md:2:8: 错误：[record.type] 坏 'a\\x1B]0;pwned\\x07b\\rc\\x00d\\x9Be\\u{202E}f\\x7F'\n")
        let github = DiagnosticPrinter(format: .github, language: .en).render([hostile])
        #expect(!github.unicodeScalars.contains { VisibleText.isHidden($0) && $0 != "\n" })
        #expect(github.hasSuffix("bad 'a\\x1B]0;pwned\\x07b%0Dc\\x00d\\x9Be\\u{202E}f\\x7F'\n"))
        let json = DiagnosticPrinter(format: .json, language: .en).render([hostile])
        #expect(!json.unicodeScalars.contains { VisibleText.isHidden($0) && $0 != "\n" })
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array[0]["message"] as? String == hostile.message.en)
        #expect(array[0]["file"] as? String == hostile.file)
    }

    @Test func summaryLine() {
        #expect(DiagnosticPrinter.summary(sample, records: 3).en == "1 error, 1 warning in 3 records")
        #expect(DiagnosticPrinter.summary([], records: 1).en == "0 errors, 0 warnings in 1 record")
        #expect(DiagnosticPrinter.summary(sample, records: 3).zh == "1 个错误，1 个警告，共 3 条记录")
        var noted = sample
        noted[1].severity = .note
        #expect(DiagnosticPrinter.summary(noted, records: 3).zh == "1 个错误，0 个警告，1 条提示，共 3 条记录")
    }

    @Test func strictTurnsWarningsIntoErrors() {
        #expect(sample.strict().errorCount == 2)
    }
}

@Suite struct RuleCatalogTests {
    @Test func idsAreUniqueDottedLowerCase() {
        let ids = Rule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: #"^[a-z_]+(\.[a-z_]+)+$"#, options: .regularExpression) != nil, "\(id)")
        }
    }

    @Test func theContractsRuleIdsExist() {
        let ids = Set(Rule.all.map(\.id))
        for id in ["record.required", "record.type", "record.date", "index_number.duplicate", "disclosure.withheld_reason",
                   "review.after_publication", "timeliness.late", "guide.time_limit", "budget.lines_sum",
                   "report.statistics.balance", "report.deadline", "front_matter.syntax",
                   "front_matter.duplicate_key", "section.unknown"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// The README's rule tables (Chinese and English) are generated by `disclose rules`;
    /// they must not drift.
    @Test(arguments: Language.allCases) func readmeTableMatchesTheCode(_ language: Language) throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(Rule.markdownTable(language)), "run scripts/update-readme-rules.py")
    }
}

@Suite struct NewRecordTemplateTests {
    /// `text` with each placeholder replaced by a value of its field's kind: a choice's
    /// first value, an amount, or a text.
    static func fill(_ text: String, _ declaration: TypeDeclaration) -> String {
        let fields = declaration.fields + declaration.fields.flatMap(\.fields)
        var filled = text
        for match in text.matches(of: /"<待填写 ([^\/"]*) \/ ([^>"]*)>"/) {
            let field = fields.first { $0.key == String(match.2) }
            let chosen: String = switch field?.kind {
            case .enumeration: field!.values[0].value
            case .amount: "0.00"
            case .number: "1"
            default: "填写的\(match.1)"
            }
            let value = field?.key == "party" ? "张某某" : chosen
            filled = filled.replacingOccurrences(of: String(match.0), with: value)
        }
        return filled
    }

    @Test func aChoiceWithNoDefaultIsAPlaceholderAndAnOptionalFieldIsCommentedOut() throws {
        let today = try #require(CalendarDate("2026-11-26"))
        let decision = NewRecordTemplate.text(for: try #require(TypeRegistry.builtIn.type(id: "decision")), today: today)
        #expect(decision.contains("party_type: \"<待填写 相对人类型 / party_type>\""))
        #expect(decision.contains("kind: \"<待填写 决定类别 / kind>\""))
        #expect(decision.contains("# credit_code: "))
        let policy = NewRecordTemplate.text(for: try #require(TypeRegistry.builtIn.type(id: "policy")), today: today)
        #expect(policy.contains("\n# status: \n"), "an optional choice is left to its declared default")
        #expect(!policy.contains("\nstatus:"))
    }

    @Test(arguments: RecordSamples.types)
    func skeletonIsFlaggedUntilFilledIn(_ type: RecordType) throws {
        // A report is on the year before, due by 03-31: one written in November is late.
        let today = try #require(CalendarDate(type.declaration.applies(.reportStatistics) ? "2026-01-26" : "2026-11-26"))
        let text = NewRecordTemplate.text(for: type, today: today)
        let file = RecordSamples.file(type)
        let raw = RecordDecoder(site: .fallback).decode(bytes: Array(text.utf8), file: file)
        #expect(!raw.diagnostics.isEmpty)
        #expect(raw.diagnostics.allSatisfy { $0.rule == "record.placeholder" }, "\(raw.diagnostics)")
        // Filling every placeholder makes it pass.
        let filled = Self.fill(text, type.declaration)
        let decoded = RecordDecoder(site: .fallback).decode(bytes: Array(filled.utf8), file: file)
        #expect(decoded.diagnostics == [], "\(decoded.diagnostics)")
    }
}

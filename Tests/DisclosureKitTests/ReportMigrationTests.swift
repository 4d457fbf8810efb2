import Testing
@testable import DisclosureKit

/// `disclose migrate-report`: every number of the earlier shape is in the migrated
/// statistics, and the migrated report passes the rules but where a number had no place.
@Suite struct ReportMigrationTests {
    static let earlier = """
        ---
        title: 明湖区教育局2023年政府信息公开工作年度报告
        index_number: 11450100MB0000009J/2024-00001
        disclosure: proactive
        publisher: 明湖区教育局
        created: 2024-01-10
        published: 2024-01-15
        review: {reviewer: 区教育局保密审查小组, date: 2024-01-12}
        year: 2023
        statistics:
          proactive:
            normative_documents: {issued: 2, repealed: 1, in_force: 17}
            licensing: 41
            fees: 0.85
          requests:
            received: 19
            carried_over: 2
            outcomes:
              granted: 9
              partially_granted: 3
              denied: {third_party: 2, process_information: 1}
              unavailable: {not_held: 3}
              not_processed: {repeated: 1}
              other: 1
            carried_forward: 1
          reviews: {upheld: 1, corrected: 1, other: 0, pending: 0, total: 2}
          lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 1, total: 1}
        # 以下为正文
        ---
        ## 一、总体情况

        总体。

        ## 五、存在的主要问题及改进情况

        问题。

        ## 六、其他需要报告的事项

        无。
        """

    static func decode(_ text: String) -> DecodedRecord {
        RecordDecoder(site: RecordSamples.site).decode(bytes: Array(text.utf8), file: RecordSamples.file(.report))
    }

    @Test func everyNumberSurvivesAndTheReportPasses() throws {
        #expect(Self.decode(Self.earlier).rules == ["report.statistics.shape"])
        let outcome = ReportMigration.migrate(Self.earlier)
        #expect(!outcome.failed)
        let text = try #require(outcome.text)
        #expect(text.hasPrefix("---\ntitle: 明湖区教育局2023年政府信息公开工作年度报告\n"))
        #expect(text.contains("\n# 以下为正文\n---\n## 一、总体情况\n"), "what follows statistics is kept")
        let decoded = Self.decode(text)
        #expect(decoded.diagnostics == [], "\(decoded.diagnostics)")
        let record = try #require(decoded.record)
        let s = try #require(ReportStatisticsRules.details(record)).statistics
        #expect(s.proactive.normativeDocuments == DocumentCounts(issued: 2, repealed: 1, inForce: 17,
                                                                  issuedLocation: s.proactive.normativeDocuments.issuedLocation,
                                                                  repealedLocation: s.proactive.normativeDocuments.repealedLocation))
        #expect(s.proactive.licensing == 41 && s.proactive.fees.text == "0.85")
        #expect(s.proactive.rules.issued == 0 && s.proactive.penalties == 0, "not given: 0")
        let r = s.requests
        #expect(r.received.cells == [19, 0, 0, 0, 0, 0, 19])
        #expect(r.carriedOver.total == 2 && r.carriedForward.total == 1)
        #expect(r.outcomes.granted.total == 9 && r.outcomes.partiallyGranted.total == 3)
        #expect(r.outcomes.denied.reasons.map(\.counts.total) == [0, 0, 0, 2, 0, 1, 0, 0])
        #expect(r.outcomes.unavailable.total.total == 3 && r.outcomes.notProcessed.reasons[1].counts.total == 1)
        #expect(r.outcomes.other.reasons.map(\.counts.total) == [0, 0, 1])
        #expect(s.reviews.cells == [1, 1, 0, 0, 2])
        #expect(s.lawsuits.direct.cells == [0, 0, 0, 1, 1] && s.lawsuits.afterReview.total == 0)
        #expect(outcome.notes.contains { $0.en.contains("自然人") })
        #expect(outcome.notes.contains { $0.zh.contains("均已写在 自然人（及总计）下") }, "\(outcome.notes)")
        #expect(outcome.notes.contains { $0.en.contains("未经复议直接起诉") })
        #expect(outcome.notes.contains { $0.en.contains("规章 本年制发件数") && $0.en.contains("written as 0") })
    }

    @Test func aCountWithoutReasonsIsKeptAsATotalThatCheckRefuses() throws {
        let earlier = Self.earlier.replacingOccurrences(of: "denied: {third_party: 2, process_information: 1}", with: "denied: 3")
        let outcome = ReportMigration.migrate(earlier)
        let text = try #require(outcome.text)
        #expect(outcome.notes.contains { $0.en.contains("'outcomes.denied'") && $0.en.contains("3") })
        let decoded = Self.decode(text)
        #expect(decoded.rules.allSatisfy { $0 == "report.statistics.balance" } && !decoded.rules.isEmpty, "\(decoded.diagnostics)")
        #expect(decoded.diagnostics.contains { $0.field == "statistics.requests.outcomes.denied.total" && $0.message.en.contains("is 3") })
        #expect(text.contains("total: [3, 0, 0, 0, 0, 0, 3]"))
        #expect(text.contains("total: [20, 0, 0, 0, 0, 0, 20]"), "（七）总计 keeps the count too")
    }

    @Test func aFileWithCRLFLineEndsKeepsThem() throws {
        let crlf = Self.earlier.replacingOccurrences(of: "\n", with: "\r\n")
        let text = try #require(ReportMigration.migrate(crlf).text)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(Self.decode(text).diagnostics == [])
    }

    @Test func aFileSavedWithAByteOrderMarkIsMigratedAndKeepsIt() throws {
        let crlf = Self.earlier.replacingOccurrences(of: "\n", with: "\r\n")
        let plain = try #require(ReportMigration.migrate(crlf).text)
        let marked = try #require(ReportMigration.migrate("\u{FEFF}" + crlf).text)
        #expect(marked == "\u{FEFF}" + plain)
    }

    @Test func aMigratedReportIsLeftAloneAndABrokenOneIsNotWritten() {
        let migrated = ReportMigration.migrate(Self.earlier).text ?? ""
        let again = ReportMigration.migrate(migrated)
        #expect(again.text == nil && !again.failed)
        let broken = ReportMigration.migrate(Self.earlier.replacingOccurrences(of: "received: 19", with: "received: 十九"))
        #expect(broken.failed && broken.text == nil)
        #expect(broken.notes.first?.en.contains("received") == true, "\(broken.notes)")
    }
}

/// `migrate-report` never loses a number in silence: a key it does not know, an author's
/// （七）总计 that disagrees, 行政诉讼 as one set without `total`.
@Suite struct ReportMigrationKeepsEveryNumberTests {
    static let earlier = ReportMigrationTests.earlier

    @Test(arguments: [
        ("licensing: 41", "licencing: 41", "statistics.proactive.licencing"),
        ("partially_granted: 3", "partialy_granted: 3", "statistics.requests.outcomes.partialy_granted"),
        ("carried_forward: 1", "carried_foward: 1", "statistics.requests.carried_foward"),
        ("other: 1\n    carried_forward", "other: 1\n      withdrawn: 2\n    carried_forward", "statistics.requests.outcomes.withdrawn"),
        ("received: 19", "received: 19\n    pending: 4", "statistics.requests.pending"),
        ("  lawsuits:", "  remarks: 7\n  lawsuits:", "statistics.remarks"),
        ("{issued: 2, repealed: 1, in_force: 17}", "{issued: 2, repealed: 1, in_forse: 17}", "statistics.proactive.normative_documents.in_forse"),
        ("total: 2}", "total: 2, withdrawn: 1}", "statistics.reviews.withdrawn"),
    ])
    func anUnknownKeyRefusesTheFileNamingItAndItsLine(original: String, misspelt: String, path: String) throws {
        let text = Self.earlier.replacingOccurrences(of: original, with: misspelt)
        #expect(text != Self.earlier)
        let outcome = ReportMigration.migrate(text)
        #expect(outcome.failed && outcome.text == nil)
        let key = String(path.split(separator: ".").last!)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\(key):") }) + 1
        #expect(outcome.notes.contains { $0.en.hasPrefix("line \(line): '\(path)'") }, "\(outcome.notes)")
    }

    @Test func theAuthorsTotalIsKeptWhenItAgreesAndRefusedWhenItDoesNot() throws {
        // 9 + 3 + 3 + 3 + 1 + 1 = 20
        let agreeing = Self.earlier.replacingOccurrences(of: "      other: 1\n", with: "      other: 1\n      total: 20\n")
        let kept = ReportMigration.migrate(agreeing)
        #expect(!kept.failed)
        #expect(try #require(kept.text).contains("total: [20, 0, 0, 0, 0, 0, 20]"))
        let disagreeing = agreeing.replacingOccurrences(of: "total: 20", with: "total: 21")
        let refused = ReportMigration.migrate(disagreeing)
        #expect(refused.failed && refused.text == nil)
        #expect(refused.notes.contains { $0.en.contains("outcomes.total") && $0.en.contains("21") && $0.en.contains("20") }, "\(refused.notes)")
    }

    @Test func lawsuitsAsOneSetWithoutTotalAreRecognised() throws {
        let text = Self.earlier.replacingOccurrences(of: "lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 1, total: 1}",
                                                     with: "lawsuits: {upheld: 2, corrected: 0, other: 0, pending: 1}")
        #expect(text != Self.earlier)
        let outcome = ReportMigration.migrate(text)
        let migrated = try #require(outcome.text)
        #expect(outcome.notes.contains { $0.en.contains("未经复议直接起诉") })
        let record = try #require(ReportMigrationTests.decode(migrated).record)
        let s = try #require(ReportStatisticsRules.details(record)).statistics
        #expect(s.lawsuits.direct.upheld == 2 && s.lawsuits.direct.pending == 1)
    }
}

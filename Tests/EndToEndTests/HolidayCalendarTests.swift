import Foundation
import Testing

/// Timeliness judged by the built-in national holiday calendar, and `late_reason:`.
@Suite struct HolidayCalendarTests {
    /// A proactive notice of the sample's 政务服务中心, created and published as given.
    static func notice(created: String, published: String, extra: String = "") -> String {
        """
        ---
        title: 明湖区政务服务中心关于国庆节期间服务安排的通知
        index_number: 11450100MB0000008H/2012-00041
        disclosure: 主动公开
        publisher: 明湖区政务服务中心
        created: \(created)
        published: \(published)
        review: {reviewer: 区政务服务中心保密审查小组, date: \(created)}
        deadline: 2012-10-31\(extra.isEmpty ? "" : "\n" + extra)
        ---

        国庆节期间窗口服务安排如下。

        """
    }

    static let path = "content/notices/gq-2012.md"

    func timeliness(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.filter { ($0["rule"] as? String)?.hasPrefix("timeliness.") == true }.map {
            "\($0["line"] as! Int):\($0["column"] as! Int) \($0["severity"] as! String) \($0["rule"] as! String)"
        }
    }

    /// 2012-09-10 + 20 working days: 15 in September (Saturday the 29th worked), none from
    /// 9-30 to 10-07, five from 10-08: due 2012-10-12. Without the 2012 notice the same
    /// record was "late" by four days.
    @Test func a2012RecordPublishedAfterNationalDayIsOnTime() throws {
        let onTime = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-12")])
        let (result, diagnostics) = try onTime.check(["--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(timeliness(diagnostics) == [])

        let late = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-15")])
        let (lateResult, lateDiagnostics) = try late.check()
        #expect(timeliness(lateDiagnostics) == ["7:12 warning timeliness.late"])
        let message = lateDiagnostics.first { $0["rule"] as? String == "timeliness.late" }?["message"] as? String ?? ""
        #expect(message.contains("21 working days") && message.contains("due 2012-10-12"), "\(message)")
        #expect(lateResult.status == 0)
    }

    /// site.yaml's calendar overrides the national list for the dates it names.
    @Test func aSiteWorkdayOverridesANationalHoliday() throws {
        let sample = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-12")])
        let settings = sample.root.appendingPathComponent("content/site.yaml")
        // The sample's own calendar (2027's 元旦) is left out: the test writes its own.
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^calendar:\n(  .*\n)+"#, with: "", options: .regularExpression)
        #expect(!text.contains("\ncalendar:"))
        try (text + "calendar:\n  workdays: [2012-10-08]\n  holidays: [2012-09-11]\n").write(to: settings, atomically: true, encoding: .utf8)
        let (_, same) = try sample.check()
        #expect(timeliness(same) == [], "one day worked, one given off: still due 2012-10-12")
        try (text + "calendar:\n  workdays: [2012-10-05]\n").write(to: settings, atomically: true, encoding: .utf8)
        let (_, earlier) = try sample.check()
        #expect(timeliness(earlier) == ["7:12 warning timeliness.late"], "a national holiday worked makes it due 2012-10-11")
    }

    @Test func lateReasonAcknowledgesALatePublication() throws {
        let reason = "late_reason: 待区政府常务会议审议通过后公开"
        let sample = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-15", extra: reason)])
        let (strict, diagnostics) = try sample.check(["--strict"])
        #expect(strict.status == 0, "an acknowledged lateness does not fail --strict: \(strict.stderr)")
        #expect(timeliness(diagnostics) == ["7:12 note timeliness.acknowledged"])
        let message = diagnostics.first { $0["rule"] as? String == "timeliness.acknowledged" }?["message"] as? String ?? ""
        #expect(message.contains("21 working days") && message.contains("acknowledged (late_reason): 待区政府常务会议审议通过后公开"), "\(message)")
        #expect(strict.stderr.contains(" note"), "\(strict.stderr)")
        let build = try sample.build(["--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("note: [timeliness.acknowledged]"), "the summary still names it: \(build.stderr)")

        let unacknowledged = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-15")])
        let (failed, _) = try unacknowledged.check(["--strict"])
        #expect(failed.status == 1)
    }

    @Test func aLateReasonOnARecordThatIsNotLateIsAWarning() throws {
        let sample = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-12",
                                                                    extra: "late_reason: 待审议")])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 0)
        #expect(timeliness(diagnostics) == ["10:14 warning timeliness.late"])
        let empty = try SampleSite(adding: [Self.path: Self.notice(created: "2012-09-10", published: "2012-10-15",
                                                                   extra: "late_reason: ' '")])
        let (_, emptyDiagnostics) = try empty.check()
        #expect(timeliness(emptyDiagnostics).allSatisfy { $0.hasSuffix("warning timeliness.late") } && !timeliness(emptyDiagnostics).isEmpty,
                "\(emptyDiagnostics)")
    }
}

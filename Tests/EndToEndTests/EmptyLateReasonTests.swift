import Foundation
import Testing

/// `late_reason: ""` acknowledges nothing: a warning at the key on a record published in
/// time, and the lateness stays a warning on a late one.
@Suite struct EmptyLateReasonTests {
    static func places(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.filter { ($0["file"] as? String) == HolidayCalendarTests.path }
            .map { "\($0["line"] as! Int):\($0["column"] as! Int) \($0["severity"] as! String) \($0["rule"] as! String)" }
    }

    @Test func anEmptyLateReasonOnARecordInTimeIsAWarningAtTheKey() throws {
        let sample = try SampleSite(adding: [HolidayCalendarTests.path: HolidayCalendarTests.notice(
            created: "2012-09-10", published: "2012-10-12", extra: "late_reason: \"\"")])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 0)
        #expect(Self.places(diagnostics) == ["10:14 warning timeliness.late"], "\(diagnostics)")
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("'late_reason' (逾期公开说明) is empty") == true })
    }

    @Test func anEmptyLateReasonOnALateRecordLeavesTheLatenessAWarning() throws {
        let sample = try SampleSite(adding: [HolidayCalendarTests.path: HolidayCalendarTests.notice(
            created: "2012-09-10", published: "2012-10-15", extra: "late_reason: \"\"")])
        let (strict, diagnostics) = try sample.check(["--strict"])
        #expect(strict.status == 1)
        #expect(Self.places(diagnostics).contains { $0.hasSuffix("timeliness.late") }, "\(diagnostics)")
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("is empty, so it acknowledges nothing") == true })
    }
}

import Foundation
import Testing
@testable import DisclosureKit

/// 有效性 on an as-of date, and the window of as-of dates a build's output holds for.
@Suite struct ValidityTests {
    /// A date written in the test (always a real one).
    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func aPolicyPastItsLastDayIsExpired() throws {
        let terms = ValidityTerms(declared: .effective, effectiveFrom: date("2024-01-01"),
                                  effectiveUntil: date("2025-12-31"))
        // 有效期至 is the last day in force: still 有效 on it, 失效 the day after.
        #expect(terms.shown(asOf: date("2025-12-31")) == .effective)
        #expect(terms.shown(asOf: date("2026-01-01")) == .expired)
        #expect(terms.changesOn == (date("2026-01-01")))
    }

    @Test func anAmendedPolicyExpiresTooButARepealedOneStaysRepealed() throws {
        let until = date("2020-06-30")
        let later = date("2024-01-01")
        #expect(ValidityTerms(declared: .amended, effectiveUntil: until).shown(asOf: later) == .expired)
        #expect(ValidityTerms(declared: .repealed, effectiveUntil: until).shown(asOf: later) == .repealed)
        #expect(ValidityTerms(declared: .repealed, effectiveUntil: until).changesOn == nil)
        #expect(ValidityTerms(declared: .expired, effectiveUntil: until).changesOn == nil)
    }

    @Test func withoutALastDayTheDeclaredStatusHolds() throws {
        for status in ValidityStatus.allCases {
            #expect(ValidityTerms(declared: status).shown(asOf: date("9999-12-31")) == status)
            #expect(ValidityTerms(declared: status).changesOn == nil)
        }
    }

    @Test func theWindowRunsFromTheLastChangeToTheNext() throws {
        let changes = [date("2026-01-01"), date("2024-07-01"), date("2030-01-01")]
        let window = AsOfWindow(around: date("2026-03-15"), changes: changes)
        #expect(window.contains(date("2026-01-01")))
        #expect(window.contains(date("2029-12-31")))
        #expect(!window.contains(date("2025-12-31")))
        #expect(!window.contains(date("2030-01-01")))
        let open = AsOfWindow(around: date("2026-03-15"), changes: [])
        #expect(open.contains(date("0001-01-01")) && open.contains(date("9999-12-31")))
    }

    @Test func todayIsReadInTheSitesTimeZone() throws {
        // 2026-12-01T18:30:00Z is already 2 December in Shanghai (UTC+8), still 1 December in New York.
        let instant = Date(timeIntervalSince1970: 1_796_149_800)
        #expect(AsOfDate.today(in: try #require(TimeZone(identifier: "Asia/Shanghai")), at: instant).description == "2026-12-02")
        #expect(AsOfDate.today(in: try #require(TimeZone(identifier: "America/New_York")), at: instant).description == "2026-12-01")
    }

    @Test(arguments: ["2026-02-30", "2026-1-5", "today", ""])
    func asOfMustBeACalendarDate(_ text: String) {
        guard case .failure(let error) = AsOfDate.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.description.contains("YYYY-MM-DD"))
    }
}

import Testing
@testable import DisclosureKit

/// 三同步: the working days between a policy's publication and its interpretation's.
@Suite struct InterpretationTimelinessTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func threeWorkingDaysAreInTimeTheFourthIsLate() {
        let calendar = WorkingDayCalendar()
        // Policy on Friday 2024-03-01: Mon 4, Tue 5, Wed 6 are the three working days.
        let policy = date("2024-03-01")
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-03-06"), limit: 3, calendar: calendar) == nil)
        let late = InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-03-07"), limit: 3, calendar: calendar)
        #expect(late == .init(workingDays: 4, due: date("2024-03-06")))
    }

    @Test func holidaysAndMakeUpDaysCount() {
        // 2024-09-27 is a Friday; Sunday 2024-09-29 was a make-up working day (调休), and
        // 1 to 7 October were holidays.
        let calendar = WorkingDayCalendar(holidays: Set((1...7).map { date("2024-10-0\($0)").dayNumber }),
                                          workdays: [date("2024-09-29").dayNumber])
        let policy = date("2024-09-27")
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-10-07"), limit: 2, calendar: calendar) == nil)
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-10-08"), limit: 2, calendar: calendar)
                == .init(workingDays: 3, due: date("2024-09-30")))
    }

    @Test func sameDayOrEarlierIsInTimeEvenWithNoDaysAllowed() {
        let policy = date("2024-03-04")
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: policy, limit: 0, calendar: .init()) == nil)
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-02-01"), limit: 0, calendar: .init()) == nil)
        #expect(InterpretationTimeliness.lateness(policy: policy, interpretation: date("2024-03-05"), limit: 0, calendar: .init())
                == .init(workingDays: 1, due: policy))
    }
}

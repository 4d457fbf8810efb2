import Testing
@testable import DisclosureKit

@Suite struct CalendarDateTests {
    @Test(arguments: ["2012-01-01", "2012-02-29", "2000-02-29", "1949-10-01", "2100-12-31"])
    func parsesRealDates(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2012-3-1", "2012-02-30", "2100-02-29", "1900-02-29", "2012-13-01", "2012-00-10",
                      "12-03-01", "2012/03/01", "2012-03-01T00:00:00Z", "", "２０１２-03-01"])
    func rejectsAnythingElse(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func weekdaysAndDayNumbers() throws {
        let monday = try #require(CalendarDate("2012-01-02"))
        #expect(monday.weekday == 1)
        #expect(try #require(CalendarDate("1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate("2024-02-10")).weekday == 6)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }
}

@Suite struct WorkingDayCalendarTests {
    @Test func theContentFormatsExample() throws {
        // Created Monday 2 January 2012, no holidays: the 20th working day is Monday 30 January.
        let calendar = WorkingDayCalendar()
        let created = try #require(CalendarDate("2012-01-02"))
        #expect(calendar.adding(workingDays: 20, to: created).description == "2012-01-30")
        #expect(calendar.workingDays(after: created, through: try #require(CalendarDate("2012-01-31"))) == 21)
    }

    /// The count of working days equals a day-by-day walk, holidays and make-up days included.
    @Test func countingWorkingDaysMatchesWalkingThem() {
        let holidays = Set((0..<60).map { 15_000 + $0 * 37 } + (0..<10).map { -9_000 + $0 })
        let workdays = Set((0..<40).map { 15_003 + $0 * 29 } + [15_000 + 37])
        let calendar = WorkingDayCalendar(holidays: holidays, workdays: workdays)
        for first in stride(from: -12_000, through: 18_000, by: 97) {
            let last = first + (first * 31 & 0xFFF) - 3
            let start = CalendarDate(dayNumber: first), end = CalendarDate(dayNumber: last)
            var walked = 0
            var day = start.adding(days: 1)
            while day <= end {
                if calendar.isWorkingDay(day) { walked += 1 }
                day = day.adding(days: 1)
            }
            #expect(calendar.workingDays(after: start, through: end) == walked, "\(start) \(end)")
        }
    }

    @Test func holidaysAndMakeUpWorkdays() throws {
        // 2024 Spring Festival: 10–17 February off, Sunday 4 and Sunday 18 February worked.
        let holidays = (10...17).map { CalendarDate(year: 2024, month: 2, day: $0)!.dayNumber }
        let workdays = [4, 18].map { CalendarDate(year: 2024, month: 2, day: $0)!.dayNumber }
        let calendar = WorkingDayCalendar(holidays: Set(holidays), workdays: Set(workdays))
        let friday = try #require(CalendarDate("2024-02-02"))
        #expect(calendar.adding(workingDays: 1, to: friday).description == "2024-02-04")
        #expect(calendar.adding(workingDays: 5, to: friday).description == "2024-02-08")
        #expect(calendar.adding(workingDays: 6, to: friday).description == "2024-02-09")
        #expect(calendar.adding(workingDays: 7, to: friday).description == "2024-02-18")
        #expect(!calendar.isWorkingDay(try #require(CalendarDate("2024-02-12"))))
    }
}

/// Working days: Monday to Friday, minus the site's holidays, plus its make-up working
/// weekends (调休), as `site.yaml`'s `calendar` lists them.
public struct WorkingDayCalendar: Sendable, Hashable {
    /// Day numbers (`CalendarDate.dayNumber`) of public holidays.
    public var holidays: Set<Int>
    /// Day numbers of weekend days that are working days.
    public var workdays: Set<Int>

    public init(holidays: Set<Int> = [], workdays: Set<Int> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let day = date.dayNumber
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return date.weekday <= 5
    }

    /// The `count`-th working day after `date` (the day itself does not count).
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days after `start` up to and including `end` (0 when `end` ≤ `start`).
    public func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}

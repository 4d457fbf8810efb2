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
    /// Counted, not walked: the dates come from content, and a record created in year 1
    /// and published in 9999 walked 3.6 million days (a tenth of a second per record).
    public func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        guard end > start else { return 0 }
        let range = (start.dayNumber + 1)...end.dayNumber
        var count = Self.weekdays(before: range.upperBound + 1) - Self.weekdays(before: range.lowerBound)
        for day in holidays where range.contains(day) && !workdays.contains(day) && CalendarDate(dayNumber: day).weekday <= 5 {
            count -= 1
        }
        for day in workdays where range.contains(day) && CalendarDate(dayNumber: day).weekday > 5 {
            count += 1
        }
        return count
    }

    /// Monday to Friday days with a day number below `day`, counted from the Monday
    /// 1969-12-29 (day number -3; negative before it).
    static func weekdays(before day: Int) -> Int {
        let offset = day + 3
        let weeks = offset >= 0 ? offset / 7 : -((-offset + 6) / 7)
        let rest = offset - weeks * 7
        return weeks * 5 + min(5, rest)
    }
}

import Yams

/// The national holiday calendar built into the tool: each year's 法定节假日 and 调休
/// working days as the State Council's notice (国务院办公厅关于XXXX年部分节假日安排的通知)
/// gives them, 2008 onwards. A site's `calendar:` extends or overrides it
/// (`WorkingDayCalendar.national(extendedBy:)`).
public struct NationalHolidayYear: Sendable, Hashable {
    /// The year in the notice's title (its dates may reach into the December before).
    public var year: Int
    /// The notice's title with its document number (国办发明电〔…〕…号).
    public var notice: String
    public var holidays: [CalendarDate]
    public var workdays: [CalendarDate]
}

public enum NationalHolidays {
    /// Every year of the data file, in order. Parsed once; the file is part of the tool
    /// and a unit test reads every entry, so a malformed entry fails the tests, not a build.
    public static let years: [NationalHolidayYear] = parse(NationalHolidayData.text)

    /// All years merged: a date in December may be governed by the next year's notice.
    public static let calendar: WorkingDayCalendar = {
        var calendar = WorkingDayCalendar()
        for year in years {
            calendar.holidays.formUnion(year.holidays.map(\.dayNumber))
            calendar.workdays.formUnion(year.workdays.map(\.dayNumber))
        }
        return calendar
    }()

    /// The last year a notice covers: the calendar knows nothing of later holidays.
    public static var lastYear: Int { years.last?.year ?? 0 }

    static func parse(_ text: String) -> [NationalHolidayYear] {
        // The encoding given: Yams writes to standard output when YAMS_DEFAULT_ENCODING is set.
        guard let root = try? Yams.compose(yaml: text, .basic, .default, .utf8), let mapping = root.mapping else { return [] }
        var result: [NationalHolidayYear] = []
        for (key, value) in mapping {
            guard let year = key.scalar.flatMap({ Int($0.string) }), let entry = value.mapping else { continue }
            func dates(_ name: String) -> [CalendarDate] {
                (entry[name]?.sequence ?? []).compactMap { $0.scalar.flatMap { CalendarDate($0.string) } }
            }
            result.append(NationalHolidayYear(year: year, notice: entry["notice"]?.scalar?.string ?? "",
                                              holidays: dates("holidays"), workdays: dates("workdays")))
        }
        return result.sorted { $0.year < $1.year }
    }
}

extension WorkingDayCalendar {
    /// The national calendar with a site's own lists applied: a site holiday is a day off
    /// even where the national data makes it a working day, and a site workday is worked
    /// even where the national data gives it off (the site's word wins for its own dates).
    public static func national(extendedBy site: WorkingDayCalendar) -> WorkingDayCalendar {
        var calendar = NationalHolidays.calendar
        calendar.workdays.subtract(site.holidays)
        calendar.holidays.subtract(site.workdays)
        calendar.holidays.formUnion(site.holidays)
        calendar.workdays.formUnion(site.workdays)
        return calendar
    }
}

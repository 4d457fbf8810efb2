import Foundation
import Testing
@testable import DisclosureKit

/// The built-in national holiday calendar (`NationalHolidays`) and how `site.yaml`'s
/// `calendar:` extends it.
@Suite struct NationalHolidaysTests {
    static let dataFile = TypeDeclarationTests.repository
        .appendingPathComponent("Sources/DisclosureKit/Validation/Holidays/china.yaml")

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    @Test func embeddedDataMatchesTheYAMLFile() throws {
        let text = try String(contentsOf: Self.dataFile, encoding: .utf8)
        #expect(text == NationalHolidayData.text, "run scripts/embed-holidays.py")
    }

    @Test func everyYearFrom2008Through2026NamesItsNotice() {
        #expect(NationalHolidays.years.map(\.year) == Array(2008...2026))
        for year in NationalHolidays.years {
            #expect(year.notice.contains("国务院办公厅关于\(year.year)年部分节假日安排的通知"), "\(year.year): \(year.notice)")
            #expect(year.notice.contains("国办发明电〔\(year.year - 1)〕"), "\(year.year): \(year.notice)")
            #expect(year.notice.hasSuffix("号）"), "\(year.year): \(year.notice)")
            #expect(year.holidays.count >= 20, "\(year.year)")
            // Every 调休 working day is a weekend day; every listed date parsed.
            #expect(year.workdays.allSatisfy { $0.weekday > 5 }, "\(year.year)")
        }
    }

    @Test func national2012DayOfOctoberWithItsMakeUpSaturday() throws {
        let calendar = NationalHolidays.calendar
        #expect(calendar.isWorkingDay(try day("2012-09-29")), "Saturday worked (调休)")
        for date in ["2012-09-30", "2012-10-01", "2012-10-05", "2012-10-07"] {
            #expect(!calendar.isWorkingDay(try day(date)), "\(date)")
        }
        #expect(calendar.isWorkingDay(try day("2012-10-08")))
        // New Year 2012 made 31 December 2011 (a Saturday) a working day: next year's notice.
        #expect(calendar.isWorkingDay(try day("2011-12-31")))
    }

    @Test func the2020SpringFestivalAsExtended() throws {
        let calendar = NationalHolidays.calendar
        #expect(calendar.isWorkingDay(try day("2020-01-19")), "Sunday worked before 春节")
        for date in ["2020-01-24", "2020-01-31", "2020-02-01", "2020-02-02"] {
            #expect(!calendar.isWorkingDay(try day(date)), "\(date): the extension made it a day off")
        }
        #expect(calendar.isWorkingDay(try day("2020-02-03")))
    }

    @Test func the2026Arrangement() throws {
        let calendar = NationalHolidays.calendar
        #expect(!calendar.isWorkingDay(try day("2026-02-16")))
        #expect(!calendar.isWorkingDay(try day("2026-02-23")), "Monday of the nine-day 春节")
        #expect(calendar.isWorkingDay(try day("2026-02-14")))
        #expect(calendar.isWorkingDay(try day("2026-02-28")))
        #expect(calendar.isWorkingDay(try day("2026-09-20")))
        #expect(!calendar.isWorkingDay(try day("2026-10-07")))
        // After Monday 2026-09-21: 6 working days in September (25 is 中秋), none 10-01 to
        // 10-07, then 10-08, 10-09, Saturday 10-10 (调休) and ten more to Monday 10-26.
        #expect(calendar.adding(workingDays: 20, to: try day("2026-09-21")).description == "2026-10-26")
    }

    @Test func aSiteListOverridesTheNationalDateItNames() throws {
        var site = WorkingDayCalendar()
        site.holidays = [try day("2026-02-14").dayNumber, try day("2026-03-02").dayNumber]
        site.workdays = [try day("2026-10-07").dayNumber]
        let calendar = WorkingDayCalendar.national(extendedBy: site)
        #expect(!calendar.isWorkingDay(try day("2026-02-14")), "a national 调休 Saturday the site gives off")
        #expect(!calendar.isWorkingDay(try day("2026-03-02")), "a local holiday on a Monday")
        #expect(calendar.isWorkingDay(try day("2026-10-07")), "a national holiday the site works")
        #expect(!calendar.isWorkingDay(try day("2026-10-06")), "the rest of the national list stays")
        // Counting agrees with walking over the overridden days.
        let start = try day("2026-02-01"), end = try day("2026-10-31")
        var walked = 0
        var date = start.adding(days: 1)
        while date <= end {
            if calendar.isWorkingDay(date) { walked += 1 }
            date = date.adding(days: 1)
        }
        #expect(calendar.workingDays(after: start, through: end) == walked)
    }

    @Test func siteYAMLCalendarExtendsTheNationalOne() throws {
        let yaml = "title: 某区\nbase_url: https://www.example.gov.cn/\ncalendar:\n  holidays: [2024-03-08]\n  workdays: [2024-10-07]\n"
        let node = try FrontMatterReader.read(Substring(yaml), firstLine: 1).get()
        let (config, diagnostics) = SiteConfigDecoder.decode(node, file: "content/site.yaml")
        #expect(diagnostics == [])
        let calendar = try #require(config).calendar
        #expect(!calendar.isWorkingDay(try day("2024-03-08")))
        #expect(calendar.isWorkingDay(try day("2024-10-07")))
        #expect(!calendar.isWorkingDay(try day("2024-10-04")), "national 国庆 kept")
        #expect(!calendar.isWorkingDay(try day("2012-10-03")), "and every other year's")
        let (bare, _) = SiteConfigDecoder.decode(try FrontMatterReader.read(Substring("title: 某区\nbase_url: https://www.example.gov.cn/\n"), firstLine: 1).get(),
                                                 file: "content/site.yaml")
        #expect(try #require(bare).calendar == NationalHolidays.calendar)
    }
}

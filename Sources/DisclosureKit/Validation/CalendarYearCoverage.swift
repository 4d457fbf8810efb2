/// `calendar.year_unknown`: working days are counted Monday to Friday in a year whose
/// holidays the tool does not know (outside the built-in notices, and no date of it in
/// `site.yaml`'s `calendar:`), so 春节 there counts as seven working days. One warning per
/// such year and run, at the `published` of the first record (in the site's order) that
/// falls in it: the fix is one list in site.yaml, not one per record.
enum CalendarYearCoverage {
    static func check(_ identities: [RecordIdentity], config: SiteConfig) -> [Diagnostic] {
        let known = knownYears(config.calendar)
        var reported: Set<Int> = []
        var diagnostics: [Diagnostic] = []
        // Read in place (`identities[index]`): a `for` loop copies each identity whole.
        for index in identities.indices {
            guard let published = identities[index].published else { continue }
            let year = published.value.year
            guard !known.contains(year), reported.insert(year).inserted else { continue }
            let identity = identities[index]
            let first = NationalHolidays.years.first?.year ?? 0, last = NationalHolidays.lastYear
            diagnostics.append(Rule.calendarYearUnknown.diagnostic(identity.file.relativePath, published.location, field: "published",
                Phrase("\(year) 年的工作日按周一至周五计算：内置的节假日日历只覆盖 \(first)–\(last) 年，'site.yaml' 的 'calendar' 中也没有 \(year) 年的日期；请在 'calendar.holidays' 中添加该年的法定节假日，在 'calendar.workdays' 中添加其调休上班日",
                       en: "working days in \(year) are counted Monday to Friday: the built-in holiday calendar covers \(first)–\(last) and site.yaml's 'calendar' lists no date of \(year); add that year's 节假日 to 'calendar.holidays' and its 调休 to 'calendar.workdays'")))
        }
        return diagnostics
    }

    /// The years of the built-in notices, and the years of the dates the site's own
    /// `calendar:` adds (those the merged calendar holds beyond the national one).
    static func knownYears(_ calendar: WorkingDayCalendar) -> Set<Int> {
        var years = Set(NationalHolidays.years.map(\.year))
        let national = NationalHolidays.calendar
        for day in calendar.holidays.subtracting(national.holidays).union(calendar.workdays.subtracting(national.workdays)) {
            years.insert(CalendarDate(dayNumber: day).year)
        }
        return years
    }
}

import Foundation

/// The build's as-of date: the day against which a policy's 有效期至 is judged. Today in
/// the site's time zone (`time_zone:`), or the date `--as-of` gives. It is a calendar date,
/// read once per run, so that every page of one build judges by the same day and two
/// builds with the same as-of date write the same bytes.
public enum AsOfDate {
    /// The time zone of a site that names none: the one every Chinese government site keeps.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// Today's date in `zone` at `instant`.
    public static func today(in zone: TimeZone, at instant: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A Gregorian date of the present always has the three parts and lies in 1...9999.
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The date `--as-of` names, or why it names none.
    public static func parse(_ text: String) -> Result<CalendarDate, EnvironmentError> {
        guard let date = CalendarDate(text) else {
            return .failure(EnvironmentError(Phrase("--as-of 必须是按 YYYY-MM-DD 写的日期（如 2026-12-02），不能是 '\(text)'", en: "--as-of must be a calendar date written YYYY-MM-DD (such as 2026-12-02), not '\(text)'")))
        }
        return .success(date)
    }
}

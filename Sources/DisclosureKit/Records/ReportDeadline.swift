import Foundation

/// When an annual report on a year is due: from its publisher's kind in the registry
/// (条例 第四十九条), else from `report_deadline`.
public struct ReportDeadline: Sendable, Hashable {
    public var date: CalendarDate
    /// Where the deadline comes from, as messages name it.
    public var basis: String
    /// `basis` in Chinese.
    public var basisZh: String = ""
}

extension SiteConfig {
    /// The last day `publisher`'s annual report on `year` may be published. A publisher
    /// the registry does not know (reported as `publisher.unknown`) falls back to
    /// `report_deadline`, so the report is still checked against a date.
    public func reportDeadline(forYear year: Int, publisher: String?) -> ReportDeadline? {
        let deadlineYear = year + 1
        if let publisher, let registered = publishers?.publisher(named: publisher) {
            let (month, day) = registered.kind.reportDeadline
            guard let date = CalendarDate(year: deadlineYear, month: month, day: day) else { return nil }
            return ReportDeadline(date: date, basis: "\(String(format: "%02d-%02d", month, day)) of the following year for a \(registered.kind.chineseName) such as \(registered.name), 条例 第四十九条",
                                  basisZh: "\(registered.name)这样的\(registered.kind.chineseName)为次年 \(month) 月 \(day) 日，条例 第四十九条")
        }
        guard let date = reportDeadline(forYear: year) else { return nil }
        return ReportDeadline(date: date, basis: "report_deadline \(String(format: "%02d-%02d", reportDeadline.month, reportDeadline.day)) of the following year",
                              basisZh: "report_deadline：次年 \(String(format: "%02d-%02d", reportDeadline.month, reportDeadline.day))")
    }
}

extension ReportDeadline {
    /// `report.deadline`: a report (`year`) published after its publisher's deadline, at
    /// its `published`.
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        let site = input.site
        let publisher = input.top.entry("publisher").flatMap { entry -> String? in
            if case .scalar(let text, _) = entry.value.value { return text.trimmed } else { return nil }
        }
        guard let year = input.value("year").number, let published = input.published,
              let deadline = site.reportDeadline(forYear: year, publisher: publisher), published.value > deadline.date else { return }
        reader.report(.reportDeadline, published.location, field: "published",
                      Phrase("\(year) 年度报告于 \(published.value) 发布，晚于公布期限 \(deadline.date)（\(deadline.basisZh)）", en: "the \(year) report was published \(published.value), after its deadline \(deadline.date) (\(deadline.basis))"))
    }
}

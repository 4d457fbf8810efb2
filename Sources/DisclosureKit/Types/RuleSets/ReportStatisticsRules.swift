import Foundation

/// What the rule set `report_statistics` reads of a record: the year and its tables.
public struct ReportDetails: Sendable, Hashable {
    public var year: Int
    public var statistics: ReportStatistics
}

/// The rule set `report_statistics`: the statistics follow the national format and
/// balance (checked as they are read, `StatisticsReader`), the body's sections
/// (`ReportSections`), the year is over before the report is published, and the report is
/// published by its deadline.
enum ReportStatisticsRules {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let year = input.value("year").number, let published = input.published else { return }
        if year >= published.value.year {
            reader.report(.reportYear, input.location("year"), field: "year",
                          Phrase("\(input.declaration.labels.quotedZh("year")) 为 \(year)，但报告发布于 \(published.value)；一个年度结束之后才能报告该年度", en: "\(input.declaration.labels.quoted("year")) is \(year), but the report was published \(published.value); a year is reported on after it ends"))
            return
        }
        ReportDeadline.check(input, &reader)
    }

    static func details(_ record: Record) -> ReportDetails? {
        guard record.type.declaration.applies(.reportStatistics), let year = record.value("year").number,
              case .statistics(let statistics) = record.value("statistics") else { return nil }
        return ReportDetails(year: year, statistics: statistics)
    }
}

/// `report.policy_counts`: an annual report's table 二 against the site's own policies.
/// A policy marked `category: 规章` or `category: 行政规范性文件` (文件类别) counts as issued
/// (本年制发件数) in the year of its `created` (成文日期) and as repealed (本年废止件数) in the
/// year of the `created` of the record its `repealed_by` names; it counts for the report of
/// its own publisher (the same `publisher` text). A warning, not an error: the site may not
/// hold every document the report counts. A site that marks no policy's category is not
/// compared at all.
enum ReportPolicyCounts {
    static let field = "category"
    /// The `category` values compared, with the row of table 二 they are counted in.
    static let categories: [(value: String, label: String, counts: @Sendable (ProactiveStatistics) -> DocumentCounts)] = [
        ("rule", "规章", { $0.rules }),
        ("normative", "行政规范性文件", { $0.normativeDocuments }),
    ]

    static func check(_ records: [Record]) -> [Diagnostic] {
        var categorised: [(record: Record, category: String)] = []
        var createdByIndex: [String: CalendarDate] = [:]
        // Read in place (`records[position]`): a `for` loop copies each record whole.
        for position in records.indices {
            let indexNumber = records[position].indexNumber
            if createdByIndex[indexNumber] == nil { createdByIndex[indexNumber] = records[position].created }
            guard let declaration = records[position].type.declaration.field(field), let index = records[position].value(field).choice,
                  declaration.values.indices.contains(index) else { continue }
            categorised.append((records[position], declaration.values[index].value))
        }
        guard !categorised.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for position in records.indices {
            guard let details = ReportStatisticsRules.details(records[position]) else { continue }
            let report = records[position]
            let year = details.year
            for category in categories {
                let mine = categorised.filter { $0.category == category.value && $0.record.publisher == report.publisher }.map(\.record)
                let issued = mine.filter { $0.created.year == year }
                let repealed = mine.filter { policy in
                    guard policy.value("status").choice.flatMap({ policy.type.declaration.field("status")?.values[$0].value }) == "repealed",
                          let target = policy.value("repealed_by").text, let date = createdByIndex[target] else { return false }
                    return date.year == year
                }
                let counts = category.counts(details.statistics.proactive)
                for (column, written, location, found) in [("本年制发件数", counts.issued, counts.issuedLocation, issued),
                                                           ("本年废止件数", counts.repealed, counts.repealedLocation, repealed)]
                where written != found.count {
                    let files = found.map(\.file.relativePath).sorted()
                    let named = files.isEmpty ? "" : ": " + (files.prefix(5) + (files.count > 5 ? ["…"] : [])).joined(separator: ", ")
                    let namedZh = files.isEmpty ? "" : "：" + (files.prefix(5) + (files.count > 5 ? ["……"] : [])).joined(separator: "、")
                    let counted = column == "本年制发件数" ? "成文（created）" : "被当年成文的记录废止"
                    diagnostics.append(Rule.reportPolicyCounts.diagnostic(report.file.relativePath, location, field: "statistics.proactive",
                        Phrase("表二中\(category.label)的\(column)为 \(written)，但站点中\(report.publisher)在 \(year) 年\(counted)的\(category.label)类政策文件有 \(found.count) 件\(namedZh)",
                               en: "table 二 gives \(category.label) \(column) \(written), but the site has \(found.count) \(found.count == 1 ? "policy" : "policies") of category \(category.label) by \(report.publisher) \(column == "本年制发件数" ? "written (created)" : "repealed by a record written") in \(year)\(named)")))
                }
            }
        }
        return diagnostics
    }
}

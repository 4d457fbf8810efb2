/// Writes `statistics:` in the national format's shape, every row and column, with the
/// format's labels as comments: the skeleton `disclose new report` writes (all zeros) and
/// what `disclose migrate-report` writes in place of the earlier shape.
public enum ReportStatisticsWriter {
    /// The lines below `statistics:`, indented by two spaces. `writtenTotals` gives a
    /// `total:` row for an outcome group (by its key) or for `outcomes`, written as given
    /// instead of summed (a migrated count that had no reasons).
    public static func lines(_ s: ReportStatistics, writtenTotals: [String: ApplicantCounts] = [:]) -> [String] {
        var lines: [String] = []
        func line(_ indent: Int, _ key: String, _ value: String, _ comment: String, width: Int = 22) {
            let head = String(repeating: " ", count: indent) + key + ":" + (value.isEmpty ? "" : " ")
            let text = head + value
            let padded = text.count < width + indent ? text + String(repeating: " ", count: width + indent - text.count) : text
            lines.append("\(padded)  # \(comment)")
        }
        func row(_ counts: ApplicantCounts) -> String { "[" + counts.cells.map(String.init).joined(separator: ", ") + "]" }
        func documents(_ c: DocumentCounts) -> String { "{issued: \(c.issued), repealed: \(c.repealed), in_force: \(c.inForce)}" }
        func appeal(_ c: AppealCounts) -> String {
            "{upheld: \(c.upheld), corrected: \(c.corrected), other: \(c.other), pending: \(c.pending), total: \(c.total)}"
        }
        let p = s.proactive
        line(2, "proactive", "", "二、主动公开政府信息情况")
        line(4, "rules", documents(p.rules), "第二十条第（一）项 规章：本年制发件数、本年废止件数、现行有效件数")
        line(4, "normative_documents", documents(p.normativeDocuments), "行政规范性文件")
        line(4, "licensing", String(p.licensing), "第二十条第（五）项 行政许可 本年处理决定数量")
        line(4, "penalties", String(p.penalties), "第二十条第（六）项 行政处罚 本年处理决定数量")
        line(4, "coercive_measures", String(p.coerciveMeasures), "行政强制 本年处理决定数量")
        line(4, "fees", p.fees.text, "第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）")
        let r = s.requests
        line(2, "requests", "", "三、收到和处理政府信息公开申请情况")
        lines.append("    # every row: \(StatisticsReader.rowForm)")
        line(4, "received", row(r.received), "一、本年新收政府信息公开申请数量", width: 42)
        line(4, "carried_over", row(r.carriedOver), "二、上年结转政府信息公开申请数量", width: 42)
        line(4, "outcomes", "", "三、本年度办理结果", width: 42)
        line(6, "granted", row(r.outcomes.granted), ReportTables.outcomeLabels[0], width: 40)
        line(6, "partially_granted", row(r.outcomes.partiallyGranted), "（二）部分公开", width: 40)
        let groups = [("denied", r.outcomes.denied, 2), ("unavailable", r.outcomes.unavailable, 3),
                      ("not_processed", r.outcomes.notProcessed, 4), ("other", r.outcomes.other, 5)]
        for (key, group, label) in groups {
            line(6, key, "", ReportTables.outcomeLabels[label], width: 40)
            for (number, reason) in group.reasons.enumerated() {
                line(8, reason.key, row(reason.counts), "\(number + 1).\(Glossary.chinese(reason.key) ?? reason.key)", width: 38)
            }
            if let total = writtenTotals[key] { line(8, "total", row(total), "合计（请按理由分列）", width: 38) }
        }
        line(6, "total", row(writtenTotals["outcomes"] ?? r.outcomes.total), "（七）总计", width: 40)
        line(4, "carried_forward", row(r.carriedForward), "四、结转下年度继续办理", width: 42)
        line(2, "reviews", appeal(s.reviews), "四、行政复议", width: 70)
        line(2, "lawsuits", "", "行政诉讼", width: 70)
        line(4, "direct", appeal(s.lawsuits.direct), "未经复议直接起诉", width: 68)
        line(4, "after_review", appeal(s.lawsuits.afterReview), "复议后起诉", width: 68)
        return lines
    }

    /// Every figure zero, every reason written.
    public static let zero: ReportStatistics = {
        let none = AppealCounts(upheld: 0, corrected: 0, other: 0, pending: 0, total: 0)
        func reasons(_ keys: [String]) -> OutcomeReasons { OutcomeReasons(reasons: keys.map { ReasonCount(key: $0, counts: .zero) }) }
        return ReportStatistics(
            proactive: ProactiveStatistics(rules: DocumentCounts(issued: 0, repealed: 0, inForce: 0),
                                           normativeDocuments: DocumentCounts(issued: 0, repealed: 0, inForce: 0),
                                           licensing: 0, penalties: 0, coerciveMeasures: 0, fees: Amount(value: 0, text: "0")),
            requests: RequestStatistics(
                received: .zero, carriedOver: .zero,
                outcomes: RequestOutcomes(granted: .zero, partiallyGranted: .zero, denied: reasons(Glossary.deniedReasons),
                                          unavailable: reasons(Glossary.unavailableReasons),
                                          notProcessed: reasons(Glossary.notProcessedReasons),
                                          other: reasons(Glossary.otherOutcomeReasons)),
                carriedForward: .zero),
            reviews: none, lawsuits: LawsuitCounts(direct: none, afterReview: none))
    }()
}

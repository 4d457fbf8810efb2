/// An annual report's statistics as the national format's tables (国办公开办函〔2021〕30号).
enum ReportTables {
    static let labels = ["一、本年新收政府信息公开申请数量", "三、本年度办理结果", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理", "行政事业性收费（本年收费金额，万元）", "行政处罚（处理决定数量）", "行政复议", "行政强制（处理决定数量）", "行政规范性文件", "行政许可（处理决定数量）", "行政诉讼", "行政诉讼：复议后起诉", "行政诉讼：未经复议直接起诉", "规章", "（一）予以公开", "（三）不予公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（五）不予处理", "（六）其他处理", "（四）无法提供"]

    static func context(_ report: ReportDetails) -> [String: Any] {
        let s = report.statistics
        var context: [String: Any] = ["year": String(report.year)]
        if let p = s.proactive {
            context["has_proactive"] = true
            context["document_rows"] = [("规章", p.rules), ("行政规范性文件", p.normativeDocuments)].compactMap { label, counts -> [String: String]? in
                guard let counts else { return nil }
                return ["label": label, "issued": "\(counts.issued)", "repealed": "\(counts.repealed)", "in_force": "\(counts.inForce)"]
            }
            var decisions: [[String: String]] = []
            if let n = p.licensing { decisions.append(["label": "行政许可（处理决定数量）", "value": "\(n)"]) }
            if let n = p.penalties { decisions.append(["label": "行政处罚（处理决定数量）", "value": "\(n)"]) }
            if let n = p.coerciveMeasures { decisions.append(["label": "行政强制（处理决定数量）", "value": "\(n)"]) }
            if let fees = p.fees { decisions.append(["label": "行政事业性收费（本年收费金额，万元）", "value": fees.text]) }
            context["decision_rows"] = decisions
        }
        let r = s.requests
        var rows: [[String: String]] = [
            row("一、本年新收政府信息公开申请数量", r.received, level: 1),
            row("二、上年结转政府信息公开申请数量", r.carriedOver, level: 1),
            row("三、本年度办理结果", r.outcomes.total, level: 1),
            row("（一）予以公开", r.outcomes.granted, level: 2),
            row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", r.outcomes.partiallyGranted, level: 2),
        ]
        rows += outcome("（三）不予公开", r.outcomes.denied)
        rows += outcome("（四）无法提供", r.outcomes.unavailable)
        rows += outcome("（五）不予处理", r.outcomes.notProcessed)
        rows.append(row("（六）其他处理", r.outcomes.other, level: 2))
        rows.append(row("四、结转下年度继续办理", r.carriedForward, level: 1))
        context["request_rows"] = rows

        var appeals = [appeal("行政复议", s.reviews)]
        switch s.lawsuits {
        case .combined(let counts):
            appeals.append(appeal("行政诉讼", counts))
        case .split(let direct, let afterReview):
            appeals.append(appeal("行政诉讼：未经复议直接起诉", direct))
            appeals.append(appeal("行政诉讼：复议后起诉", afterReview))
        }
        context["appeal_rows"] = appeals
        return context
    }

    static func row(_ label: String, _ value: Int, level: Int) -> [String: String] {
        ["label": label, "value": "\(value)", "level": "\(level)"]
    }

    static func outcome(_ label: String, _ count: OutcomeCount) -> [[String: String]] {
        var rows = [row(label, count.total, level: 2)]
        if case .reasons(let reasons) = count {
            for (number, reason) in reasons.enumerated() {
                let name = Glossary.chinese(reason.key) ?? reason.key
                rows.append(row("\(number + 1). \(name)", reason.count, level: 3))
            }
        }
        return rows
    }

    static func appeal(_ label: String, _ counts: AppealCounts) -> [String: String] {
        ["label": label, "upheld": "\(counts.upheld)", "corrected": "\(counts.corrected)", "other": "\(counts.other)",
         "pending": "\(counts.pending)", "total": "\(counts.total)"]
    }
}

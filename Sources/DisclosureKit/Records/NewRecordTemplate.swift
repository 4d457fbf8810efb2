/// The skeletons `disclose new TYPE SLUG` writes: every required field of the type,
/// commented in Chinese and English. Text fields hold `<待填写 …>` placeholders, which
/// `check` reports (rule `record.placeholder`) until they are replaced.
public enum NewRecordTemplate {
    /// What marks a value as not yet filled in.
    public static let placeholderMarker = "<待填写"

    static func placeholder(_ chinese: String, _ english: String) -> String {
        "\"\(placeholderMarker) \(chinese) / \(english)>\""
    }

    /// The skeleton text for `type`, dated `today`.
    public static func text(for type: RecordType, today: CalendarDate) -> String {
        let p = placeholder
        var lines = [
            "---",
            "# 标题 / title (at most 200 characters)",
            "title: \(p("标题", "title"))",
            "# 索引号 / index number, unique across the site",
            "index_number: \(p("索引号", "index number"))",
            "# 公开属性 / disclosure: proactive (主动公开) | on-request (依申请公开) | withheld (不予公开)",
            "disclosure: proactive",
            "# 不予公开理由 / withheld_reason: only, and then required, when disclosure is withheld",
            "# withheld_reason: ",
            "# 发布机构 / publisher",
            "publisher: \(p("发布机构", "publisher"))",
            "# 成文日期 / date written, YYYY-MM-DD",
            "created: \(today)",
            "# 发布日期 / publication date; within 20 working days of created (先审查后公开: after the review)",
            "published: \(today)",
            "# 保密审查 / confidentiality review, on or before publication",
            "review:",
            "  reviewer: \(p("审查人", "reviewer"))",
            "  date: \(today)",
            "# 主题分类 / topic (optional)",
            "topic: \(p("主题分类", "topic"))",
            "# 摘要 / summary (optional; shown in lists and the catalog)",
            "summary: \(p("内容概述", "summary"))",
        ]
        switch type {
        case .policy:
            lines += [
                "# 文号 / document number, e.g. 某府办〔2026〕1号",
                "document_number: \(p("文号", "document number"))",
                "# 有效性 / status: effective (有效) | expired (失效) | repealed (废止)",
                "status: effective",
                "# 废止文件 / repealed_by: index number of the repealing record (only with status: repealed)",
                "# repealed_by: ",
            ]
        case .budget:
            lines += [
                "# 年度 / fiscal year",
                "fiscal_year: \(today.year)",
                "# 类别 / kind: budget (预算) | final-accounts (决算)",
                "kind: budget",
                "# 部门 / department",
                "department: \(p("部门", "department"))",
                "# 单位 / unit of the amounts",
                "unit: 万元",
                "# 收支总额 / totals; the lines below must add up to expenditure",
                "totals: {revenue: 0.00, expenditure: 0.00}",
                "# 支出明细 / expenditure lines (optional): - {name: 项目, amount: 0.00}",
                "lines: []",
                "# 三公经费 / three public funds (optional)",
                "three_public: {receptions: 0.00, vehicles: 0.00, overseas_travel: 0.00}",
            ]
        case .guide:
            lines += [
                "# 八公开 / the eight disclosures: 项目名称 is the title above",
                "# 设定依据 / legal basis: text or list",
                "legal_basis:",
                "  - \(p("设定依据", "legal basis"))",
                "# 申请条件 / conditions: text or list",
                "conditions: \(p("申请条件", "conditions"))",
                "# 申报材料 / materials: a list, at least one",
                "materials:",
                "  - \(p("申报材料", "material"))",
                "# 办理程序 / procedure: text or list of steps",
                "procedure:",
                "  - \(p("办理程序", "step"))",
                "# 办理时限 / time limit in working days: 0 < promised ≤ statutory",
                "time_limit: {statutory_days: 20, promised_days: 10}",
                "# 收费依据及标准 / fees: standard 不收费 (free) needs no basis",
                "fees: {standard: 不收费}",
                "# 窗口权限 / which window handles it and what it may decide",
                "window: \(p("窗口权限", "window"))",
            ]
        case .report:
            lines += [
                "# 报告年度 / the year reported on; publish by 03-31 of the next year",
                "year: \(today.month <= 3 ? today.year - 1 : today.year)",
                "# 统计数据 / statistics in the national format (国办公开办函〔2021〕30号)",
                "statistics:",
                "  requests:",
                "    received: 0           # 本年新收",
                "    carried_over: 0       # 上年结转",
                "    outcomes: {granted: 0, partially_granted: 0, denied: 0, unavailable: 0, not_processed: 0, other: 0}",
                "    carried_forward: 0    # 结转下年度继续办理",
                "  reviews: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}    # 行政复议",
                "  lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}   # 行政诉讼",
            ]
        }
        lines += [
            "---",
            "",
            "<!-- 正文 / body, in Markdown -->",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}

extension Record {
    /// The record's own year, which section lists and year archives group it under: a
    /// budget's fiscal year (年度), an annual report's report year (报告年度), else the year
    /// of publication (发布日期, or 成文日期 for a record not yet published). The one place
    /// this is decided: when a type declares its year field, this reads the declaration.
    public var listYear: Int {
        switch details {
        case .budget(let budget): budget.fiscalYear
        case .report(let report): report.year
        default: listDate.year
        }
    }
}

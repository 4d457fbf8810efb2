extension Record {
    /// The record's own year, which section lists, year archives and the catalog's year
    /// pages group it under: the value of its type's `year_field` (a budget's 年度, an
    /// annual report's 报告年度), else the year of publication (发布日期, or 成文日期 for a
    /// record not yet published). The one place this is decided.
    public var listYear: Int {
        ownYear ?? listDate.year
    }
}

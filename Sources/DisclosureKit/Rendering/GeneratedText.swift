/// Every text the build itself writes into pages besides templates and record fields
/// (labels of metadata rows, report and guide tables): `audit` treats it as published,
/// so a non-public record that happens to use the same words is not a false alarm.
enum GeneratedText {
    static var all: [String] {
        Array(FieldNames.names.values) + RecordType.allCases.map(\.chineseName)
            + Disclosure.allCases.map(\.chineseName) + PolicyStatus.allCases.map(\.chineseName)
            + BudgetKind.allCases.map(\.chineseName) + RecordMetadata.labels + ReportTables.labels + GuideSections.labels
            + PageRole.allCases.map(\.chineseName) + ["页面"] + AttachmentList.labels
            + CatalogPlan.Facet.allCases.map(\.chineseName)
    }
}

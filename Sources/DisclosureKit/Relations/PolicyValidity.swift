/// 有效性 as the pages, the catalog and its CSV and JSON show it: the status a policy shows
/// on the build's as-of date (`ValidityTerms`), and what repealed or amended it.
enum PolicyValidity {
    /// The fields the page's notice shows (已废止, 已修改), not listed as relation blocks.
    static let noticeFields: Set<String> = ["repealed_by", "amended_by"]

    /// The declared status and dates of `record`, when its type applies the rule set `validity`.
    static func terms(_ record: Record) -> ValidityTerms? {
        let declaration = record.type.declaration
        guard declaration.applies(.validity), let field = declaration.field("status"),
              let choice = record.value("status").choice, field.values.indices.contains(choice),
              let status = ValidityStatus(rawValue: field.values[choice].value) else { return nil }
        return ValidityTerms(declared: status, effectiveFrom: record.value("effective_from").date,
                             effectiveUntil: record.value("effective_until").date)
    }

    /// The status `record` shows on `asOf`; nil for a type without 有效性.
    static func shown(_ record: Record, asOf: CalendarDate) -> ValidityStatus? {
        terms(record)?.shown(asOf: asOf)
    }

    /// `record.fields` with `status` as shown on `asOf`: what every output writes, so that
    /// no table or file says 有效 of a policy past its 有效期至.
    static func shownFields(_ record: Record, asOf: CalendarDate) -> [FieldValue] {
        guard let terms = terms(record) else { return record.fields }
        let shown = terms.shown(asOf: asOf)
        let declaration = record.type.declaration
        guard shown != terms.declared, let index = declaration.index(of: "status"),
              let choice = declaration.fields[index].values.firstIndex(where: { $0.value == shown.rawValue }) else {
            return record.fields
        }
        var fields = record.fields
        fields[index] = .choice(choice)
        return fields
    }

    /// The days on which some public record's shown status changes (the build cache's window).
    static func changes(_ plan: SitePlan) -> [CalendarDate] {
        plan.recordPages.compactMap { terms($0.record)?.changesOn }
    }

    /// A document outside the site named by `repealed_by` or `amended_by`: 标题（文号）.
    static func outsideDocument(_ record: Record, _ key: String) -> String? {
        guard let field = record.type.declaration.field(key), let members = record.value(key).members,
              let number = field.index(of: "document_number").flatMap({ members[$0].text }),
              let title = field.index(of: "title").flatMap({ members[$0].text }) else { return nil }
        return "\(title)（\(number)）"
    }
}

/// The type fields a record page shows below its metadata table, each under its label:
/// those neither on the table (`shown`) nor drawn by a rule set of the type (a guide's
/// eight sections, a budget's tables, a report's statistics). A type declared without
/// rule sets (a notice, a decision, a site's own) shows every field this way or on the table.
enum FieldSections {
    static func sections(_ record: Record) -> [FieldSection] {
        let declaration = record.type.declaration
        var drawn = Set<String>()
        for ruleSet in declaration.ruleSets { drawn.formUnion(ruleSet.requirements.map(\.key)) }
        var sections: [FieldSection] = []
        for (field, value) in zip(declaration.fields, record.fields) where !field.shown && !drawn.contains(field.key) {
            switch value {
            case .absent, .statistics:
                continue
            case .paragraphs(.list(let items)), .list(let items):
                sections.append(FieldSection(heading: field.label, items: items, is_list: true))
            case .group(let members):
                let items = zip(field.fields, members).compactMap { sub, member -> String? in
                    let text = member.displayText(sub)
                    return text.isEmpty ? nil : "\(sub.label)：\(text)"
                }
                sections.append(FieldSection(heading: field.label, items: items, is_list: true))
            case .table(let rows):
                sections.append(FieldSection(
                    heading: field.label, is_table: true,
                    columns: field.fields.map(\.label),
                    rows: rows.map { row in TextRow(cells: zip(field.fields, row).map { $0.1.displayText($0.0) }) }))
            default:
                let text = value.displayText(field)
                sections.append(FieldSection(heading: field.label, items: [text + field.suffix], is_list: false))
            }
        }
        return sections
    }
}

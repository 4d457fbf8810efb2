/// Reads a record's type fields as its declaration says, one value per declared field
/// (in the declaration's order), then runs the declaration's rule sets on them.
enum TypeFieldsDecoder {
    /// The values, and the references to other records where they are written (for the
    /// cross-record rules).
    static func decode(_ declaration: TypeDeclaration, _ top: FieldMapping, published: Located<CalendarDate>?,
                       site: SiteConfig, _ reader: inout FieldReader) -> (values: [FieldValue], references: [RecordReference]) {
        var values: [FieldValue] = []
        values.reserveCapacity(declaration.fields.count)
        for field in declaration.fields {
            values.append(value(field, in: top, &reader))
        }
        let input = RuleSetInput(declaration: declaration, values: values, top: top, published: published, site: site)
        for ruleSet in declaration.ruleSets {
            switch ruleSet {
            case .validity:
                Validity.check(input, &reader)
            case .budgetSums: BudgetSums.check(input, &reader)
            case .eightDisclosures: EightDisclosures.check(input, &reader)
            case .reportStatistics: ReportStatisticsRules.check(input, &reader)
            case .partyPrivacy: PartyPrivacy.check(input, &reader)
            case .timeliness, .review, .interpretationTimeliness: break  // Common-field rules: `RecordRules`, for every type.
            }
        }
        var references: [RecordReference] = []
        for (field, value) in zip(declaration.fields, values) where field.kind == .reference {
            if let members = value.members, let number = field.index(of: "document_number").flatMap({ members[$0].text }) {
                references.append(RecordReference(field: field.key, target: Located(value: number, location: input.location(field.key, "document_number")),
                                                  byDocumentNumber: true))
                continue
            }
            guard let target = value.text else { continue }
            references.append(RecordReference(field: field.key, target: Located(value: target, location: input.location(field.key))))
        }
        return (values, references)
    }

    /// The value of `field` in `map`; `.absent` when it is missing (reported when
    /// required) or could not be read (reported).
    static func value(_ field: FieldDeclaration, in map: FieldMapping, _ reader: inout FieldReader) -> FieldValue {
        let key = field.key
        let required = field.required
        switch field.kind {
        case .reference where field.allowsOutsideDocument && map.entry(key).map({ if case .mapping = $0.value.value { true } else { false } }) == true:
            // A document outside the site: {document_number: …, title: …}.
            guard let inner = reader.mapping(map, key, required: required) else { return .absent }
            return members(field, inner, &reader).map(FieldValue.group) ?? .absent
        case .text, .reference, .publisher:
            if let text = reader.string(map, key, required: required && field.defaultValue == nil) { return .text(text.value) }
            if let fallback = field.defaultValue, map.entry(key)?.value.isNull ?? true { return .text(fallback) }
            return .absent
        case .multilineText:
            return reader.textOrList(map, key, required: required).map(FieldValue.paragraphs) ?? .absent
        case .date:
            return reader.calendarDate(map, key, required: required).map { .date($0.value) } ?? .absent
        case .number:
            return reader.integer(map, key, required: required, in: field.minimum...field.maximum).map { .number($0.value) } ?? .absent
        case .amount:
            return reader.amount(map, key, required: required).map { .amount($0.value) } ?? .absent
        case .enumeration:
            let cases = field.values.indices.map { (value: $0, names: field.values[$0].spellings) }
            if let choice = reader.enumeration(map, key, required: required && field.defaultValue == nil, cases) {
                return .choice(choice.value)
            }
            if let fallback = field.defaultValue, map.entry(key)?.value.isNull ?? true,
               let index = field.values.firstIndex(where: { $0.value == fallback }) {
                return .choice(index)
            }
            return .absent
        case .textList:
            return reader.stringList(map, key, required: required, nonEmpty: required).map(FieldValue.list) ?? .absent
        case .group:
            guard let inner = reader.mapping(map, key, required: required) else { return .absent }
            return members(field, inner, &reader).map(FieldValue.group) ?? .absent
        case .table:
            guard let (items, _) = reader.list(map, key, required: required) else { return .absent }
            var rows: [[FieldValue]] = []
            var complete = true
            for item in items {
                guard case .mapping(let entries) = item.value else {
                    let shape = field.fields.map { "\($0.key): ..." }.joined(separator: ", ")
                    reader.report(reader.type, item.location, field: map.path(key),
                                  Phrase("\(reader.labels.quotedZh(map.path(key))) 的每一项必须是映射 {\(shape)}，不能是\(item.kindPhrase.zh)", en: "each item of \(reader.labels.quoted(map.path(key))) must be a mapping {\(shape)}, not \(item.kindDescription)"))
                    complete = false
                    continue
                }
                let row = FieldMapping(entries: entries, path: map.path(key), anchor: item.location)
                if let values = members(field, row, &reader) { rows.append(values) } else { complete = false }
            }
            if required && items.isEmpty {
                reader.report(reader.required, map.entry(key)?.keyLocation ?? map.anchor, field: map.path(key),
                              Phrase("\(reader.labels.quotedZh(map.path(key))) 至少要列出一行", en: "\(reader.labels.quoted(map.path(key))) must list at least one row"))
                return .absent
            }
            return complete ? .table(rows) : .absent
        case .reportStatistics:
            guard let inner = reader.mapping(map, key, required: required) else { return .absent }
            return StatisticsReader().read(inner, into: &reader).map(FieldValue.statistics) ?? .absent
        }
    }

    /// The sub-fields of a group or a table row; nil when one that is required could not be read.
    static func members(_ field: FieldDeclaration, _ map: FieldMapping, _ reader: inout FieldReader) -> [FieldValue]? {
        reader.checkUnknownKeys(map, known: field.fields.map(\.key))
        let before = reader.diagnostics.errorCount
        let values = field.fields.map { value($0, in: map, &reader) }
        return reader.diagnostics.errorCount == before ? values : nil
    }
}

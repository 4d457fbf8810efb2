/// Every text the build itself writes into pages besides templates and record fields
/// (labels of metadata rows, report and guide tables): `audit` treats it as published,
/// so a non-public record that happens to use the same words is not a false alarm.
enum GeneratedText {
    static var all: [String] {
        all(TypeRegistry.builtIn)
    }

    /// The generated text of a site with `types`: every declared label, enum label,
    /// suffix and fixed text besides the fixed ones.
    static func all(_ types: TypeRegistry) -> [String] {
        var texts = Array(Glossary.names.values) + Disclosure.allCases.map(\.chineseName)
            + ValidityStatus.allCases.map(\.chineseName) + RecordMetadata.labels + ReportTables.labels + GuideSections.labels
            + PageRole.allCases.map(\.chineseName) + ["页面"] + AttachmentList.labels
            + CatalogPlan.Facet.allCases.map(\.chineseName)
        func add(_ fields: [FieldDeclaration]) {
            for field in fields {
                texts.append(field.label)
                texts += field.values.map(\.label)
                if let fixed = field.shownAs { texts.append(fixed) }
                if let backlink = field.backlink { texts.append(backlink) }
                add(field.fields)
            }
        }
        for type in types.types {
            texts.append(type.chineseName)
            add(type.declaration.fields)
        }
        return texts
    }
}

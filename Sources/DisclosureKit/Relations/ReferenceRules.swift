/// The rules on references between records: each names a record the site has (not
/// itself), of the type its field asks for (`refers_to`); a public record names only
/// public ones; a 政策解读 is published within the site's working days of its policy (三同步).
enum ReferenceRules {
    /// `firstByIndex`: the position in `identities` of the first holder of each index number.
    static func check(_ identities: [RecordIdentity], firstByIndex: [String: Int], config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (position, identity) in identities.enumerated() where !identity.references.isEmpty {
            let declaration = identity.file.type.declaration
            let file = identity.file.relativePath
            for reference in identity.references {
                let target = reference.target
                let quoted = declaration.labels.quoted(reference.field)
                func report(_ rule: Rule, _ message: String) {
                    diagnostics.append(rule.diagnostic(file, target.location, field: reference.field, message))
                }
                guard let holderPosition = firstByIndex[target.value] else {
                    report(.referenceUnknown, "\(quoted) names index number '\(target.value)', which no record has")
                    continue
                }
                guard holderPosition != position else {
                    report(.referenceUnknown, "\(quoted) names this record itself")
                    continue
                }
                let holder = identities[holderPosition]
                // Messages name the other record's file, never its title: CI logs are often public.
                if identity.isPublic && !holder.isPublic {
                    report(.referenceNotPublic,
                           "\(quoted) names '\(target.value)' (\(holder.file.relativePath)), which is not public; a public page cannot name it")
                    continue
                }
                let holderType = holder.file.type
                if let wanted = declaration.field(reference.field)?.refersTo, holderType.id != wanted {
                    let wantedName = config.types.type(id: wanted).map { " (\($0.chineseName))" } ?? ""
                    report(.referenceType,
                           "\(quoted) names '\(target.value)' (\(holder.file.relativePath)), a \(holderType.id) (\(holderType.chineseName)), not a \(wanted)\(wantedName)")
                    continue
                }
                if declaration.applies(.interpretationTimeliness), reference.field == InterpretationTimeliness.field,
                   identity.isPublic, let published = identity.published, let policyPublished = holder.published?.value,
                   let late = InterpretationTimeliness.lateness(policy: policyPublished, interpretation: published.value,
                                                                 limit: config.interpretationWorkingDays, calendar: config.calendar) {
                    diagnostics.append(Rule.interpretationLate.diagnostic(file, published.location, field: "published",
                        InterpretationTimeliness.message(late, interpretation: published.value, policy: policyPublished,
                                                         policyFile: holder.file.relativePath, limit: config.interpretationWorkingDays)))
                }
            }
        }
        return diagnostics
    }
}

/// The rules on references between records: each names a record the site has (not
/// itself), of the type its field asks for (`refers_to`); a public record names only
/// public ones; a 政策解读 is published within the site's working days of its policy (三同步).
/// A reference in the outside-document form (`{document_number, title}`) whose 文号 is an
/// in-site record's is that record's: refused when it is not public, else a warning to
/// write its 索引号. Repeals and amendments never go round in a circle.
enum ReferenceRules {
    /// A 文号 as references are matched by it: as the leak search compares text (full-width
    /// digits as ASCII, brackets and spaces as one space), so that `明自然资发〔２０２４〕２号`,
    /// `明自然资发（2024）2号` and `明自然资发 〔2024〕2号` all name `明自然资发〔2024〕2号`.
    static func documentNumberKey(_ number: String) -> String {
        String(decoding: MatchText.bytes(number), as: UTF8.self)
    }

    /// `firstByIndex`: the position in `identities` of the first holder of each index number;
    /// `duplicated`: the index numbers more than one record holds (reported as such, so a
    /// reference to one is not reported again).
    static func check(_ identities: [RecordIdentity], firstByIndex: [String: Int], duplicated: Set<String> = [],
                      config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByDocumentNumber: [String: Int] = [:]
        // Identities read in place (`identities[position]`) where most are passed over: a
        // `for` loop over the array copies each one whole.
        for position in identities.indices {
            if let number = identities[position].documentNumber.map(documentNumberKey), firstByDocumentNumber[number] == nil {
                firstByDocumentNumber[number] = position
            }
        }
        for position in identities.indices where !identities[position].references.isEmpty {
            let identity = identities[position]
            let declaration = identity.file.type.declaration
            let file = identity.file.relativePath
            for reference in identity.references {
                let target = reference.target
                let quoted = QuotedKey.phrase(declaration.labels.quoted(reference.field))
                func report(_ rule: Rule, _ message: Phrase) {
                    diagnostics.append(rule.diagnostic(file, target.location, field: reference.field, message))
                }
                if reference.byDocumentNumber {
                    guard let holderPosition = firstByDocumentNumber[documentNumberKey(target.value)], holderPosition != position else { continue }
                    let holder = identities[holderPosition]
                    // A holder whose `disclosure` is missing or misspelt has its own error there;
                    // whether this reference is allowed waits for it to be written.
                    guard holder.disclosure != nil else { continue }
                    // Messages name the other record's file, never its title: CI logs are often public.
                    if identity.isPublic && !holder.isPublic {
                        report(.referenceNotPublic,
                               Phrase("\(quoted.zh) 写的文号 '\(target.value)' 是 \(holder.file.relativePath) 的文号，该记录不是主动公开的；公开的页面不能提及它",
                                      en: "\(quoted.en) names 文号 '\(target.value)', the 文号 of \(holder.file.relativePath), which is not public; a public page cannot name it"))
                    } else if identity.isPublic, let index = holder.indexNumber?.value {
                        report(.referenceDocumentNumber,
                               Phrase("\(quoted.zh) 写的文号 '\(target.value)' 是本站 \(holder.file.relativePath) 的文号；请改写其索引号（\(index)），使两个页面互相链接",
                                      en: "\(quoted.en) names 文号 '\(target.value)', the 文号 of \(holder.file.relativePath) on this site; write its index number (\(index)) instead, so both pages link to each other"))
                    }
                    continue
                }
                guard !duplicated.contains(target.value) else { continue }
                guard let holderPosition = firstByIndex[target.value] else {
                    report(.referenceUnknown, Phrase("\(quoted.zh) 写的索引号 '\(target.value)' 不属于任何记录",
                                                     en: "\(quoted.en) names index number '\(target.value)', which no record has"))
                    continue
                }
                guard holderPosition != position, identity.indexNumber?.value != target.value else {
                    report(.referenceUnknown, Phrase("\(quoted.zh) 指向本记录自身", en: "\(quoted.en) names this record itself"))
                    continue
                }
                let holder = identities[holderPosition]
                // As above: an unknown disclosure is the holder's error, not this reference's.
                if identity.isPublic && holder.disclosure != nil && !holder.isPublic {
                    report(.referenceNotPublic,
                           Phrase("\(quoted.zh) 指向的 '\(target.value)'（\(holder.file.relativePath)）不是主动公开的记录；公开的页面不能提及它",
                                  en: "\(quoted.en) names '\(target.value)' (\(holder.file.relativePath)), which is not public; a public page cannot name it"))
                    continue
                }
                let holderType = holder.file.type
                if let wanted = declaration.field(reference.field)?.refersTo, holderType.id != wanted {
                    let wantedName = config.types.type(id: wanted).map { " (\($0.chineseName))" } ?? ""
                    let wantedNameZh = config.types.type(id: wanted).map { "（\($0.chineseName)）" } ?? ""
                    report(.referenceType,
                           Phrase("\(quoted.zh) 指向的 '\(target.value)'（\(holder.file.relativePath)）是 \(holderType.id)（\(holderType.chineseName)），而不是 \(wanted)\(wantedNameZh)",
                                  en: "\(quoted.en) names '\(target.value)' (\(holder.file.relativePath)), \(article(holderType.id)) \(holderType.id) (\(holderType.chineseName)), not \(article(wanted)) \(wanted)\(wantedName)"))
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
        diagnostics += circles(identities, firstByIndex: firstByIndex)
        return diagnostics
    }

    /// A public record's references to records held back by scheduled publishing
    /// (`scheduled`: their paths and publication days), by 索引号 or by 文号: each is an
    /// error at the reference, as a reference to a withheld record is. The relation is not
    /// held back in silence instead: the author wrote it to be shown, and a page that drops
    /// it (a policy shown 现行有效 while its amendment waits) would say something untrue.
    static func scheduledTargets(_ identities: [RecordIdentity], scheduled: [String: CalendarDate]) -> [Diagnostic] {
        guard !scheduled.isEmpty else { return [] }
        var heldByIndex: [String: RecordIdentity] = [:], heldByDocumentNumber: [String: RecordIdentity] = [:]
        for position in identities.indices where scheduled[identities[position].file.relativePath] != nil {
            let identity = identities[position]
            if let index = identity.indexNumber?.value, heldByIndex[index] == nil { heldByIndex[index] = identity }
            if let number = identity.documentNumber.map(documentNumberKey), heldByDocumentNumber[number] == nil { heldByDocumentNumber[number] = identity }
        }
        var diagnostics: [Diagnostic] = []
        for position in identities.indices where identities[position].isPublic && !identities[position].references.isEmpty {
            let identity = identities[position]
            let quoted = { QuotedKey.phrase(identity.file.type.declaration.labels.quoted($0)) }
            for reference in identity.references {
                let target = reference.target
                let holder = reference.byDocumentNumber ? heldByDocumentNumber[documentNumberKey(target.value)] : heldByIndex[target.value]
                guard let holder, holder.file.relativePath != identity.file.relativePath,
                      let day = scheduled[holder.file.relativePath] else { continue }
                // Messages name the other record's file, never its title: CI logs are often public.
                let named = reference.byDocumentNumber
                    ? Phrase("文号 '\(target.value)'（\(holder.file.relativePath) 的文号）",
                             en: "文号 '\(target.value)', the 文号 of \(holder.file.relativePath),")
                    : Phrase("'\(target.value)'（\(holder.file.relativePath)）", en: "'\(target.value)' (\(holder.file.relativePath)),")
                let field = quoted(reference.field)
                diagnostics.append(Rule.referenceScheduled.diagnostic(identity.file.relativePath, target.location, field: reference.field,
                    Phrase("\(field.zh) 指向的\(named.zh)定于 \(day) 发布；公开的记录在该日之前不能提及它（请在该日再写这一引用，或将本记录也设为定时发布）",
                           en: "\(field.en) names \(named.en) which is scheduled for \(day); a public record cannot name it before that day (write the reference on that day, or schedule this record too)")))
            }
        }
        return diagnostics
    }

    /// "an" before a type id that starts with a vowel (an interpretation), else "a".
    static func article(_ id: String) -> String {
        id.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// The fields by which one record ends or changes another's force.
    static let validityFields: Set<String> = ["repealed_by", "amended_by"]

    /// A record repealed or amended, through a chain of such references, by itself (A by
    /// B and B by A): one error at each reference of the circle.
    static func circles(_ identities: [RecordIdentity], firstByIndex: [String: Int]) -> [Diagnostic] {
        var next: [Int: [Int]] = [:]
        for position in identities.indices where !identities[position].references.isEmpty {
            for reference in identities[position].references where validityFields.contains(reference.field) && !reference.byDocumentNumber {
                if let target = firstByIndex[reference.target.value], target != position { next[position, default: []].append(target) }
            }
        }
        guard !next.isEmpty else { return [] }
        func reaches(_ start: Int, _ goal: Int) -> Bool {
            var seen: Set<Int> = [start], queue = [start]
            while let node = queue.popLast() {
                if node == goal { return true }
                for following in next[node] ?? [] where seen.insert(following).inserted { queue.append(following) }
            }
            return false
        }
        var diagnostics: [Diagnostic] = []
        for position in next.keys.sorted() {
            let identity = identities[position]
            for reference in identity.references where validityFields.contains(reference.field) && !reference.byDocumentNumber {
                guard let target = firstByIndex[reference.target.value], target != position, reaches(target, position) else { continue }
                diagnostics.append(Rule.referenceCircle.diagnostic(identity.file.relativePath, reference.target.location, field: reference.field,
                    Phrase("\(QuotedKey.phrase(identity.file.type.declaration.labels.quoted(reference.field)).zh) 指向的 \(identities[target].file.relativePath) 本身又被本记录（直接或经由其他记录）废止或修改；一份文件不能终止使其自身失效的那份文件的效力",
                           en: "\(identity.file.type.declaration.labels.quoted(reference.field)) names \(identities[target].file.relativePath), which is itself repealed or amended by this record (directly or through others); a document cannot end the force of the one that ends its own")))
            }
        }
        return diagnostics
    }
}

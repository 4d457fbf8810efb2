/// The rule set `validity` (有效性): a policy names what repealed it exactly when it is
/// repealed (废止), what amended it exactly when it is amended (已修改), and its 有效期至 is
/// not before its 施行日期. Which status a page shows on the as-of date is `PolicyValidity`'s.
enum Validity {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let field = input.declaration.field("status"), let choice = input.value("status").choice,
              field.values.indices.contains(choice),
              let status = ValidityStatus(rawValue: field.values[choice].value) else { return }
        for (key, wanted, rule) in [("repealed_by", ValidityStatus.repealed, Rule.policyRepealedBy),
                                    ("amended_by", ValidityStatus.amended, Rule.policyAmendedBy)] {
            // Written but unreadable (a document outside the site without its title) is
            // reported where it is written, not again as missing.
            let given = !input.value(key).isAbsent || !(input.top.entry(key)?.value.isNull ?? true)
            if given && status != wanted {
                reader.report(rule, input.location(key), field: key,
                              Phrase("'\(key)' 只用于 'status: \(wanted.rawValue)'（\(wanted.chineseName)）的政策，而本政策是 \(status.rawValue)（\(status.chineseName)）", en: "'\(key)' is only for a policy with 'status: \(wanted.rawValue)' (\(wanted.chineseName)), but this one is \(status.rawValue) (\(status.chineseName))"))
            } else if !given && status == wanted {
                let verb = wanted == .repealed ? "repealed" : "amended"
                let verbZh = wanted == .repealed ? "废止" : "修改"
                reader.report(rule, input.location("status"), field: key,
                              Phrase("'status' 为 \(wanted.rawValue)（\(wanted.chineseName)），但 '\(key)' 没有写明由什么\(verbZh)：请填写该记录的索引号，站点之外的文件请写 {document_number: …, title: …}", en: "'status' is \(wanted.rawValue) (\(wanted.chineseName)) but '\(key)' does not say what \(verb) it: give the index number (索引号) of the record, or {document_number: …, title: …} for a document outside the site"))
            }
        }
        if let from = input.value("effective_from").date, let until = input.value("effective_until").date, until < from {
            reader.report(.policyEffectiveDates, input.location("effective_until"), field: "effective_until",
                          Phrase("'effective_until'（有效期至）\(until) 早于 'effective_from'（施行日期）\(from)", en: "'effective_until' (有效期至) \(until) is before 'effective_from' (施行日期) \(from)"))
        }
    }
}

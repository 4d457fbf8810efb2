/// What the rule set `eight_disclosures` reads of a guide: its eight sections (八公开);
/// 项目名称 is the record's title.
public struct GuideDetails: Sendable, Hashable {
    public var legalBasis: TextOrList
    public var conditions: TextOrList
    public var materials: [String]
    public var procedure: TextOrList
    public var statutoryDays: Int
    public var promisedDays: Int
    /// 收费依据; absent for a free service.
    public var feeBasis: String?
    /// 收费标准; `不收费` or `free` for none.
    public var feeStandard: String
    public var window: String

    public var isFree: Bool { GuideDetails.isFree(feeStandard) }

    static func isFree(_ standard: String) -> Bool {
        let trimmed = standard.trimmed
        return trimmed == "不收费" || trimmed.lowercased() == "free"
    }
}

/// The rule set `eight_disclosures`: 0 < promised days ≤ statutory days; a fee names its basis.
enum EightDisclosures {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        if let statutory = input.member("time_limit", "statutory_days").number,
           let promised = input.member("time_limit", "promised_days").number {
            let location = input.location("time_limit", "promised_days")
            if promised <= 0 {
                reader.report(.guideTimeLimit, location, field: "time_limit.promised_days",
                              Phrase("promised_days（承诺时限）必须大于 0，不能是 \(promised)", en: "promised_days (承诺时限) must be more than 0, not \(promised)"))
            } else if promised > statutory {
                reader.report(.guideTimeLimit, location, field: "time_limit.promised_days",
                              Phrase("promised_days（承诺时限）\(promised) 超过 statutory_days（法定时限）\(statutory)；承诺时限不得超过法定时限", en: "promised_days (承诺时限) \(promised) is more than statutory_days (法定时限) \(statutory); the promise must not exceed the law"))
            }
        }
        if let standard = input.member("fees", "standard").text, !GuideDetails.isFree(standard),
           input.member("fees", "basis").isAbsent {
            let path = "fees.basis"
            let written = input.keyLocation("fees", "basis")
            if written != input.keyLocation("fees") {
                reader.report(reader.required, written, field: path, Phrase("必填字段 \(reader.labels.quotedZh(path)) 为空", en: "required field \(reader.labels.quoted(path)) is empty"))
            } else {
                reader.report(reader.required, written, field: path, Phrase("缺少必填字段 \(reader.labels.quotedZh(path))", en: "missing required field \(reader.labels.quoted(path))"))
            }
        }
    }

    static func details(_ record: Record) -> GuideDetails? {
        let declaration = record.type.declaration
        guard declaration.applies(.eightDisclosures), let limit = declaration.field("time_limit"),
              let fees = declaration.field("fees"),
              let legalBasis = record.value("legal_basis").paragraphs, let conditions = record.value("conditions").paragraphs,
              let materials = record.value("materials").list, let procedure = record.value("procedure").paragraphs,
              let days = record.value("time_limit").members, let statutory = days[limit.index(of: "statutory_days")!].number,
              let promised = days[limit.index(of: "promised_days")!].number,
              let feeValues = record.value("fees").members, let standard = feeValues[fees.index(of: "standard")!].text,
              let window = record.value("window").text else { return nil }
        return GuideDetails(legalBasis: legalBasis, conditions: conditions, materials: materials, procedure: procedure,
                            statutoryDays: statutory, promisedDays: promised,
                            feeBasis: feeValues[fees.index(of: "basis")!].text, feeStandard: standard, window: window)
    }
}

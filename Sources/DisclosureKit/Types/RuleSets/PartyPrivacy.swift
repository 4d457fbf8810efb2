import Foundation

/// The rule set `party_privacy`: a decision's 行政相对人, when a natural person (自然人),
/// is shown by surname only, every character of the given name masked (张某某, 欧阳某某, 李*),
/// or as a group of them (张某某等3人). What the law lets be shown of a person is decided
/// here, not left to each author; an ID number in any public record is `PersonalIDNumbers`.
enum PartyPrivacy {
    static let naturalPerson = "natural_person"
    static let partyTypes = [naturalPerson, "legal_person"]

    /// The two-character surnames (复姓) in use; any other name's second character is the
    /// given name's first, which must be masked (李小某 and 王建* show it).
    static let compoundSurnames = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空",
        "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "轩辕", "百里", "呼延", "澹台", "公冶", "太史", "申屠",
        "闻人", "赫连", "万俟", "钟离", "濮阳", "淳于", "单于", "拓跋", "第五", "左丘", "东郭", "仲孙", "羊舌",
    ]
    /// A surname (one Han character, or a 复姓), one to three mask characters, and for a
    /// group of persons 等N人.
    static let maskedName = try! NSRegularExpression(
        pattern: "^(?:" + compoundSurnames.joined(separator: "|") + #"|\p{Han})[某*＊×]{1,3}(?:等(?:\d+|[一二两三四五六七八九十]+)(?:人|名))?$"#)

    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let typeField = input.declaration.field("party_type"), let choice = input.value("party_type").choice,
              typeField.values[choice].value == naturalPerson else { return }
        if let party = input.value("party").text, !matches(maskedName, party) {
            reader.report(.decisionPartyPrivacy, input.location("party"), field: "party",
                          Phrase("自然人的 'party'（\(input.declaration.field("party")?.label ?? "行政相对人")）只能显示姓氏，名字的每个字都要隐去（如 张某某、欧阳某某、李*、张某某等3人），不能是 '\(party)'", en: "'party' (\(input.declaration.field("party")?.label ?? "行政相对人")) of a natural person (自然人) must show the surname only, every character of the given name masked (e.g. 张某某, 欧阳某某, 李*, 张某某等3人), not '\(party)'"))
        }
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

import Foundation

/// The rule set `party_privacy`: a decision's 行政相对人, when a natural person (自然人),
/// is shown by surname only with the given name masked (张某某), and no text of the
/// record holds an ID-card number (公民身份号码). What the law lets be shown of a person
/// is decided here, not left to each author.
enum PartyPrivacy {
    static let naturalPerson = "natural_person"
    static let partyTypes = [naturalPerson, "legal_person"]

    /// A surname of one or two Han characters, then one to three mask characters.
    static let maskedName = try! NSRegularExpression(pattern: #"^\p{Han}{1,2}[某*＊×]{1,3}$"#)
    /// Eighteen characters (the last a digit or X) or fifteen digits, not inside a longer run.
    static let idNumber = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z])(\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])"#)

    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let typeField = input.declaration.field("party_type"), let choice = input.value("party_type").choice,
              typeField.values[choice].value == naturalPerson else { return }
        if let party = input.value("party").text, !matches(maskedName, party) {
            reader.report(.decisionPartyPrivacy, input.location("party"), field: "party",
                          "'party' (\(input.declaration.field("party")?.label ?? "行政相对人")) of a natural person (自然人) must show the surname only, with the given name masked (e.g. 张某某), not '\(party)'")
        }
        for (field, value) in zip(input.declaration.fields, input.values) {
            var found: String?
            value.visitTexts(field) { text in
                if found == nil, let range = idNumber.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))?.range {
                    found = (text as NSString).substring(with: range)
                }
            }
            if let found {
                let masked = String(found.prefix(4)) + String(repeating: "*", count: found.count - 4)
                reader.report(.decisionPartyPrivacy, input.location(field.key), field: field.key,
                              "\(reader.labels.quoted(field.key)) holds what reads as an ID-card number (\(masked)); a natural person's ID number is never published")
            }
        }
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

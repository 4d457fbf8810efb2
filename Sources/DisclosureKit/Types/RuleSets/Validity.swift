/// 有效性 of a policy.
public enum PolicyStatus: String, Sendable, Hashable, CaseIterable {
    case effective, expired, repealed

    public var chineseName: String {
        switch self {
        case .effective: "有效"
        case .expired: "失效"
        case .repealed: "废止"
        }
    }
}

/// What the rule set `validity` reads of a record: its 有效性 and what repealed it.
public struct PolicyDetails: Sendable, Hashable {
    public var status: PolicyStatus
    /// The index number of the record that repealed this one.
    public var repealedBy: String?
}

/// The rule set `validity`: a record names what repealed it only when it is repealed.
enum Validity {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let repealedBy = input.value("repealed_by").text,
              let field = input.declaration.field("status"), let choice = input.value("status").choice,
              let status = PolicyStatus(rawValue: field.values[choice].value), status != .repealed else { return }
        reader.report(.policyRepealedBy, input.location("repealed_by"), field: "repealed_by",
                      "'repealed_by' is only for a policy with 'status: repealed' (废止), but this one is \(status.rawValue) (\(status.chineseName))")
    }

    /// `repealed_by` where it is written, for the rule that looks across records.
    static func repealedBy(_ input: RuleSetInput) -> Located<String>? {
        guard let text = input.value("repealed_by").text else { return nil }
        return Located(value: text, location: input.location("repealed_by"))
    }

    static func details(_ record: Record) -> PolicyDetails? {
        let declaration = record.type.declaration
        guard declaration.applies(.validity), let field = declaration.field("status"),
              let choice = record.value("status").choice,
              let status = PolicyStatus(rawValue: field.values[choice].value) else { return nil }
        return PolicyDetails(status: status, repealedBy: record.value("repealed_by").text)
    }
}

/// A named set of rules a declaration applies to its type: the only type-specific Swift
/// code. Each reads the record's generic values by key, and says which keys (of which
/// kinds) it needs; a declaration naming a rule set without declaring them is refused.
public enum RuleSet: String, Sendable, Hashable, CaseIterable {
    /// 有效性: `repealed_by` exactly on a repealed policy, `amended_by` on an amended one,
    /// 有效期至 not before 施行日期; the status shown on the as-of date (`PolicyValidity`).
    case validity
    /// A budget's lines add up to its expenditure; the budget table on its page.
    case budgetSums = "budget_sums"
    /// A guide's eight disclosures (八公开): time limits, fees; its eight sections.
    case eightDisclosures = "eight_disclosures"
    /// An annual report's statistics balance and its deadline; the national tables.
    case reportStatistics = "report_statistics"
    /// 行政相对人: a natural person is shown by surname only (张某某), never with an ID number.
    case partyPrivacy = "party_privacy"
    /// 三同步: a 政策解读 is published within the site's working days of the policy it
    /// `interprets` (a cross-record rule, `ReferenceRules`).
    case interpretationTimeliness = "interpretation_timeliness"
    /// Publication within 20 working days of writing. Applies to every type.
    case timeliness
    /// 先审查后公开: a proactive record's review, on or before publication. Applies to every type.
    case review

    /// What a field must be for the rule set to read it.
    public struct Requirement: Sendable {
        public var key: String
        public var kind: FieldKind
        /// For a group or table: the sub-fields it reads, with their kinds.
        public var members: [(key: String, kind: FieldKind)] = []
        /// For an enum: the values it reads.
        public var values: [String] = []
    }

    /// The fields the rule set reads.
    public var requirements: [Requirement] {
        switch self {
        case .validity:
            [Requirement(key: "status", kind: .enumeration, values: ValidityStatus.allCases.map(\.rawValue)),
             Requirement(key: "repealed_by", kind: .reference),
             Requirement(key: "amended_by", kind: .reference),
             Requirement(key: "effective_from", kind: .date),
             Requirement(key: "effective_until", kind: .date)]
        case .interpretationTimeliness:
            [Requirement(key: InterpretationTimeliness.field, kind: .reference)]
        case .budgetSums:
            [Requirement(key: "fiscal_year", kind: .number),
             Requirement(key: "kind", kind: .enumeration),
             Requirement(key: "unit", kind: .text),
             Requirement(key: "totals", kind: .group, members: [("revenue", .amount), ("expenditure", .amount)]),
             Requirement(key: "lines", kind: .table, members: [("name", .text), ("amount", .amount)]),
             Requirement(key: "three_public", kind: .group,
                         members: [("receptions", .amount), ("vehicles", .amount), ("overseas_travel", .amount)])]
        case .eightDisclosures:
            [Requirement(key: "legal_basis", kind: .multilineText),
             Requirement(key: "conditions", kind: .multilineText),
             Requirement(key: "materials", kind: .textList),
             Requirement(key: "procedure", kind: .multilineText),
             Requirement(key: "time_limit", kind: .group, members: [("statutory_days", .number), ("promised_days", .number)]),
             Requirement(key: "fees", kind: .group, members: [("basis", .text), ("standard", .text)]),
             Requirement(key: "window", kind: .text)]
        case .reportStatistics:
            [Requirement(key: "year", kind: .number),
             Requirement(key: "statistics", kind: .reportStatistics)]
        case .partyPrivacy:
            [Requirement(key: "party", kind: .text),
             Requirement(key: "party_type", kind: .enumeration, values: PartyPrivacy.partyTypes)]
        case .timeliness, .review:
            []
        }
    }

    /// Why `declaration` cannot use this rule set, or nil when it declares what it needs.
    func refusal(_ fields: [FieldDeclaration]) -> Phrase? {
        for requirement in requirements {
            guard let field = fields.first(where: { $0.key == requirement.key }) else {
                return Phrase("规则集 '\(rawValue)' 需要字段 '\(requirement.key)'（\(requirement.kind.name)），该类型没有声明", en: "the rule set '\(rawValue)' needs the field '\(requirement.key)' (\(requirement.kind.name)), which the type does not declare")
            }
            guard field.kind == requirement.kind else {
                return Phrase("规则集 '\(rawValue)' 要求 '\(requirement.key)' 是 \(requirement.kind.name)，不能是 \(field.kind.name)", en: "the rule set '\(rawValue)' needs '\(requirement.key)' to be \(requirement.kind.name), not \(field.kind.name)")
            }
            for member in requirement.members {
                guard let sub = field.fields.first(where: { $0.key == member.key }), sub.kind == member.kind else {
                    return Phrase("规则集 '\(rawValue)' 需要 '\(requirement.key).\(member.key)'（\(member.kind.name)）", en: "the rule set '\(rawValue)' needs '\(requirement.key).\(member.key)' (\(member.kind.name))")
                }
            }
            for value in requirement.values where !field.values.contains(where: { $0.value == value }) {
                return Phrase("规则集 '\(rawValue)' 要求 '\(requirement.key)' 有值 '\(value)'", en: "the rule set '\(rawValue)' needs '\(requirement.key)' to have the value '\(value)'")
            }
        }
        return nil
    }
}

/// What a rule set sees of a record while it is decoded: the values by declaration,
/// and the front matter to find where a problem is written (looked up only then).
struct RuleSetInput {
    let declaration: TypeDeclaration
    let values: [FieldValue]
    let top: FieldMapping
    let published: Located<CalendarDate>?
    let site: SiteConfig

    func value(_ key: String) -> FieldValue {
        guard let index = declaration.index(of: key) else { return .absent }
        return values[index]
    }

    /// The member `key` of group `group`.
    func member(_ group: String, _ key: String) -> FieldValue {
        guard let field = declaration.field(group), let index = field.index(of: key),
              let members = value(group).members, members.indices.contains(index) else { return .absent }
        return members[index]
    }

    /// Where the value at `path` is written; the nearest mapping's key when it is not.
    func location(_ path: String...) -> SourceLocation {
        var entries = top.entries
        var location = top.anchor
        for key in path {
            guard let entry = entries.first(where: { $0.key == key }) else { return location }
            location = entry.value.location
            guard case .mapping(let inner) = entry.value.value else { return location }
            if key != path.last { location = entry.keyLocation }
            entries = inner
        }
        return location
    }

    /// Where the key at `path` is written.
    func keyLocation(_ path: String...) -> SourceLocation {
        var entries = top.entries
        var location = top.anchor
        for key in path {
            guard let entry = entries.first(where: { $0.key == key }) else { return location }
            location = entry.keyLocation
            guard case .mapping(let inner) = entry.value.value else { return location }
            entries = inner
        }
        return location
    }
}

import Foundation

/// What a record carries beyond the common fields, by type.
public enum RecordDetails: Sendable {
    case policy(PolicyDetails)
    case budget(BudgetDetails)
    case guide(GuideDetails)
    case report(ReportDetails)
}

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

public struct PolicyDetails: Sendable, Hashable {
    /// 文号, e.g. `南府办〔2012〕15号`.
    public var documentNumber: String
    public var status: PolicyStatus
    /// The index number of the record that repealed this one.
    public var repealedBy: String?
}

/// 类别 of a budget record.
public enum BudgetKind: String, Sendable, Hashable, CaseIterable {
    case budget
    case finalAccounts = "final-accounts"

    public var chineseName: String {
        switch self {
        case .budget: "预算"
        case .finalAccounts: "决算"
        }
    }
}

public struct BudgetLine: Sendable, Hashable {
    public var name: String
    public var amount: Amount
}

/// 三公经费: official receptions, vehicles, travel abroad.
public struct ThreePublicFunds: Sendable, Hashable {
    public var receptions: Amount
    public var vehicles: Amount
    public var overseasTravel: Amount
}

public struct BudgetDetails: Sendable, Hashable {
    public var fiscalYear: Int
    public var kind: BudgetKind
    public var department: String
    public var unit: String
    public var revenue: Amount
    public var expenditure: Amount
    public var lines: [BudgetLine]
    public var threePublic: ThreePublicFunds?
}

/// A guide's 八公开 beyond its title (项目名称).
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
        let trimmed = standard.trimmingCharacters(in: .whitespaces)
        return trimmed == "不收费" || trimmed.lowercased() == "free"
    }
}

public struct ReportDetails: Sendable, Hashable {
    public var year: Int
    public var statistics: ReportStatistics
}

/// The four kinds of record, one per section folder of `content/`.
public enum RecordType: String, Sendable, Hashable, CaseIterable, Comparable {
    case policy
    case budget
    case guide
    case report

    /// The section folder under `content/`, and the output folder of its pages.
    public var folder: String {
        switch self {
        case .policy: "policies"
        case .budget: "budgets"
        case .guide: "guides"
        case .report: "reports"
        }
    }

    /// The section's name on the site.
    public var chineseName: String {
        switch self {
        case .policy: "政策文件"
        case .budget: "预算决算"
        case .guide: "办事指南"
        case .report: "年度报告"
        }
    }

    public init?(folder: String) {
        guard let type = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = type
    }

    public static func < (lhs: RecordType, rhs: RecordType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

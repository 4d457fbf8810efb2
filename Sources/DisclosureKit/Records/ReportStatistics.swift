/// The statistics of an annual disclosure report, in the national format
/// (国办公开办函〔2021〕30号, sections 二 to 四).
public struct ReportStatistics: Sendable, Hashable {
    public var proactive: ProactiveStatistics?
    public var requests: RequestStatistics
    public var reviews: AppealCounts
    public var lawsuits: LawsuitCounts
}

/// 二、主动公开政府信息情况. Every figure is optional.
public struct ProactiveStatistics: Sendable, Hashable {
    public var rules: DocumentCounts?
    public var normativeDocuments: DocumentCounts?
    public var licensing: Int?
    public var penalties: Int?
    public var coerciveMeasures: Int?
    /// 行政事业性收费 本年收费金额（万元）.
    public var fees: Amount?
}

/// 本年制发 / 本年废止 / 现行有效.
public struct DocumentCounts: Sendable, Hashable {
    public var issued: Int
    public var repealed: Int
    public var inForce: Int
}

/// 三、收到和处理政府信息公开申请情况.
public struct RequestStatistics: Sendable, Hashable {
    public var received: Int
    public var carriedOver: Int
    public var outcomes: RequestOutcomes
    public var carriedForward: Int
}

/// 本年度办理结果.
public struct RequestOutcomes: Sendable, Hashable {
    public var granted: Int
    public var partiallyGranted: Int
    public var denied: OutcomeCount
    public var unavailable: OutcomeCount
    public var notProcessed: OutcomeCount
    public var other: Int

    public var total: Int {
        granted + partiallyGranted + denied.total + unavailable.total + notProcessed.total + other
    }
}

/// An outcome given as one count or broken down by its reasons (in the national order).
public enum OutcomeCount: Sendable, Hashable {
    case count(Int)
    case reasons([ReasonCount])

    public var total: Int {
        switch self {
        case .count(let n): n
        case .reasons(let reasons): reasons.reduce(0) { $0 + $1.count }
        }
    }
}

public struct ReasonCount: Sendable, Hashable {
    public var key: String
    public var count: Int
}

/// The five counts of 行政复议 or of one kind of 行政诉讼.
public struct AppealCounts: Sendable, Hashable {
    public var upheld: Int
    public var corrected: Int
    public var other: Int
    public var pending: Int
    public var total: Int

    public var sumOfParts: Int { upheld + corrected + other + pending }
}

/// 行政诉讼: five counts, or counted apart as 未经复议直接起诉 and 复议后起诉.
public enum LawsuitCounts: Sendable, Hashable {
    case combined(AppealCounts)
    case split(direct: AppealCounts, afterReview: AppealCounts)
}

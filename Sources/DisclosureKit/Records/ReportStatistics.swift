/// The statistics of an annual disclosure report, in the shape of the national format's
/// tables (国办公开办函〔2021〕30号, sections 二 to 四).
public struct ReportStatistics: Sendable, Hashable, Codable {
    public var proactive: ProactiveStatistics
    public var requests: RequestStatistics
    public var reviews: AppealCounts
    public var lawsuits: LawsuitCounts
}

/// 二、主动公开政府信息情况: the four blocks of 第二十条第（一）（五）（六）（八）项.
public struct ProactiveStatistics: Sendable, Hashable, Codable {
    public var rules: DocumentCounts
    public var normativeDocuments: DocumentCounts
    public var licensing: Int
    public var penalties: Int
    public var coerciveMeasures: Int
    /// 行政事业性收费 本年收费金额（单位：万元）.
    public var fees: Amount
}

/// 本年制发件数 / 本年废止件数 / 现行有效件数, with where the first two are written (the
/// cross-check with the site's policies reports there).
public struct DocumentCounts: Sendable, Hashable, Codable {
    public var issued: Int
    public var repealed: Int
    public var inForce: Int
    public var issuedLocation = SourceLocation.fileStart
    public var repealedLocation = SourceLocation.fileStart
}

/// One row of table 三: the six applicant columns in the national order and their 总计.
public struct ApplicantCounts: Sendable, Hashable, Codable {
    /// The keys of the applicant columns, in the table's order.
    public static let columns = ["natural_person", "business", "research", "public_interest", "legal_services", "other"]
    /// Their labels as the national format prints them.
    public static let columnLabels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    /// Every column of a row as written: the six applicants, then 总计.
    public static let writtenLabels = columnLabels + ["总计"]

    /// Six counts, one per applicant column.
    public var byApplicant: [Int]
    public var total: Int

    public init(byApplicant: [Int], total: Int) {
        self.byApplicant = byApplicant
        self.total = total
    }

    public static let zero = ApplicantCounts(byApplicant: Array(repeating: 0, count: columns.count), total: 0)

    /// The seven numbers as the table prints them: the applicants, then 总计.
    public var cells: [Int] { byApplicant + [total] }

    public static func + (a: ApplicantCounts, b: ApplicantCounts) -> ApplicantCounts {
        ApplicantCounts(byApplicant: zip(a.byApplicant, b.byApplicant).map { $0 + $1 }, total: a.total + b.total)
    }
}

/// 三、收到和处理政府信息公开申请情况.
public struct RequestStatistics: Sendable, Hashable, Codable {
    /// 一、本年新收政府信息公开申请数量.
    public var received: ApplicantCounts
    /// 二、上年结转政府信息公开申请数量.
    public var carriedOver: ApplicantCounts
    /// 三、本年度办理结果.
    public var outcomes: RequestOutcomes
    /// 四、结转下年度继续办理.
    public var carriedForward: ApplicantCounts
}

/// 三、本年度办理结果: （一） to （六）, each of （三） to （六） by its reasons.
public struct RequestOutcomes: Sendable, Hashable, Codable {
    public var granted: ApplicantCounts
    public var partiallyGranted: ApplicantCounts
    public var denied: OutcomeReasons
    public var unavailable: OutcomeReasons
    public var notProcessed: OutcomeReasons
    public var other: OutcomeReasons

    /// （七）总计.
    public var total: ApplicantCounts {
        granted + partiallyGranted + denied.total + unavailable.total + notProcessed.total + other.total
    }
}

/// An outcome counted by its reasons, every reason of the national format in its order
/// (a reason not written counts 0).
public struct OutcomeReasons: Sendable, Hashable, Codable {
    public var reasons: [ReasonCount]

    public var total: ApplicantCounts { reasons.reduce(.zero) { $0 + $1.counts } }
}

public struct ReasonCount: Sendable, Hashable, Codable {
    public var key: String
    public var counts: ApplicantCounts
}

/// The five counts of 行政复议 or of one kind of 行政诉讼.
public struct AppealCounts: Sendable, Hashable, Codable {
    public var upheld: Int
    public var corrected: Int
    public var other: Int
    public var pending: Int
    public var total: Int

    public var sumOfParts: Int { upheld + corrected + other + pending }
    /// The five in the table's order.
    public var cells: [Int] { [upheld, corrected, other, pending, total] }
}

/// 行政诉讼: 未经复议直接起诉 and 复议后起诉.
public struct LawsuitCounts: Sendable, Hashable, Codable {
    public var direct: AppealCounts
    public var afterReview: AppealCounts
}

/// 有效性: what a policy's page, the catalog and the CSV/JSON say of it on the build's
/// as-of date. The record declares a status; a policy past its 有效期至 (`effective_until`)
/// is 失效 whatever it declares, except 废止, which stays 废止 (a repeal says more than an
/// expiry, and the repealing document is still listed).
public enum ValidityStatus: String, Sendable, Hashable, CaseIterable {
    case effective, expired, repealed, amended

    public var chineseName: String {
        switch self {
        case .effective: "有效"
        case .expired: "失效"
        case .repealed: "废止"
        case .amended: "已修改"
        }
    }

    /// The values `status:` accepts for each case, English first.
    public var spellings: [String] { [rawValue, chineseName] }
}

/// A policy's declared status and its dates, judged against an as-of date.
public struct ValidityTerms: Sendable, Hashable {
    public var declared: ValidityStatus
    /// 施行日期: shown, never judged (a policy not yet in force is still 有效 in the catalog).
    public var effectiveFrom: CalendarDate?
    /// 有效期至: the last day the policy is in force.
    public var effectiveUntil: CalendarDate?

    public init(declared: ValidityStatus, effectiveFrom: CalendarDate? = nil, effectiveUntil: CalendarDate? = nil) {
        self.declared = declared
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
    }

    /// The status shown on `asOf`.
    public func shown(asOf: CalendarDate) -> ValidityStatus {
        guard declared != .repealed, let until = effectiveUntil, asOf > until else { return declared }
        return .expired
    }

    /// The first day on which `shown(asOf:)` differs from the day before, when there is one:
    /// the day after 有效期至. The build cache keys what it carries over by this, not by the
    /// as-of date itself, so that a rebuild on another day redoes only what that day changed.
    public var changesOn: CalendarDate? {
        guard declared != .repealed, declared != .expired, let until = effectiveUntil else { return nil }
        return until.adding(days: 1)
    }
}

/// The as-of dates on which a build's output is the same as on one given date: between
/// the latest day on or before it on which some public policy's status changes, and the
/// next such day. A build whose inputs are unchanged and whose as-of date lies in the
/// previous build's window has nothing to do.
public struct AsOfWindow: Sendable, Hashable, Codable {
    /// Day numbers; nil for no bound.
    public var from: Int?
    public var before: Int?

    public init(from: Int? = nil, before: Int? = nil) {
        self.from = from
        self.before = before
    }

    /// The window around `asOf` given the days on which some status changes.
    public init(around asOf: CalendarDate, changes: some Sequence<CalendarDate>) {
        let day = asOf.dayNumber
        for change in changes {
            let number = change.dayNumber
            if number <= day {
                if from.map({ number > $0 }) ?? true { from = number }
            } else if before.map({ number < $0 }) ?? true {
                before = number
            }
        }
    }

    public func contains(_ date: CalendarDate) -> Bool {
        let day = date.dayNumber
        return (from.map { day >= $0 } ?? true) && (before.map { day < $0 } ?? true)
    }
}

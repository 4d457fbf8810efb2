import Foundation

/// What the rule set `report_statistics` reads of a record: the year and its tables.
public struct ReportDetails: Sendable, Hashable {
    public var year: Int
    public var statistics: ReportStatistics
}

/// The rule set `report_statistics`: the statistics balance (checked as they are read,
/// `StatisticsReader`) and the report is published by its deadline.
enum ReportStatisticsRules {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        ReportDeadline.check(input, &reader)
    }

    /// The lines `disclose new` writes below `statistics:`.
    static let skeleton = [
        "  requests:",
        "    received: 0           # 本年新收",
        "    carried_over: 0       # 上年结转",
        "    outcomes: {granted: 0, partially_granted: 0, denied: 0, unavailable: 0, not_processed: 0, other: 0}",
        "    carried_forward: 0    # 结转下年度继续办理",
        "  reviews: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}    # 行政复议",
        "  lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}   # 行政诉讼",
    ]

    static func details(_ record: Record) -> ReportDetails? {
        guard record.type.declaration.applies(.reportStatistics), let year = record.value("year").number,
              case .statistics(let statistics) = record.value("statistics") else { return nil }
        return ReportDetails(year: year, statistics: statistics)
    }
}

/// Reads `statistics:` and checks its identities (rule `report.statistics.balance`).
struct StatisticsReader {
    func read(_ map: FieldMapping, into reader: inout FieldReader) -> ReportStatistics? {
        reader.checkUnknownKeys(map, known: ["proactive", "requests", "reviews", "lawsuits"])
        var proactiveOK = true
        var proactive: ProactiveStatistics?
        if let p = reader.mapping(map, "proactive", required: false) {
            reader.checkUnknownKeys(p, known: ["rules", "normative_documents", "licensing", "penalties", "coercive_measures", "fees"])
            let before = reader.diagnostics.errorCount
            proactive = ProactiveStatistics(
                rules: documentCounts(p, "rules", &reader),
                normativeDocuments: documentCounts(p, "normative_documents", &reader),
                licensing: reader.integer(p, "licensing", required: false)?.value,
                penalties: reader.integer(p, "penalties", required: false)?.value,
                coerciveMeasures: reader.integer(p, "coercive_measures", required: false)?.value,
                fees: reader.amount(p, "fees", required: false)?.value)
            proactiveOK = reader.diagnostics.errorCount == before
        }
        var requests: RequestStatistics?
        if let m = reader.mapping(map, "requests", required: true) { requests = requestStatistics(m, &reader) }
        var reviews: AppealCounts?
        if let m = reader.mapping(map, "reviews", required: true) { reviews = appealCounts(m, &reader) }
        var lawsuits: LawsuitCounts?
        if let l = reader.mapping(map, "lawsuits", required: true) {
            if l.entry("direct") != nil || l.entry("after_review") != nil {
                reader.checkUnknownKeys(l, known: ["direct", "after_review"])
                var direct: AppealCounts?
                var after: AppealCounts?
                if let m = reader.mapping(l, "direct", required: true) { direct = appealCounts(m, &reader) }
                if let m = reader.mapping(l, "after_review", required: true) { after = appealCounts(m, &reader) }
                if let direct, let after { lawsuits = .split(direct: direct, afterReview: after) }
            } else if let counts = appealCounts(l, &reader) {
                lawsuits = .combined(counts)
            }
        }
        guard proactiveOK, let requests, let reviews, let lawsuits else { return nil }
        return ReportStatistics(proactive: proactive, requests: requests, reviews: reviews, lawsuits: lawsuits)
    }

    func documentCounts(_ map: FieldMapping, _ key: String, _ reader: inout FieldReader) -> DocumentCounts? {
        guard let m = reader.mapping(map, key, required: false) else { return nil }
        reader.checkUnknownKeys(m, known: ["issued", "repealed", "in_force"])
        let issued = reader.integer(m, "issued", required: true)
        let repealed = reader.integer(m, "repealed", required: true)
        let inForce = reader.integer(m, "in_force", required: true)
        guard let issued, let repealed, let inForce else { return nil }
        return DocumentCounts(issued: issued.value, repealed: repealed.value, inForce: inForce.value)
    }

    func requestStatistics(_ map: FieldMapping, _ reader: inout FieldReader) -> RequestStatistics? {
        reader.checkUnknownKeys(map, known: ["received", "carried_over", "outcomes", "carried_forward"])
        let received = reader.integer(map, "received", required: true)
        let carriedOver = reader.integer(map, "carried_over", required: true)
        var outcomes: RequestOutcomes?
        if let m = reader.mapping(map, "outcomes", required: true) { outcomes = requestOutcomes(m, &reader) }
        let carriedForward = reader.integer(map, "carried_forward", required: true)
        guard let received, let carriedOver, let outcomes, let carriedForward else { return nil }
        let incoming = received.value + carriedOver.value
        let handled = outcomes.total + carriedForward.value
        if incoming != handled {
            reader.report(.reportStatisticsBalance, map.anchor, field: map.path,
                          "requests do not balance: received \(received.value) + carried_over \(carriedOver.value) = \(incoming), but the outcomes \(outcomes.total) + carried_forward \(carriedForward.value) = \(handled) (本年新收 + 上年结转 must equal 办理结果 + 结转下年度)")
            return nil
        }
        return RequestStatistics(received: received.value, carriedOver: carriedOver.value, outcomes: outcomes,
                                 carriedForward: carriedForward.value)
    }

    func requestOutcomes(_ map: FieldMapping, _ reader: inout FieldReader) -> RequestOutcomes? {
        reader.checkUnknownKeys(map, known: ["granted", "partially_granted", "denied", "unavailable", "not_processed", "other"])
        let granted = reader.integer(map, "granted", required: true)
        let partially = reader.integer(map, "partially_granted", required: true)
        let denied = outcomeCount(map, "denied", reasons: Glossary.deniedReasons, &reader)
        let unavailable = outcomeCount(map, "unavailable", reasons: Glossary.unavailableReasons, &reader)
        let notProcessed = outcomeCount(map, "not_processed", reasons: Glossary.notProcessedReasons, &reader)
        let other = reader.integer(map, "other", required: true)
        guard let granted, let partially, let denied, let unavailable, let notProcessed, let other else { return nil }
        return RequestOutcomes(granted: granted.value, partiallyGranted: partially.value, denied: denied,
                               unavailable: unavailable, notProcessed: notProcessed, other: other.value)
    }

    /// A count, or a mapping of reasons (a reason left out counts 0).
    func outcomeCount(_ map: FieldMapping, _ key: String, reasons: [String], _ reader: inout FieldReader) -> OutcomeCount? {
        if case .mapping = map.entry(key)?.value.value {
            guard let m = reader.mapping(map, key, required: true) else { return nil }
            reader.checkUnknownKeys(m, known: reasons)
            var counts: [ReasonCount] = []
            var ok = true
            for reason in reasons {
                if m.entry(reason) == nil {
                    counts.append(ReasonCount(key: reason, count: 0))
                } else if let n = reader.integer(m, reason, required: true) {
                    counts.append(ReasonCount(key: reason, count: n.value))
                } else {
                    ok = false
                }
            }
            return ok ? .reasons(counts) : nil
        }
        return reader.integer(map, key, required: true).map { .count($0.value) }
    }

    func appealCounts(_ map: FieldMapping, _ reader: inout FieldReader) -> AppealCounts? {
        reader.checkUnknownKeys(map, known: ["upheld", "corrected", "other", "pending", "total"])
        let upheld = reader.integer(map, "upheld", required: true)
        let corrected = reader.integer(map, "corrected", required: true)
        let other = reader.integer(map, "other", required: true)
        let pending = reader.integer(map, "pending", required: true)
        let total = reader.integer(map, "total", required: true)
        guard let upheld, let corrected, let other, let pending, let total else { return nil }
        let counts = AppealCounts(upheld: upheld.value, corrected: corrected.value, other: other.value,
                                  pending: pending.value, total: total.value)
        if counts.sumOfParts != counts.total {
            reader.report(.reportStatisticsBalance, total.location, field: map.path("total"),
                          "\(reader.labels.quoted(map.path))'s total \(counts.total) is not upheld + corrected + other + pending = \(counts.sumOfParts)")
            return nil
        }
        return counts
    }
}

/// Reads `statistics:` in the national format's shape and checks every identity of its
/// tables as it reads (rule `report.statistics.balance`), each at the value that breaks it:
/// a row's 总计 is the sum of its six applicant columns; a group's `total`, when written,
/// is the sum of its reasons per column, and so is （七）总计 of the outcomes; per column,
/// 本年新收 + 上年结转 = 办理结果总计 + 结转下年度; each 总计 of table 四 is the sum of its four.
/// Statistics in the shape before the applicant columns are refused with the command that
/// migrates them (`report.statistics.shape`).
struct StatisticsReader {
    /// How a row of table 三 is written: seven whole numbers in the table's column order.
    static let rowForm = "[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]"

    func read(_ map: FieldMapping, into reader: inout FieldReader) -> ReportStatistics? {
        if Self.isEarlierShape(map) {
            reader.report(.reportStatisticsShape, map.anchor, field: map.path,
                          Phrase("统计数据仍是全国统一格式增加申请人列（国办公开办函〔2021〕30号）之前的形式；请运行 'disclose migrate-report FILE' 改写，所有数字都会保留", en: "statistics are in the shape before the national format's applicant columns (国办公开办函〔2021〕30号); run 'disclose migrate-report FILE' to rewrite them, every number kept"))
            return nil
        }
        reader.checkUnknownKeys(map, known: ["proactive", "requests", "reviews", "lawsuits"])
        var proactive: ProactiveStatistics?
        if let m = reader.mapping(map, "proactive", required: true) { proactive = proactiveStatistics(m, &reader) }
        var requests: RequestStatistics?
        if let m = reader.mapping(map, "requests", required: true) { requests = requestStatistics(m, &reader) }
        var reviews: AppealCounts?
        if let m = reader.mapping(map, "reviews", required: true) { reviews = appealCounts(m, &reader) }
        var lawsuits: LawsuitCounts?
        if let l = reader.mapping(map, "lawsuits", required: true) {
            reader.checkUnknownKeys(l, known: ["direct", "after_review"])
            var direct: AppealCounts?
            var after: AppealCounts?
            if let m = reader.mapping(l, "direct", required: true) { direct = appealCounts(m, &reader) }
            if let m = reader.mapping(l, "after_review", required: true) { after = appealCounts(m, &reader) }
            if let direct, let after { lawsuits = LawsuitCounts(direct: direct, afterReview: after) }
        }
        guard let proactive, let requests, let reviews, let lawsuits else { return nil }
        return ReportStatistics(proactive: proactive, requests: requests, reviews: reviews, lawsuits: lawsuits)
    }

    /// True for the shape `disclose migrate-report` rewrites: a count where a row of
    /// columns belongs (`received: 46`), or 行政诉讼 as one set of five (recognised by any
    /// of its five keys, so a set written without `total` is not taken for something else).
    static func isEarlierShape(_ map: FieldMapping) -> Bool {
        if let requests = map.entry("requests"), case .mapping(let entries) = requests.value.value,
           let received = entries.first(where: { $0.key == "received" }), case .scalar = received.value.value,
           !received.value.isNull {
            return true
        }
        if let lawsuits = map.entry("lawsuits"), case .mapping(let entries) = lawsuits.value.value,
           entries.contains(where: { ["upheld", "corrected", "other", "pending", "total"].contains($0.key) }) {
            return true
        }
        return false
    }

    func proactiveStatistics(_ map: FieldMapping, _ reader: inout FieldReader) -> ProactiveStatistics? {
        reader.checkUnknownKeys(map, known: ["rules", "normative_documents", "licensing", "penalties", "coercive_measures", "fees"])
        let rules = documentCounts(map, "rules", &reader)
        let normative = documentCounts(map, "normative_documents", &reader)
        let licensing = reader.integer(map, "licensing", required: true)
        let penalties = reader.integer(map, "penalties", required: true)
        let coercive = reader.integer(map, "coercive_measures", required: true)
        var fees = reader.amount(map, "fees", required: true)
        // 万元 to two places is the format's precision (百元): a third place is a figure in
        // 元 or a slip, and the table would print it as written.
        if let written = fees, let point = written.value.text.firstIndex(of: "."),
           written.value.text[written.value.text.index(after: point)...].count > 2 {
            reader.report(reader.range, written.location, field: map.path("fees"),
                          Phrase("'\(map.path("fees"))'（行政事业性收费 本年收费金额，万元）为 \(written.value.text)；请与全国统一格式一样，最多保留两位小数（万元）", en: "'\(map.path("fees"))' (行政事业性收费 本年收费金额, 万元) is \(written.value.text); write it to at most two decimal places (万元), as the national format does"))
            fees = nil
        }
        guard let rules, let normative, let licensing, let penalties, let coercive, let fees else { return nil }
        return ProactiveStatistics(rules: rules, normativeDocuments: normative, licensing: licensing.value,
                                   penalties: penalties.value, coerciveMeasures: coercive.value, fees: fees.value)
    }

    func documentCounts(_ map: FieldMapping, _ key: String, _ reader: inout FieldReader) -> DocumentCounts? {
        guard let m = reader.mapping(map, key, required: true) else { return nil }
        reader.checkUnknownKeys(m, known: ["issued", "repealed", "in_force"])
        let issued = reader.integer(m, "issued", required: true)
        let repealed = reader.integer(m, "repealed", required: true)
        let inForce = reader.integer(m, "in_force", required: true)
        guard let issued, let repealed, let inForce else { return nil }
        return DocumentCounts(issued: issued.value, repealed: repealed.value, inForce: inForce.value,
                              issuedLocation: issued.location, repealedLocation: repealed.location)
    }

    /// A row of table 三 as read, with where each of its seven numbers is written.
    struct Row {
        var counts: ApplicantCounts
        var locations: [SourceLocation]
        var anchor: SourceLocation
    }

    /// `key: [seven whole numbers]`; its 总计 must be the sum of the six columns.
    func row(_ map: FieldMapping, _ key: String, required: Bool, _ reader: inout FieldReader) -> Row? {
        let path = map.path(key)
        guard let (items, location) = reader.list(map, key, required: required) else { return nil }
        let width = ApplicantCounts.writtenLabels.count
        guard items.count == width else {
            reader.report(.reportStatisticsShape, location, field: path,
                          Phrase("\(reader.labels.quotedZh(path)) 必须是一行 \(width) 个整数 \(Self.rowForm)，不能是 \(items.count) 个", en: "\(reader.labels.quoted(path)) must be a row of \(width) whole numbers \(Self.rowForm), not \(items.count)"))
            return nil
        }
        var values: [Int] = []
        for (column, item) in items.enumerated() {
            let itemPath = "\(path)[\(ApplicantCounts.writtenLabels[column])]"
            guard let text = reader.scalarText(item, path: itemPath, expected: Phrase("整数", en: "a whole number")) else { continue }
            guard let value = FieldReader.parseInteger(text), (0...FieldReader.maximumWholeNumber).contains(value) else {
                if FieldReader.isSignedDigits(text.trimmed) {
                    reader.report(.recordRange, item.location, field: path,
                                  Phrase("\(reader.labels.quotedZh(path)) 的 \(ApplicantCounts.writtenLabels[column]) 列必须在 0 至 \(FieldReader.maximumWholeNumber) 之间，不能是 \(text.trimmed)", en: "\(reader.labels.quoted(path)) column \(ApplicantCounts.writtenLabels[column]) must be between 0 and \(FieldReader.maximumWholeNumber), not \(text.trimmed)"))
                } else {
                    reader.report(.recordType, item.location, field: path,
                                  Phrase("\(reader.labels.quotedZh(path)) 的 \(ApplicantCounts.writtenLabels[column]) 列必须是整数，不能是 '\(text)'", en: "\(reader.labels.quoted(path)) column \(ApplicantCounts.writtenLabels[column]) must be a whole number, not '\(text)'"))
                }
                continue
            }
            values.append(value)
        }
        guard values.count == width else { return nil }
        let counts = ApplicantCounts(byApplicant: Array(values.prefix(width - 1)), total: values[width - 1])
        let sum = counts.byApplicant.reduce(0, +)
        if sum != counts.total {
            reader.report(.reportStatisticsBalance, items[width - 1].location, field: path,
                          Phrase("\(reader.labels.quotedZh(path))：总计 \(counts.total) 不等于各申请人列之和 \(counts.byApplicant.map(String.init).joined(separator: " + ")) = \(sum)", en: "\(reader.labels.quoted(path)): 总计 \(counts.total) is not the sum of the applicant columns \(counts.byApplicant.map(String.init).joined(separator: " + ")) = \(sum)"))
            return nil
        }
        let anchor = map.entry(key)?.keyLocation ?? location
        return Row(counts: counts, locations: items.map(\.location), anchor: anchor)
    }

    func requestStatistics(_ map: FieldMapping, _ reader: inout FieldReader) -> RequestStatistics? {
        reader.checkUnknownKeys(map, known: ["received", "carried_over", "outcomes", "carried_forward"])
        let received = row(map, "received", required: true, &reader)
        let carriedOver = row(map, "carried_over", required: true, &reader)
        var outcomes: RequestOutcomes?
        if let m = reader.mapping(map, "outcomes", required: true) { outcomes = requestOutcomes(m, &reader) }
        let carriedForward = row(map, "carried_forward", required: true, &reader)
        guard let received, let carriedOver, let outcomes, let carriedForward else { return nil }
        var balanced = true
        let handledTotal = outcomes.total
        // 总计 is the sum of the columns (each row is checked for it), so it balances when
        // they all do: a broken applicant column is reported alone, not twice.
        for column in ApplicantCounts.writtenLabels.indices where balanced || column < ApplicantCounts.columns.count {
            let incoming = received.counts.cells[column] + carriedOver.counts.cells[column]
            let handled = handledTotal.cells[column] + carriedForward.counts.cells[column]
            guard incoming != handled else { continue }
            balanced = false
            reader.report(.reportStatisticsBalance, carriedForward.locations[column], field: map.path("carried_forward"),
                          Phrase("\(ApplicantCounts.writtenLabels[column]) 列不平衡：本年新收 \(received.counts.cells[column]) + 上年结转 \(carriedOver.counts.cells[column]) = \(incoming)，而 办理结果总计 \(handledTotal.cells[column]) + 结转下年度继续办理 \(carriedForward.counts.cells[column]) = \(handled)（两者必须相等）", en: "column \(ApplicantCounts.writtenLabels[column]) does not balance: 本年新收 \(received.counts.cells[column]) + 上年结转 \(carriedOver.counts.cells[column]) = \(incoming), but 办理结果总计 \(handledTotal.cells[column]) + 结转下年度继续办理 \(carriedForward.counts.cells[column]) = \(handled) (the two must be equal)"))
        }
        guard balanced else { return nil }
        return RequestStatistics(received: received.counts, carriedOver: carriedOver.counts, outcomes: outcomes,
                                 carriedForward: carriedForward.counts)
    }

    func requestOutcomes(_ map: FieldMapping, _ reader: inout FieldReader) -> RequestOutcomes? {
        reader.checkUnknownKeys(map, known: ["granted", "partially_granted", "denied", "unavailable", "not_processed", "other", "total"])
        let granted = row(map, "granted", required: true, &reader)
        let partially = row(map, "partially_granted", required: true, &reader)
        let denied = reasons(map, "denied", Glossary.deniedReasons, &reader)
        let unavailable = reasons(map, "unavailable", Glossary.unavailableReasons, &reader)
        let notProcessed = reasons(map, "not_processed", Glossary.notProcessedReasons, &reader)
        let other = reasons(map, "other", Glossary.otherOutcomeReasons, &reader)
        let written = row(map, "total", required: false, &reader)
        guard let granted, let partially, let denied, let unavailable, let notProcessed, let other else { return nil }
        let outcomes = RequestOutcomes(granted: granted.counts, partiallyGranted: partially.counts, denied: denied,
                                       unavailable: unavailable, notProcessed: notProcessed, other: other)
        if let written, !checkTotal(written, computed: outcomes.total, path: map.path("total"),
                                    of: Phrase("（一）至（六）", en: "（一） to （六）"), &reader) {
            return nil
        }
        return outcomes
    }

    /// An outcome's reasons, each a row; a reason left out counts 0. A `total:` row, when
    /// written, must be their sum in every column.
    func reasons(_ map: FieldMapping, _ key: String, _ known: [String], _ reader: inout FieldReader) -> OutcomeReasons? {
        guard let m = reader.mapping(map, key, required: true) else { return nil }
        reader.checkUnknownKeys(m, known: known + ["total"])
        var counts: [ReasonCount] = []
        var ok = true
        for reason in known {
            if m.entry(reason) == nil {
                counts.append(ReasonCount(key: reason, counts: .zero))
            } else if let read = row(m, reason, required: true, &reader) {
                counts.append(ReasonCount(key: reason, counts: read.counts))
            } else {
                ok = false
            }
        }
        let written = row(m, "total", required: false, &reader)
        guard ok else { return nil }
        let outcome = OutcomeReasons(reasons: counts)
        if let written, !checkTotal(written, computed: outcome.total, path: m.path("total"), of: Phrase("各项理由", en: "its reasons"), &reader) {
            return nil
        }
        return outcome
    }

    /// A written total against the sum it stands for, column by column.
    func checkTotal(_ written: Row, computed: ApplicantCounts, path: String, of parts: Phrase, _ reader: inout FieldReader) -> Bool {
        var ok = true
        for column in ApplicantCounts.writtenLabels.indices where written.counts.cells[column] != computed.cells[column] {
            ok = false
            reader.report(.reportStatisticsBalance, written.locations[column], field: path,
                          Phrase("\(reader.labels.quotedZh(path)) 的 \(ApplicantCounts.writtenLabels[column]) 列为 \(written.counts.cells[column])，但\(parts.zh)之和为 \(computed.cells[column])",
                                 en: "\(reader.labels.quoted(path)) column \(ApplicantCounts.writtenLabels[column]) is \(written.counts.cells[column]), but the sum of \(parts.en) is \(computed.cells[column])"))
        }
        return ok
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
                          Phrase("\(reader.labels.quotedZh(map.path)) 的总计 \(counts.total) 不等于 结果维持 \(counts.upheld) + 结果纠正 \(counts.corrected) + 其他结果 \(counts.other) + 尚未审结 \(counts.pending) = \(counts.sumOfParts)", en: "\(reader.labels.quoted(map.path))'s 总计 \(counts.total) is not 结果维持 \(counts.upheld) + 结果纠正 \(counts.corrected) + 其他结果 \(counts.other) + 尚未审结 \(counts.pending) = \(counts.sumOfParts)"))
            return nil
        }
        return counts
    }
}

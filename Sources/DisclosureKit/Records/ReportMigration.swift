/// `disclose migrate-report`: rewrites an annual report's `statistics:` from the shape
/// before the national format's applicant columns into that format
/// (`ReportStatisticsWriter`), every number kept, and says where a number had to be put
/// for want of a place in the earlier shape:
/// - a count of table 三 had no applicant columns: it goes to 自然人 (and 总计);
/// - an outcome of （三） to （五） given as one count had no reasons: it becomes that
///   outcome's `total:` row, which `check` refuses (`report.statistics.balance`) until the
///   author spreads it over the reasons — a number the tool cannot place is never guessed;
/// - （六）其他处理 was one count: it goes to its reason 3.其他;
/// - 行政诉讼 as one set of five goes to 未经复议直接起诉;
/// - a figure of table 二 not given is written as 0.
/// Nothing else of the file changes: the lines of `statistics:` are replaced in place.
public enum ReportMigration {
    public struct Outcome: Sendable {
        /// The whole file, rewritten; nil when there was nothing to do or it could not be done.
        public var text: String?
        /// What was done, or why not: one line each, for the author.
        public var notes: [Phrase]
        /// True when the file could not be migrated (nothing is written).
        public var failed: Bool
    }

    public static func migrate(_ original: String) -> Outcome {
        // A byte order mark (Notepad's) is read past, as the build reads past it, and kept.
        let mark = original.unicodeScalars.first == "\u{FEFF}" ? "\u{FEFF}" : ""
        let unmarked = mark.isEmpty ? original : String(original.unicodeScalars.dropFirst())
        let crlf = unmarked.contains("\r\n")
        let text = crlf ? unmarked.replacingOccurrences(of: "\r\n", with: "\n") : unmarked
        func failure(_ note: Phrase) -> Outcome { Outcome(text: nil, notes: [note], failed: true) }
        guard case .success(let split) = FrontMatterSplitter.split(text) else {
            return failure(Phrase("'---' 行之间没有前置信息；请先对它运行 'disclose check'", en: "no front matter between '---' lines; run 'disclose check' on it"))
        }
        guard case .success(let root) = FrontMatterReader.read(split.yaml, firstLine: split.yamlFirstLine),
              case .mapping(let top) = root.value else {
            return failure(Phrase("无法读取前置信息；请先对它运行 'disclose check'", en: "the front matter cannot be read; run 'disclose check' on it"))
        }
        guard let entry = top.first(where: { $0.key == "statistics" }), case .mapping(let statistics) = entry.value.value else {
            return failure(Phrase("没有可改写的 'statistics:' 映射", en: "there is no 'statistics:' mapping to migrate"))
        }
        let map = FieldMapping(entries: statistics, path: "statistics", anchor: entry.keyLocation)
        guard StatisticsReader.isEarlierShape(map) else {
            return Outcome(text: nil, notes: [Phrase("'statistics' 已是全国统一格式，无需改写", en: "'statistics' is already in the national format; nothing to do")], failed: false)
        }
        var reader = EarlierShape(notes: [])
        guard let migrated = reader.statistics(statistics) else {
            return Outcome(text: nil, notes: reader.problems, failed: true)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = entry.keyLocation.line - 1
        let last = lastLine(entry.value) - 1
        guard lines.indices.contains(first), lines.indices.contains(last), first <= last,
              lines[first].hasPrefix("statistics:") else {
            return failure(Phrase("'statistics:' 必须在前置信息的最外层独占一行开头", en: "'statistics:' must start a line of its own at the top level of the front matter"))
        }
        let written = ["statistics:"] + ReportStatisticsWriter.lines(migrated.statistics, writtenTotals: migrated.writtenTotals)
        lines.replaceSubrange(first...last, with: written)
        // Read as the build reads it (CRLF as LF); written back with the file's own line ends.
        return Outcome(text: mark + lines.joined(separator: crlf ? "\r\n" : "\n"), notes: reader.notes, failed: false)
    }

    /// The last line a node's text reaches (its own or a nested key's or value's).
    static func lastLine(_ node: YAMLNode) -> Int {
        switch node.value {
        case .scalar: return node.location.line
        case .sequence(let items): return items.map(lastLine).max() ?? node.location.line
        case .mapping(let entries):
            return entries.map { max($0.keyLocation.line, lastLine($0.value)) }.max() ?? node.location.line
        }
    }

    /// Reads the earlier shape without judging it (its identities were checked when it was
    /// current; the migrated statistics are checked by `check`).
    struct EarlierShape {
        var notes: [Phrase]
        var problems: [Phrase] = []

        struct Migrated {
            var statistics: ReportStatistics
            var writtenTotals: [String: ApplicantCounts]
        }

        mutating func number(_ entries: [YAMLEntry], _ key: String, path: String) -> Int? {
            guard let node = entries.first(where: { $0.key == key })?.value, !node.isNull else { return nil }
            guard case .scalar(let text, _) = node.value, let value = FieldReader.parseInteger(text), value >= 0 else {
                problems.append(Phrase("第 \(node.location.line) 行：'\(path).\(key)' 不是整数；请先改正", en: "line \(node.location.line): '\(path).\(key)' is not a whole number; correct it first"))
                return nil
            }
            return value
        }

        mutating func mapping(_ entries: [YAMLEntry], _ key: String) -> [YAMLEntry]? {
            guard let node = entries.first(where: { $0.key == key })?.value, case .mapping(let inner) = node.value else { return nil }
            return inner
        }

        /// A part of the earlier shape that holds figures: a mapping, or absent. Anything else
        /// there (a number, a list) would be lost, so the file is refused.
        mutating func section(_ entries: [YAMLEntry], _ key: String, path: String) -> [YAMLEntry] {
            guard let node = entries.first(where: { $0.key == key })?.value, !node.isNull else { return [] }
            guard case .mapping(let inner) = node.value else {
                problems.append(Phrase("第 \(node.location.line) 行：'\(path).\(key)' 必须是由各项数字组成的映射；请先改正", en: "line \(node.location.line): '\(path).\(key)' must be a mapping of counts; correct it first"))
                return []
            }
            return inner
        }

        /// A key the earlier shape did not have (a misspelling, a figure of another form) would
        /// be dropped with its number: the file is refused, naming the key and its line.
        mutating func refuseUnknown(_ entries: [YAMLEntry], known: [String], path: String) {
            for entry in entries where !known.contains(entry.key) {
                problems.append(Phrase("第 \(entry.keyLocation.line) 行：'\(path).\(entry.key)' 不是旧版统计数据的字段（应为 \(known.joined(separator: ", ")) 之一）；它的数字会丢失，请先改正", en: "line \(entry.keyLocation.line): '\(path).\(entry.key)' is not a key of the earlier statistics (expected one of \(known.joined(separator: ", "))); its number would be lost, so correct it first"))
            }
        }

        static func natural(_ n: Int) -> ApplicantCounts {
            ApplicantCounts(byApplicant: [n] + Array(repeating: 0, count: ApplicantCounts.columns.count - 1), total: n)
        }

        mutating func statistics(_ s: [YAMLEntry]) -> Migrated? {
            var zeroed: [String] = []
            func given(_ value: Int?, _ name: String) -> Int {
                if value == nil { zeroed.append(name) }
                return value ?? 0
            }
            refuseUnknown(s, known: ["proactive", "requests", "reviews", "lawsuits"], path: "statistics")
            let p = section(s, "proactive", path: "statistics")
            refuseUnknown(p, known: ["rules", "normative_documents", "licensing", "penalties", "coercive_measures", "fees"],
                          path: "statistics.proactive")
            func documents(_ key: String, _ name: String) -> DocumentCounts {
                let m = section(p, key, path: "statistics.proactive")
                refuseUnknown(m, known: ["issued", "repealed", "in_force"], path: "statistics.proactive.\(key)")
                return DocumentCounts(issued: given(number(m, "issued", path: "statistics.proactive.\(key)"), "\(name) 本年制发件数"),
                                      repealed: given(number(m, "repealed", path: "statistics.proactive.\(key)"), "\(name) 本年废止件数"),
                                      inForce: given(number(m, "in_force", path: "statistics.proactive.\(key)"), "\(name) 现行有效件数"))
            }
            let rules = documents("rules", "规章")
            let normative = documents("normative_documents", "行政规范性文件")
            let licensing = given(number(p, "licensing", path: "statistics.proactive"), "行政许可")
            let penalties = given(number(p, "penalties", path: "statistics.proactive"), "行政处罚")
            let coercive = given(number(p, "coercive_measures", path: "statistics.proactive"), "行政强制")
            var fees = Amount(value: 0, text: "0")
            if let node = p.first(where: { $0.key == "fees" })?.value, case .scalar(let text, _) = node.value, !node.isNull {
                guard let value = FieldReader.parseDecimal(text.trimmed), value >= 0 else {
                    problems.append(Phrase("第 \(node.location.line) 行：'statistics.proactive.fees' 不是数字；请先改正", en: "line \(node.location.line): 'statistics.proactive.fees' is not a number; correct it first"))
                    return nil
                }
                fees = Amount(value: value, text: text.trimmed)
            } else {
                zeroed.append("行政事业性收费")
            }

            let r = section(s, "requests", path: "statistics")
            refuseUnknown(r, known: ["received", "carried_over", "outcomes", "carried_forward"], path: "statistics.requests")
            let o = section(r, "outcomes", path: "statistics.requests")
            refuseUnknown(o, known: ["granted", "partially_granted", "denied", "unavailable", "not_processed", "other", "total"],
                          path: "statistics.requests.outcomes")
            func count(_ entries: [YAMLEntry], _ key: String, _ path: String) -> Int {
                number(entries, key, path: path) ?? 0
            }
            var writtenTotals: [String: ApplicantCounts] = [:]
            func reasons(_ key: String, _ known: [String]) -> OutcomeReasons {
                var counts = known.map { ReasonCount(key: $0, counts: .zero) }
                if let m = mapping(o, key) {
                    for (index, reason) in known.enumerated() {
                        counts[index].counts = Self.natural(count(m, reason, "statistics.requests.outcomes.\(key)"))
                    }
                    for unknown in m where !known.contains(unknown.key) {
                        problems.append(Phrase("第 \(unknown.keyLocation.line) 行：'statistics.requests.outcomes.\(key).\(unknown.key)' 不是全国统一格式中的理由；请先改正", en: "line \(unknown.keyLocation.line): 'statistics.requests.outcomes.\(key).\(unknown.key)' is not a reason of the national format; correct it first"))
                    }
                } else if let total = number(o, key, path: "statistics.requests.outcomes"), total > 0 {
                    writtenTotals[key] = Self.natural(total)
                    notes.append(Phrase("'outcomes.\(key)'（\(Glossary.chinese(key) ?? key)）原为一个数字 \(total)，没有分列理由：已写为其 'total:' 行；请把它分到各项理由，否则 'disclose check' 会报告差额", en: "'outcomes.\(key)' (\(Glossary.chinese(key) ?? key)) was one count, \(total), without its reasons: it is written as its 'total:' row; spread it over the reasons, or 'disclose check' reports the difference"))
                }
                return OutcomeReasons(reasons: counts)
            }
            let denied = reasons("denied", Glossary.deniedReasons)
            let unavailable = reasons("unavailable", Glossary.unavailableReasons)
            let notProcessed = reasons("not_processed", Glossary.notProcessedReasons)
            var other = OutcomeReasons(reasons: Glossary.otherOutcomeReasons.map { ReasonCount(key: $0, counts: .zero) })
            let otherCount = count(o, "other", "statistics.requests.outcomes")
            other.reasons[Glossary.otherOutcomeReasons.count - 1].counts = Self.natural(otherCount)
            if otherCount > 0 {
                notes.append(Phrase("'outcomes.other'（其他处理）\(otherCount) 已写在其理由 3.其他 下", en: "'outcomes.other' (其他处理) \(otherCount) is written under its reason 3.其他"))
            }
            let outcomes = RequestOutcomes(granted: Self.natural(count(o, "granted", "statistics.requests.outcomes")),
                                           partiallyGranted: Self.natural(count(o, "partially_granted", "statistics.requests.outcomes")),
                                           denied: denied, unavailable: unavailable, notProcessed: notProcessed, other: other)
            // （七）总计 as the earlier shape counted it, the counts without reasons included.
            let computedTotal = writtenTotals.values.reduce(outcomes.total, +)
            if !writtenTotals.isEmpty { writtenTotals["outcomes"] = computedTotal }
            if let authorsTotal = number(o, "total", path: "statistics.requests.outcomes"), authorsTotal != computedTotal.total,
               let line = o.first(where: { $0.key == "total" })?.value.location.line {
                // Neither number is dropped in silence: the author says which one is right.
                problems.append(Phrase("第 \(line) 行：'statistics.requests.outcomes.total' 为 \(authorsTotal)，但各项处理结果之和为 \(computedTotal.total)；请先改正总计或各项处理结果", en: "line \(line): 'statistics.requests.outcomes.total' is \(authorsTotal) but the outcomes add up to \(computedTotal.total); correct the total or the outcomes first"))
            }
            let requests = RequestStatistics(received: Self.natural(count(r, "received", "statistics.requests")),
                                             carriedOver: Self.natural(count(r, "carried_over", "statistics.requests")),
                                             outcomes: outcomes,
                                             carriedForward: Self.natural(count(r, "carried_forward", "statistics.requests")))
            notes.append(Phrase("三、收到和处理政府信息公开申请情况 的数字原来没有申请人分栏：均已写在 自然人（及总计）下；请把来自法人或其他组织的数字移到相应的栏", en: "the counts of 三、收到和处理政府信息公开申请情况 had no applicant columns: each is written under 自然人 (and 总计); move what came from 法人或其他组织 to its column"))

            func appeal(_ entries: [YAMLEntry], _ path: String) -> AppealCounts {
                let upheld = count(entries, "upheld", path), corrected = count(entries, "corrected", path)
                let other = count(entries, "other", path), pending = count(entries, "pending", path)
                // A set written without its 总计 gets the sum of its four, which is what it counts.
                let total = number(entries, "total", path: path) ?? (upheld + corrected + other + pending)
                return AppealCounts(upheld: upheld, corrected: corrected, other: other, pending: pending, total: total)
            }
            let appealKeys = ["upheld", "corrected", "other", "pending", "total"]
            let reviewEntries = section(s, "reviews", path: "statistics")
            refuseUnknown(reviewEntries, known: appealKeys, path: "statistics.reviews")
            let reviews = appeal(reviewEntries, "statistics.reviews")
            let l = section(s, "lawsuits", path: "statistics")
            let lawsuits: LawsuitCounts
            // One set of five is recognised by any of its keys, so no count of it goes unread.
            if l.contains(where: { appealKeys.contains($0.key) }) {
                refuseUnknown(l, known: appealKeys, path: "statistics.lawsuits")
                lawsuits = LawsuitCounts(direct: appeal(l, "statistics.lawsuits"), afterReview: AppealCounts(upheld: 0, corrected: 0, other: 0, pending: 0, total: 0))
                notes.append(Phrase("行政诉讼 原作为一项统计：已写在 未经复议直接起诉 下；请把复议后起诉的数字移到 'after_review'", en: "行政诉讼 was counted as one: it is written under 未经复议直接起诉; move what was 复议后起诉 to 'after_review'"))
            } else {
                refuseUnknown(l, known: ["direct", "after_review"], path: "statistics.lawsuits")
                let direct = section(l, "direct", path: "statistics.lawsuits")
                let afterReview = section(l, "after_review", path: "statistics.lawsuits")
                refuseUnknown(direct, known: appealKeys, path: "statistics.lawsuits.direct")
                refuseUnknown(afterReview, known: appealKeys, path: "statistics.lawsuits.after_review")
                lawsuits = LawsuitCounts(direct: appeal(direct, "statistics.lawsuits.direct"),
                                         afterReview: appeal(afterReview, "statistics.lawsuits.after_review"))
            }
            if !zeroed.isEmpty {
                notes.append(Phrase("表二没有给出 \(zeroed.joined(separator: "、"))：已写为 0；请填入实际数字", en: "table 二 did not give \(zeroed.joined(separator: "、")): written as 0; put in the real figures"))
            }
            guard problems.isEmpty else { return nil }
            return Migrated(statistics: ReportStatistics(
                proactive: ProactiveStatistics(rules: rules, normativeDocuments: normative, licensing: licensing, penalties: penalties,
                                               coerciveMeasures: coercive, fees: fees),
                requests: requests, reviews: reviews, lawsuits: lawsuits), writtenTotals: writtenTotals)
        }
    }
}

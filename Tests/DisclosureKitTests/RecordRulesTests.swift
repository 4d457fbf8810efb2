import Testing
@testable import DisclosureKit

/// One broken variant of a valid sample and the rule it must trip.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    var type: RecordType
    var old: String
    var new: String
    var rule: String
    var field: String?
    /// Line in the whole file (the front matter starts on line 2).
    var line: Int?
    var testDescription: String { "\(rule) (\(type.id)): \(new.prefix(40))" }
}

@Suite struct RecordRulesTests {
    @Test(arguments: RecordSamples.types)
    func validSamplesHaveNoDiagnostics(_ type: RecordType) throws {
        let decoded = RecordSamples.decode(type, RecordSamples.frontMatter(type))
        #expect(decoded.diagnostics == [])
        let record = try #require(decoded.record)
        #expect(record.type == type)
        #expect(record.slug == "sample-1")
    }

    static let broken: [BrokenCase] = [
        // Required fields and types.
        .init(type: .policy, old: "publisher: 明湖区人民政府\n", new: "", rule: "record.required", field: "publisher", line: 1),
        .init(type: .policy, old: "title: 明湖区人民政府关于印发某办法的通知", new: "title: ''", rule: "record.required", field: "title", line: 2),
        .init(type: .policy, old: "document_number: 明府发〔2024〕3号\n", new: "", rule: "record.required", field: "document_number", line: 1),
        .init(type: .policy, old: "disclosure: proactive", new: "disclosure: public", rule: "record.type", field: "disclosure", line: 4),
        .init(type: .policy, old: "status: effective", new: "status: [a]", rule: "record.type", field: "status", line: 14),
        .init(type: .policy, old: "title: 明湖区人民政府关于印发某办法的通知", new: "title: [a, b]", rule: "record.type", field: "title", line: 2),
        .init(type: .policy, old: "title: 明湖区人民政府关于印发某办法的通知", new: "title: " + String(repeating: "长", count: 201), rule: "record.length", field: "title", line: 2),
        .init(type: .policy, old: "topic: 政务公开", new: "topic: <待填写 主题>", rule: "record.placeholder", field: "topic", line: 11),
        .init(type: .policy, old: "topic: 政务公开", new: "topik: 政务公开", rule: "record.unknown_key", field: "topik", line: 11),
        // Dates.
        .init(type: .policy, old: "created: 2024-01-15", new: "created: 2024-1-15", rule: "record.date", field: "created", line: 6),
        .init(type: .policy, old: "created: 2024-01-15", new: "created: 2023-02-29", rule: "record.date", field: "created", line: 6),
        .init(type: .policy, old: "published: 2024-01-19", new: "published: 2024-01-10", rule: "record.date", field: "published", line: 7),
        .init(type: .policy, old: "summary: 摘要。", new: "summary: 摘要。\nmodified: 2023-12-01", rule: "record.date", field: "modified", line: 13),
        .init(type: .policy, old: "  date: 2024-01-17", new: "  date: 2024-01-20", rule: "review.after_publication", field: "review.date", line: 10),
        .init(type: .policy, old: "published: 2024-01-19", new: "published: 2024-03-19", rule: "timeliness.late", field: "published", line: 7),
        // Disclosure.
        .init(type: .policy, old: "review:\n  reviewer: 区政府办公室保密审查小组\n  date: 2024-01-17\n", new: "", rule: "record.required", field: "review", line: 1),
        .init(type: .policy, old: "disclosure: proactive", new: "disclosure: 不予公开", rule: "disclosure.withheld_reason", field: "withheld_reason", line: 4),
        .init(type: .policy, old: "topic: 政务公开", new: "withheld_reason: 涉密", rule: "disclosure.withheld_reason", field: "withheld_reason", line: 11),
        .init(type: .policy, old: "index_number: 11450100MB0000001A/2024-00003", new: "index_number: ABC-1", rule: "index_number.pattern", field: "index_number", line: 3),
        .init(type: .policy, old: "topic: 政务公开", new: "slug: Bad_Slug", rule: "slug.invalid", field: "slug", line: 11),
        .init(type: .policy, old: "status: effective", new: "status: effective\nrepealed_by: 11450100MB0000001A/2024-00001", rule: "policy.repealed_by", field: "repealed_by", line: 15),
        // Budgets.
        .init(type: .budget, old: "fiscal_year: 2024", new: "fiscal_year: 3024", rule: "record.range", field: "fiscal_year", line: 13),
        .init(type: .budget, old: "fiscal_year: 2024", new: "fiscal_year: 二〇二四", rule: "record.type", field: "fiscal_year", line: 13),
        .init(type: .budget, old: "kind: budget", new: "kind: 预决算", rule: "record.type", field: "kind", line: 14),
        .init(type: .budget, old: "amount: 30.25}", new: "amount: 30.24}", rule: "budget.lines_sum", field: "lines", line: 18),
        .init(type: .budget, old: "receptions: 1.00", new: "receptions: -1", rule: "record.range", field: "three_public.receptions", line: 20),
        .init(type: .budget, old: "totals: {revenue: 100.00, expenditure: 90.50}\n", new: "", rule: "record.required", field: "totals", line: 1),
        // Guides.
        .init(type: .guide, old: "promised_days: 5}", new: "promised_days: 25}", rule: "guide.time_limit", field: "time_limit.promised_days", line: 17),
        .init(type: .guide, old: "promised_days: 5}", new: "promised_days: 0}", rule: "guide.time_limit", field: "time_limit.promised_days", line: 17),
        .init(type: .guide, old: "materials: [申请书, 身份证明]", new: "materials: []", rule: "record.required", field: "materials", line: 15),
        .init(type: .guide, old: "fees: {standard: 不收费}", new: "fees: {standard: 每件10元}", rule: "record.required", field: "fees.basis", line: 18),
        .init(type: .guide, old: "\nwindow: 区政务服务中心12号窗口：受理和出件。", new: "", rule: "record.required", field: "window", line: 1),
        // Reports.
        .init(type: .report, old: "carried_forward: [3, 0, 0, 0, 0, 0, 3]", new: "carried_forward: [4, 0, 0, 0, 0, 0, 4]", rule: "report.statistics.balance", field: "statistics.requests.carried_forward", line: 32),
        .init(type: .report, old: "received: [30, 5, 1, 1, 2, 1, 40]", new: "received: [30, 5, 1, 1, 2, 1, 41]", rule: "report.statistics.balance", field: "statistics.requests.received", line: 23),
        .init(type: .report, old: "third_party: [3, 0, 0, 0, 0, 0, 3]}", new: "third_party: [3, 0, 0, 0, 0, 0, 3], total: [3, 0, 0, 0, 0, 0, 3]}", rule: "report.statistics.balance", field: "statistics.requests.outcomes.denied.total", line: 28),
        .init(type: .report, old: "reviews: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}", new: "reviews: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 2}", rule: "report.statistics.balance", field: "statistics.reviews.total", line: 33),
        .init(type: .report, old: "year: 2024", new: "year: 2023", rule: "report.deadline", field: "published", line: 7),
        .init(type: .report, old: "year: 2024", new: "year: 2025", rule: "report.year", field: "year", line: 13),
        .init(type: .report, old: "received: [30, 5, 1, 1, 2, 1, 40]", new: "received: [-30, 5, 1, 1, 2, 1, 40]", rule: "record.range", field: "statistics.requests.received", line: 23),
        .init(type: .report, old: "received: [30, 5, 1, 1, 2, 1, 40]", new: "received: [30, 5, 1, 1, 2, 40]", rule: "report.statistics.shape", field: "statistics.requests.received", line: 23),
        .init(type: .report, old: "received: [30, 5, 1, 1, 2, 1, 40]", new: "received: 40", rule: "report.statistics.shape", field: "statistics", line: 14),
    ]

    @Test(arguments: broken)
    func brokenVariantTripsItsRule(_ c: BrokenCase) throws {
        let decoded = RecordSamples.decode(c.type, RecordSamples.variant(c.type, replacing: c.old, with: c.new))
        let diagnostic = try #require(decoded.diagnostic(c.rule), "rules found: \(decoded.rules)")
        #expect(diagnostic.field == c.field)
        if let line = c.line { #expect(diagnostic.location.line == line, "\(diagnostic)") }
        #expect(diagnostic.file == "content/\(c.type.folder)/sample-1.md")
        if diagnostic.severity == .error { #expect(decoded.record == nil) }
    }

    @Test func chineseAliasesAreAccepted() throws {
        var yaml = RecordSamples.variant(.policy, replacing: "disclosure: proactive", with: "disclosure: 主动公开")
        yaml = yaml.replacingOccurrences(of: "status: effective", with: "status: 失效")
        let record = try #require(RecordSamples.decode(.policy, yaml).record)
        #expect(record.disclosure == .proactive)
        #expect(PolicyValidity.terms(record)?.declared == .expired)
    }

    @Test func nonPublicRecordsNeedNoPublicationOrReview() throws {
        let yaml = RecordSamples.frontMatter(.policy)
            .replacingOccurrences(of: "disclosure: proactive", with: "disclosure: on-request")
            .replacingOccurrences(of: "published: 2024-01-19\n", with: "")
            .replacingOccurrences(of: "review:\n  reviewer: 区政府办公室保密审查小组\n  date: 2024-01-17\n", with: "")
        let decoded = RecordSamples.decode(.policy, yaml)
        #expect(decoded.diagnostics == [])
        #expect(decoded.record?.isPublic == false)
    }

    @Test func everyProblemOfARecordIsReported() {
        let yaml = RecordSamples.frontMatter(.budget)
            .replacingOccurrences(of: "publisher: 明湖区人民政府\n", with: "")
            .replacingOccurrences(of: "created: 2024-01-15", with: "created: 2024-1-15")
            .replacingOccurrences(of: "kind: budget", with: "kind: 其他")
            .replacingOccurrences(of: "amount: 30.25}", with: "amount: 1.00}")
        let rules = Set(RecordSamples.decode(.budget, yaml).rules)
        #expect(rules == ["record.required", "record.date", "record.type", "budget.lines_sum"])
    }

    @Test func reportStatisticsAreReadPerApplicantColumn() throws {
        let record = try #require(RecordSamples.decode(.report, RecordSamples.frontMatter(.report)).record)
        let report = try #require(ReportStatisticsRules.details(record))
        let requests = report.statistics.requests
        #expect(requests.received.byApplicant == [30, 5, 1, 1, 2, 1])
        #expect(requests.outcomes.denied.total.cells == [4, 0, 0, 0, 0, 0, 4])
        #expect(requests.outcomes.other.reasons.map(\.key) == Glossary.otherOutcomeReasons)
        #expect(requests.outcomes.total.cells == [29, 5, 1, 1, 2, 1, 39])
        #expect(report.statistics.lawsuits.direct.total == 0)
    }

    @Test func aBalanceErrorNamesTheColumnAndTheNumbers() throws {
        let yaml = RecordSamples.variant(.report, replacing: "granted: [18, 4, 1, 1, 1, 0, 25]", with: "granted: [18, 4, 1, 0, 1, 0, 24]")
        let decoded = RecordSamples.decode(.report, yaml)
        let messages = decoded.diagnostics.filter { $0.rule == "report.statistics.balance" }.map(\.message.en)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.contains { $0.contains("column 社会公益组织") && $0.contains("本年新收 1 + 上年结转 0 = 1") && $0.contains("办理结果总计 0") })
        #expect(decoded.diagnostics.allSatisfy { $0.location.line == 32 })
    }

    @Test func theEarlierLawsuitShapeIsRefusedWithTheMigration() {
        let yaml = RecordSamples.variant(.report,
            replacing: "lawsuits:\n    direct: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}\n    after_review: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}",
            with: "lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}")
        let decoded = RecordSamples.decode(.report, yaml)
        #expect(decoded.rules == ["report.statistics.shape"])
        #expect(decoded.diagnostics.first?.message.en.contains("disclose migrate-report") == true)
        #expect(decoded.diagnostics.first?.message.zh.contains("请运行 'disclose migrate-report FILE' 改写") == true)
    }

    @Test func reportSectionsMustBeInTheBodyInOrder() {
        let good = RecordSamples.decode(.report, RecordSamples.frontMatter(.report))
        #expect(good.diagnostics == [], "\(good.diagnostics)")
        let missing = RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: "## 一、总体情况\n\n文字。\n")
        #expect(missing.rules == ["report.sections"])
        #expect(missing.diagnostics.first?.message.en.contains("五、存在的主要问题及改进情况") == true)
        #expect(missing.diagnostics.first?.message.zh.hasPrefix("正文缺少标题 '## 五、存在的主要问题及改进情况'、'## 六、其他需要报告的事项'；") == true, "\(missing.diagnostics)")
        let variant = RecordSamples.defaultBody(.report).replacingOccurrences(of: "及改进情况", with: "和改进情况")
        let misspelt = RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: variant)
        #expect(misspelt.diagnostics.map(\.rule).contains("report.sections"))
        let lines = RecordSamples.frontMatter(.report).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(misspelt.diagnostics.first?.location.line == lines + 3 + 4, "\(misspelt.diagnostics)")
        let reversed = "## 六、其他需要报告的事项\n\n无。\n\n## 一、总体情况\n\n总体。\n\n## 五、存在的主要问题及改进情况\n\n问题。\n"
        let outOfOrder = RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: reversed)
        #expect(outOfOrder.rules == ["report.sections", "report.sections"], "\(outOfOrder.diagnostics)")
        let nested = RecordSamples.decode(.report, RecordSamples.frontMatter(.report),
                                          body: "- ## 一、总体情况\n\n" + RecordSamples.defaultBody(.report))
        #expect(nested.rules == ["report.sections"], "\(nested.diagnostics)")
        let ideographic = RecordSamples.defaultBody(.report).replacingOccurrences(of: "## 一、总体情况", with: "## 一、总体情况\u{3000}")
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: ideographic).rules == ["report.sections", "report.sections"])
        let closed = RecordSamples.defaultBody(.report).replacingOccurrences(of: "## 一、总体情况", with: "## 一、总体情况 ##")
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: closed).diagnostics == [])
    }

    @Test func reportDeadlineFollowsTheSiteSetting() {
        var site = RecordSamples.site
        site.reportDeadline = (1, 10)
        let decoded = RecordSamples.decode(.report, RecordSamples.frontMatter(.report), site: site)
        #expect(decoded.rules == ["report.deadline"])
    }

    @Test func fileNameMustBeAValidSlugWhenNoSlugIsSet() {
        let decoded = RecordSamples.decode(.policy, RecordSamples.frontMatter(.policy), stem: "政策1")
        #expect(decoded.rules == ["slug.invalid"])
        let fixed = RecordSamples.decode(.policy, RecordSamples.frontMatter(.policy) + "\nslug: policy-1", stem: "政策1")
        #expect(fixed.diagnostics == [])
        #expect(fixed.record?.slug == "policy-1")
    }

    @Test func yamlOneOneTrapsDoNotApply() throws {
        let yaml = RecordSamples.variant(.policy, replacing: "topic: 政务公开", with: "topic: no")
        let record = try #require(RecordSamples.decode(.policy, yaml).record)
        #expect(record.topic == "no")
    }
}

/// Which text values are one line: a multi-line field's paragraphs and a summary may
/// hold line breaks; a title, a publisher or a list of texts may not.
@Suite struct OneLineValueTests {
    @Test func multiLineFieldsKeepTheirLines() {
        let text = RecordSamples.frontMatter(.guide)
            .replacingOccurrences(of: "legal_basis: 《某某条例》第八条", with: "legal_basis: \"《某某条例》第八条\\n《某某办法》第三条\"")
            .replacingOccurrences(of: "conditions: [条件一, 条件二]", with: "conditions: [\"条件一\\n续行\", 条件二]")
        let decoded = RecordSamples.decode(.guide, text)
        #expect(decoded.diagnostics == [], "\(decoded.diagnostics)")
    }

    @Test func aListOfTextsRefusesALineBreakInAnItem() {
        let text = RecordSamples.frontMatter(.guide)
            .replacingOccurrences(of: "materials: [申请书, 身份证明]", with: "materials: [\"申请书\\n附页\", 身份证明]")
        let decoded = RecordSamples.decode(.guide, text)
        #expect(decoded.diagnostics.map(\.rule) == ["record.control_character"], "\(decoded.diagnostics)")
        #expect(decoded.diagnostics.first?.field == "materials")
    }
}

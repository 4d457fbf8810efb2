import Testing
@testable import DisclosureKit

/// The Chinese example of a rule (README's 规则表, `disclose rules`) is the message a
/// Chinese run prints for that case, word for word: each case below breaks a valid sample
/// the way the example describes and compares the message with the example. (An example
/// that stands for a case no sample reproduces, such as timeliness.late's dates, is
/// checked by RuleTranslationTests against its English only.)
struct ExampleCase: CustomTestStringConvertible, Sendable {
    var rule: Rule
    var type: RecordType
    var old: String
    var new: String
    /// The record's file name without `.md`.
    var stem = "sample-1"
    var testDescription: String { rule.id }
}

@Suite struct RuleExampleTests {
    static let decision = TypeRegistry.builtIn.type(id: "decision")!

    static let cases: [ExampleCase] = [
        .init(rule: .recordRequired, type: .policy, old: "publisher: 明湖区人民政府\n", new: ""),
        .init(rule: .recordUnknownKey, type: .policy, old: "topic: 政务公开", new: "topic: 政务公开\npubished: 2024-01-19"),
        .init(rule: .frontMatterDuplicateKey, type: .policy, old: "disclosure: proactive", new: "disclosure: proactive\ntitle: 明湖区人民政府关于印发某办法的通知"),
        .init(rule: .recordRange, type: .budget, old: "fiscal_year: 2024", new: "fiscal_year: 3012"),
        .init(rule: .recordPlaceholder, type: .policy, old: "title: 明湖区人民政府关于印发某办法的通知", new: "title: '<待填写 名称 / title>'"),
        .init(rule: .recordDateRange, type: .policy, old: "created: 2024-01-15", new: "created: 0999-01-01"),
        .init(rule: .recordInvisibleCharacter, type: .policy, old: "title: 明湖区", new: "title: 明湖\u{200B}区"),
        .init(rule: .recordInvisibleIdentity, type: .policy, old: "publisher: 明湖区人民政府", new: "publisher: 明湖区人民\u{200B}政府"),
        .init(rule: .recordLength, type: .policy, old: "title: 明湖区人民政府关于印发某办法的通知", new: "title: " + String(repeating: "长", count: 215)),
        .init(rule: .slugInvalid, type: .policy, old: "topic: 政务公开", new: "topic: 政务公开", stem: "Policy 1"),
        .init(rule: .indexNumberPattern, type: .policy, old: "index_number: 11450100MB0000001A/2024-00003", new: "index_number: ABC"),
        .init(rule: .disclosureWithheldReason, type: .policy, old: "disclosure: proactive", new: "disclosure: withheld"),
        .init(rule: .reviewAfterPublication, type: .policy, old: "created: 2024-01-15\npublished: 2024-01-19\nreview:\n  reviewer: 区政府办公室保密审查小组\n  date: 2024-01-17",
              new: "created: 2012-02-28\npublished: 2012-03-01\nreview:\n  reviewer: 区政府办公室保密审查小组\n  date: 2012-03-05"),
        .init(rule: .recordTyping, type: .policy, old: "document_number: 明府发〔2024〕3号", new: "document_number: 明政办发[2012]8号"),
        .init(rule: .policyEffectiveDates, type: .policy, old: "status: effective", new: "status: effective\neffective_from: 2024-01-01\neffective_until: 2023-12-31"),
        .init(rule: .guideTimeLimit, type: .guide, old: "promised_days: 5}", new: "promised_days: 25}"),
        .init(rule: .decisionPartyPrivacy, type: decision, old: "party: 张某某", new: "party: 张三"),
        .init(rule: .reportStatisticsBalance, type: .report, old: "carried_forward: [3, 0, 0, 0, 0, 0, 3]", new: "carried_forward: [2, 0, 0, 0, 0, 0, 2]"),
    ]

    @Test(arguments: cases) func theChineseExampleIsWhatTheRulePrints(_ c: ExampleCase) throws {
        let decoded = RecordSamples.decode(c.type, RecordSamples.variant(c.type, replacing: c.old, with: c.new), stem: c.stem)
        let messages = decoded.diagnostics.filter { $0.rule == c.rule.id }.map(\.message.zh)
        #expect(messages.contains(c.rule.example.zh), "\(c.rule.id) prints \(messages), the example reads \(c.rule.example.zh)")
    }
}

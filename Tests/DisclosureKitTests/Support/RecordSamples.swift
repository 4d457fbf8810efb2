import Foundation
@testable import DisclosureKit

/// Valid front matter for each record type, to be broken one field at a time by tests.
enum RecordSamples {
    static let common = """
        title: 明湖区人民政府关于印发某办法的通知
        index_number: 11450100MB0000001A/2024-00003
        disclosure: proactive
        publisher: 明湖区人民政府
        created: 2024-01-15
        published: 2024-01-19
        review:
          reviewer: 区政府办公室保密审查小组
          date: 2024-01-17
        topic: 政务公开
        summary: 摘要。
        """

    /// Every built-in type: each has a valid sample below.
    static let types = TypeRegistry.builtIn.types

    static func frontMatter(_ type: RecordType) -> String {
        switch type.id {
        case "policy":
            return common + "\n" + """
                document_number: 明府发〔2024〕3号
                status: effective
                """
        case "interpretation":
            return common + "\n" + """
                interprets: 11450100MB0000001A/2024-00001
                """
        case "budget":
            return common + "\n" + """
                fiscal_year: 2024
                kind: budget
                department: 明湖区财政局
                totals: {revenue: 100.00, expenditure: 90.50}
                lines:
                  - {name: 一般公共服务支出, amount: 60.25}
                  - {name: 住房保障支出, amount: 30.25}
                three_public: {receptions: 1.00, vehicles: 2.00, overseas_travel: 0}
                """
        case "guide":
            return common + "\n" + """
                legal_basis: 《某某条例》第八条
                conditions: [条件一, 条件二]
                materials: [申请书, 身份证明]
                procedure: [受理, 审查, 决定]
                time_limit: {statutory_days: 20, promised_days: 5}
                fees: {standard: 不收费}
                window: 区政务服务中心12号窗口：受理和出件。
                """
        case "report":
            return common.replacingOccurrences(of: "2024-01-1", with: "2025-01-1") + "\n" + """
                year: 2024
                statistics:
                  proactive:
                    rules: {issued: 0, repealed: 0, in_force: 0}
                    normative_documents: {issued: 2, repealed: 1, in_force: 30}
                    licensing: 100
                    penalties: 20
                    coercive_measures: 1
                    fees: 3.50
                  requests:
                    received: [30, 5, 1, 1, 2, 1, 40]
                    carried_over: [2, 0, 0, 0, 0, 0, 2]
                    outcomes:
                      granted: [18, 4, 1, 1, 1, 0, 25]
                      partially_granted: [4, 1, 0, 0, 0, 0, 5]
                      denied: {state_secret: [1, 0, 0, 0, 0, 0, 1], third_party: [3, 0, 0, 0, 0, 0, 3]}
                      unavailable: {not_held: [2, 0, 0, 0, 1, 0, 3]}
                      not_processed: {repeated: [1, 0, 0, 0, 0, 0, 1]}
                      other: {overdue_correction: [0, 0, 0, 0, 0, 1, 1]}
                    carried_forward: [3, 0, 0, 0, 0, 0, 3]
                  reviews: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}
                  lawsuits:
                    direct: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}
                    after_review: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}
                """
        case "notice":
            return common + "\n" + """
                deadline: 2024-02-01
                contact: 区政府办公室 0771-5550000
                """
        case "plan":
            return common + "\n" + """
                plan_kind: 工作计划
                period: 2024年
                year: 2024
                """
        case "personnel":
            return common + "\n" + """
                personnel_kind: appointment
                document_number: 明政任〔2024〕1号
                """
        case "decision":
            return common + "\n" + """
                kind: 行政处罚
                decision_number: 明市监罚〔2024〕3号
                party: 张某某
                party_type: 自然人
                reason: 销售超过保质期的食品。
                basis: 《中华人民共和国食品安全法》第一百二十四条
                result: [没收违法所得86元, 罚款5000元]
                decision_date: 2024-01-15
                authority: 明湖区市场监督管理局
                """
        default:
            preconditionFailure("no sample of type \(type.id)")
        }
    }

    static let site = SiteConfig(title: "明湖区", baseURL: "https://www.example.gov.cn/xxgk/",
                                 indexNumberPattern: IndexNumberPattern(#"^[0-9A-Z]{9,18}/\d{4}-\d{5}$"#))

    static func file(_ type: RecordType, stem: String = "sample-1", subfolders: [String] = []) -> RecordFile {
        let path = (["content", type.folder] + subfolders + ["\(stem).md"]).joined(separator: "/")
        return RecordFile(relativePath: path, absolutePath: "/nonexistent/" + path, type: type,
                          subfolders: subfolders, stem: stem)
    }

    /// Decodes `frontMatter` as a whole record file of `type`.
    static func decode(_ type: RecordType, _ frontMatter: String, body: String? = nil,
                       site: SiteConfig = site, stem: String = "sample-1") -> DecodedRecord {
        let text = "---\n\(frontMatter)\n---\n\(body ?? defaultBody(type))"
        return RecordDecoder(site: site).decode(bytes: Array(text.utf8), file: file(type, stem: stem))
    }

    /// A body the type's rules accept: a report's gives the sections only the body can.
    static func defaultBody(_ type: RecordType) -> String {
        guard type.id == "report" else { return "正文。\n" }
        return "## 一、总体情况\n\n总体情况。\n\n## 五、存在的主要问题及改进情况\n\n问题。\n\n## 六、其他需要报告的事项\n\n无。\n"
    }

    /// `frontMatter(type)` with `old` replaced by `new` (which must occur).
    static func variant(_ type: RecordType, replacing old: String, with new: String) -> String {
        let base = frontMatter(type)
        precondition(base.contains(old), "sample has no '\(old)'")
        return base.replacingOccurrences(of: old, with: new)
    }
}

extension DecodedRecord {
    var rules: [String] { diagnostics.map(\.rule) }

    func diagnostic(_ rule: String) -> Diagnostic? { diagnostics.first { $0.rule == rule } }
}

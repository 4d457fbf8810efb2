import Foundation
import Testing

/// `disclose rules` prints the rule table a webmaster reads: in Chinese unless the run
/// asks for English, the same rule ids in both.
@Suite struct RulesCommandTests {
    static func rows(_ table: String) -> [Substring] {
        table.split(separator: "\n").filter { $0.hasPrefix("| `") }
    }

    static func ids(_ table: String) -> [String] {
        rows(table).compactMap { row in row.firstMatch(of: /^\| `([^`]+)`/).map { String($0.1) } }
    }

    @Test func theTableIsInChineseByDefault() throws {
        let result = try Disclose.run(["rules"], environment: ["DISCLOSE_LANG": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("| 规则 | 级别 | 检查什么 | 示例消息 |\n|---|---|---|---|\n"), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("| `record.required` | 错误 | 记录所属类型的每个必填字段都已给出且不为空 | 缺少必填字段 'publisher'（发布机构） |"))
        #expect(result.stdout.contains("| `timeliness.late` | 警告 | 主动公开的记录在 `created` 或更晚的 `modified` 之后的站点工作日时限（默认 20 个）内发布 |"))
        #expect(!result.stdout.contains("missing required field"))
    }

    @Test func englishIsAskedForWithLangOrTheEnvironment() throws {
        let chinese = try Disclose.run(["rules"], environment: ["DISCLOSE_LANG": "zh"])
        for (arguments, environment) in [(["rules", "--lang", "en"], ["DISCLOSE_LANG": "zh"]),
                                         (["rules"], ["DISCLOSE_LANG": "en"])] {
            let result = try Disclose.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("| rule | severity | checks | example message |\n"), "\(arguments)")
            #expect(result.stdout.contains("| `record.required` | error | every required field of the record's type is present and not empty | missing required field 'publisher' (发布机构) |"))
            #expect(!result.stdout.contains("缺少必填字段"), "\(arguments)")
            // One table, two languages: the same rules in the same order.
            #expect(Self.ids(result.stdout) == Self.ids(chinese.stdout))
        }
        #expect(Self.ids(chinese.stdout).count > 90)
    }
}

import Testing
@testable import DisclosureKit

/// `report.section_table`: a table written under 二, 三 or 四 would be shown beside the one
/// generated from `statistics:`; prose there is still the section's introduction.
@Suite struct ReportSectionTableTests {
    static func body(_ section二: String) -> String {
        "## 一、总体情况\n\n总体。\n\n## 二、主动公开政府信息情况\n\n" + section二
            + "\n## 五、存在的主要问题及改进情况\n\n问题。\n\n## 六、其他需要报告的事项\n\n无。\n"
    }

    @Test func aMarkdownTableUnderASectionWithAGeneratedTableIsAWarningAtItsHeading() throws {
        let table = "| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n| 行政规范性文件 | 3 |\n"
        let decoded = RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: Self.body(table))
        #expect(decoded.rules == ["report.section_table"], "\(decoded.diagnostics)")
        let diagnostic = try #require(decoded.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        let lines = RecordSamples.frontMatter(.report).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(diagnostic.location.line == lines + 3 + 4, "at the heading '## 二、…': \(diagnostic)")
        #expect(diagnostic.message.en.contains("二、主动公开政府信息情况") && diagnostic.message.en.contains("line \(lines + 3 + 6)"))
        #expect(decoded.record != nil, "a warning: the report is still built")
    }

    @Test func anHTMLTableIsFoundAndOnlyOncePerSection() {
        let body = Self.body("<table><tr><td>规章</td><td>0</td></tr></table>\n\n| 另 | 表 |\n| - | - |\n")
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: body).rules == ["report.section_table"])
    }

    @Test func proseOrATableElsewhereIsNotReported() {
        let prose = Self.body("本年度主动公开规范性文件3件，详见下表。\n")
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: prose).diagnostics == [])
        let inOne = RecordSamples.defaultBody(.report).replacingOccurrences(of: "## 一、总体情况\n", with: "## 一、总体情况\n\n| 项目 | 数量 |\n| - | - |\n| 主动公开 | 126 |\n")
        #expect(inOne != RecordSamples.defaultBody(.report))
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: inOne).diagnostics == [])
        let fenced = Self.body("```\n| 不是表格 |\n```\n")
        #expect(RecordSamples.decode(.report, RecordSamples.frontMatter(.report), body: fenced).diagnostics == [])
    }
}

/// 行政事业性收费 in 万元 to at most two decimal places, as the national format prints it.
@Suite struct ReportFeesPrecisionTests {
    @Test(arguments: [("36.405", true), ("3.505", true), ("36.40", false), ("36", false), ("0.5", false)])
    func moreThanTwoDecimalPlacesIsRefused(fees: String, refused: Bool) throws {
        let frontMatter = RecordSamples.frontMatter(.report)
        let changed = frontMatter.replacingOccurrences(of: "fees: 3.50", with: "fees: \(fees)")
        #expect(changed != frontMatter)
        let decoded = RecordSamples.decode(.report, changed)
        let found = decoded.diagnostics.filter { $0.field == "statistics.proactive.fees" }
        #expect(found.isEmpty == !refused, "\(decoded.diagnostics)")
        if refused {
            #expect(found.first?.rule == "record.range" && found.first?.message.en.contains("at most two decimal places") == true)
            #expect(found.first?.message.zh.contains("最多保留两位小数（万元）") == true)
        }
    }
}

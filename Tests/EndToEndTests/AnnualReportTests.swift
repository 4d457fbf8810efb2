import Foundation
import Testing

/// The annual report in the national format (国办公开办函〔2021〕30号), as a user sees it:
/// the sample's pages, `migrate-report`, `new report` and the cross-check with policies.
@Suite struct AnnualReportTests {
    /// The rows of a rendered table: each row's cells as `th:label` or `td:number`, a span
    /// written `|colspan|rowspan` when it is not 1×1.
    static func rows(_ html: String, table id: String) throws -> [[String]] {
        let start = try #require(html.range(of: "<table id=\"\(id)\""))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.upperBound..<end.lowerBound])
        return table.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "</tr>")[0].components(separatedBy: "<t").dropFirst().map { cell in
                let tag = cell.hasPrefix("h") ? "th" : "td"
                let attributes = String(cell.prefix { $0 != ">" })
                func span(_ name: String) -> String {
                    guard let range = attributes.range(of: "\(name)=\"") else { return "1" }
                    return String(attributes[range.upperBound...].prefix { $0 != "\"" })
                }
                let text = cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                let spans = span("colspan") == "1" && span("rowspan") == "1" ? "" : "|\(span("colspan"))|\(span("rowspan"))"
                return "\(tag):\(text)\(spans)"
            }
        }
    }

    @Test func theSamplesReportsShowTheSixSectionsAndTheThreeTables() throws {
        let site = try SampleSite()
        #expect(try site.build().status == 0)
        let output = try site.output()
        for (page, received) in [("reports/ndbg-2024.html", ["31", "8", "1", "2", "3", "1", "46"]),
                                 ("reports/czj-ndbg-2024.html", ["6", "2", "0", "0", "1", "0", "9"]),
                                 ("reports/scjg-ndbg-2024.html", ["14", "9", "0", "1", "2", "1", "27"])] {
            let html = output.text(page)
            // Sections 一 to 六, in order, each once.
            let headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
            let places = headings.map { html.range(of: ">\($0)</h2>")?.lowerBound }
            #expect(places.allSatisfy { $0 != nil }, "\(page)")
            #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(page): sections out of order")
            // The body's text of 一 is in section 一, before table 二; 五 and 六 after table 四.
            let general = try #require(html.range(of: "<h2 id=\"report-section-1\">"))
            let tableTwo = try #require(html.range(of: "<table id=\"report-table-2\""))
            let tableFour = try #require(html.range(of: "<table id=\"report-table-4\""))
            let problems = try #require(html.range(of: "<h2 id=\"report-section-5\">"))
            #expect(general.upperBound < tableTwo.lowerBound && tableFour.upperBound < problems.lowerBound)
            #expect(html[general.upperBound..<tableTwo.lowerBound].contains("<p>"), "\(page): 一 has the body's text")
            #expect(html[problems.upperBound...].contains("信息处理费"), "\(page): 六 has the body's text")

            let three = try Self.rows(html, table: "report-table-3")
            #expect(three.count == 3 + 25)
            #expect(three[1] == ["th:自然人|1|2", "th:法人或其他组织|5|1", "th:总计|1|2"])
            #expect(three[2] == ["th:商业企业", "th:科研机构", "th:社会公益组织", "th:法律服务机构", "th:其他"])
            #expect(three[3] == ["th:一、本年新收政府信息公开申请数量|3|1"] + received.map { "td:\($0)" }, "\(page)")
            for row in three.dropFirst(3) { #expect(row.filter { $0.hasPrefix("td:") }.count == 7, "\(row)") }
            #expect(three.last?.first == "th:四、结转下年度继续办理|3|1")
            let four = try Self.rows(html, table: "report-table-4")
            #expect(four.count == 4 && four[3].count == 15 && four[3].allSatisfy { $0.hasPrefix("td:") })
            let two = try Self.rows(html, table: "report-table-2")
            #expect(two.map { $0[0] } == ["th:第二十条第（一）项|4|1", "th:信息内容", "th:规章", "th:行政规范性文件",
                                          "th:第二十条第（五）项|4|1", "th:信息内容", "th:行政许可",
                                          "th:第二十条第（六）项|4|1", "th:信息内容", "th:行政处罚", "th:行政强制",
                                          "th:第二十条第（八）项|4|1", "th:信息内容", "th:行政事业性收费"])
        }
    }

    static let earlierShape = """
        ---
        title: 明湖区人民政府2023年政府信息公开工作年度报告
        index_number: 11450100MB0000001A/2024-00090
        disclosure: proactive
        publisher: 明湖区人民政府
        created: 2024-03-01
        published: 2024-03-05
        review: {reviewer: 区政府办公室保密审查小组, date: 2024-03-04}
        year: 2023
        statistics:
          requests:
            received: 38
            carried_over: 1
            outcomes: {granted: 20, partially_granted: 5, denied: {third_party: 2}, unavailable: {not_held: 4}, not_processed: {repeated: 1}, other: 2}
            carried_forward: 5
          reviews: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}
          lawsuits: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}
        ---
        ## 一、总体情况

        2023年全区政府信息公开工作总体平稳。

        ## 五、存在的主要问题及改进情况

        政策解读形式单一，将增加图解和问答。

        ## 六、其他需要报告的事项

        本年度未收取信息处理费。

        """

    @Test func migrateReportRewritesTheEarlierShapeKeepingEveryNumber() throws {
        let site = try SampleSite(adding: ["content/reports/ndbg-2023.md": Self.earlierShape])
        let (before, diagnostics) = try site.check()
        #expect(before.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/reports/ndbg-2023.md:10:1 report.statistics.shape"])
        #expect((diagnostics.first?["message"] as? String)?.contains("disclose migrate-report") == true)

        let file = site.root.appendingPathComponent("content/reports/ndbg-2023.md")
        let migrate = try Disclose.run(["migrate-report", file.path])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stderr.contains("warning: the counts of 三、收到和处理政府信息公开申请情况 had no applicant columns"))
        #expect(migrate.stderr.contains("warning: 行政诉讼 was counted as one"))
        let text = try String(contentsOf: file, encoding: .utf8)
        for row in ["received: [38, 0, 0, 0, 0, 0, 38]", "carried_over: [1, 0, 0, 0, 0, 0, 1]", "granted: [20, 0, 0, 0, 0, 0, 20]",
                    "partially_granted: [5, 0, 0, 0, 0, 0, 5]", "third_party: [2, 0, 0, 0, 0, 0, 2]", "not_held: [4, 0, 0, 0, 0, 0, 4]",
                    "repeated: [1, 0, 0, 0, 0, 0, 1]", "other: [2, 0, 0, 0, 0, 0, 2]", "carried_forward: [5, 0, 0, 0, 0, 0, 5]",
                    "reviews: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}"] {
            #expect(text.contains(row), "\(row)")
        }
        #expect(text.hasSuffix("本年度未收取信息处理费。\n"))
        let (after, left) = try site.check()
        #expect(after.status == 0, "\(SampleSite.places(left))")
        // Table 二 was not given, so it is 0, and the site has a 行政规范性文件 of 2023 (明府发〔2023〕15号):
        // the only thing left is the cross-check's warning.
        #expect(SampleSite.places(left).filter { $0.hasPrefix("content/reports/ndbg-2023.md") }
                == ["content/reports/ndbg-2023.md:13:35 report.policy_counts"])
        // A second run has nothing to do.
        let again = try Disclose.run(["migrate-report", file.path])
        #expect(again.status == 0 && again.stderr.contains("already in the national format"))
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        #expect(try Disclose.run(["migrate-report"]).status == 2, "no FILE is a usage error")
        let missing = try Disclose.run(["migrate-report", site.root.appendingPathComponent("content/reports/none.md").path])
        #expect(missing.status == 1 && missing.stderr.contains("error: cannot read"))
    }

    @Test func newReportWritesEveryRowAndColumn() throws {
        let site = try SampleSite()
        let new = try Disclose.run(["new", "report", "ndbg-new", "--root", site.root.path])
        #expect(new.status == 0, "\(new.stderr)")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/reports/ndbg-new.md"), encoding: .utf8)
        // 一, 二, （一）, （二）, 8 + 3 + 5 + 3 reasons, （七）总计, 四: 25 rows of seven zeros.
        #expect(text.components(separatedBy: "[0, 0, 0, 0, 0, 0, 0]").count - 1 == 25)
        for heading in ["## 一、总体情况", "## 五、存在的主要问题及改进情况", "## 六、其他需要报告的事项"] { #expect(text.contains(heading)) }
        // The deadline hint names a 部门's as well as a 人民政府's: one date would mislead the other.
        #expect(text.contains("部门于次年 01-31 前、人民政府于次年 03-31 前发布"), "\(text)")
        let (_, diagnostics) = try site.check()
        let mine = diagnostics.filter { ($0["file"] as? String) == "content/reports/ndbg-new.md" }.map { $0["rule"] as! String }
        #expect(mine.contains("record.placeholder"))
        // What is left to do is filling in (and, after 03-31, the deadline): the statistics and sections are whole.
        #expect(mine.allSatisfy { $0 == "record.placeholder" || $0 == "report.deadline" }, "\(mine)")
    }

    @Test func tableTwoIsCheckedAgainstTheSitesPolicies() throws {
        let clean = try SampleSite()
        let (result, diagnostics) = try clean.check()
        #expect(result.status == 0)
        #expect(!diagnostics.contains { $0["rule"] as? String == "report.policy_counts" })

        // One more 行政规范性文件 of 明湖区人民政府 written in 2024, repealed in 2024 by 明府发〔2024〕3号.
        let repealed = """
            ---
            title: 明湖区人民政府关于印发明湖区农村集体资产管理办法的通知
            index_number: 11450100MB0000001A/2024-00001
            disclosure: proactive
            publisher: 明湖区人民政府
            created: 2024-01-02
            published: 2024-01-05
            review: {reviewer: 区政府办公室保密审查小组, date: 2024-01-04}
            document_number: 明府发〔2024〕1号
            category: 行政规范性文件
            status: repealed
            repealed_by: 11450100MB0000001A/2024-00003
            ---
            正文。

            """
        let site = try SampleSite(adding: ["content/policies/mhf-2024-1.md": repealed])
        let (warned, found) = try site.check()
        #expect(warned.status == 0)
        let report = try String(contentsOf: site.root.appendingPathComponent("content/reports/ndbg-2024.md"), encoding: .utf8)
        let line = (report.components(separatedBy: "\n").firstIndex { $0.contains("normative_documents:") } ?? -1) + 1
        let counts = found.filter { $0["rule"] as? String == "report.policy_counts" }
        #expect(SampleSite.places(counts) == ["content/reports/ndbg-2024.md:\(line):35 report.policy_counts",
                                              "content/reports/ndbg-2024.md:\(line):48 report.policy_counts"])
        #expect((counts.first?["message"] as? String)?.contains("本年制发件数 1, but the site has 2 policies") == true)
        #expect((counts.last?["message"] as? String)?.contains("本年废止件数 0, but the site has 1 policy") == true)
        #expect(try site.check(["--strict"]).0.status == 1)
    }
}

import Testing
@testable import DisclosureKit

/// The annual report's tables against the national format (国办公开办函〔2021〕30号) as
/// written out by hand from the format's attachment: every row, every label, every colspan
/// and rowspan. A cell is written `label` or `label|colspan|rowspan`; `#` is a number.
@Suite struct ReportTablesTests {
    static func shape(_ rows: [[ReportTables.Cell]]) -> [[String]] {
        rows.map { row in
            row.map { cell in
                let text = cell.isHeader ? cell.text : "#"
                return cell.colspan == 1 && cell.rowspan == 1 ? text : "\(text)|\(cell.colspan)|\(cell.rowspan)"
            }
        }
    }

    static let zero = ReportStatisticsWriter.zero

    @Test func tableTwoIsTheFormatsFourBlocks() {
        let table = ReportTables.proactive(Self.zero.proactive)
        #expect(table.head.isEmpty)
        #expect(Self.shape(table.body) == [
            ["第二十条第（一）项|4|1"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "#", "#", "#"],
            ["行政规范性文件", "#", "#", "#"],
            ["第二十条第（五）项|4|1"],
            ["信息内容", "本年处理决定数量|3|1"],
            ["行政许可", "#|3|1"],
            ["第二十条第（六）项|4|1"],
            ["信息内容", "本年处理决定数量|3|1"],
            ["行政处罚", "#|3|1"],
            ["行政强制", "#|3|1"],
            ["第二十条第（八）项|4|1"],
            ["信息内容", "本年收费金额（单位：万元）|3|1"],
            ["行政事业性收费", "#|3|1"],
        ])
    }

    @Test func tableThreeHasEightNumberColumnsUnderATwoRowHeader() {
        let table = ReportTables.requests(Self.zero.requests)
        #expect(Self.shape(table.head) == [
            ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|3|3", "申请人情况|7|1"],
            ["自然人|1|2", "法人或其他组织|5|1", "总计|1|2"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ])
        let numbers = Array(repeating: "#", count: 7)
        let expected: [[String]] = [
            ["一、本年新收政府信息公开申请数量|3|1"] + numbers,
            ["二、上年结转政府信息公开申请数量|3|1"] + numbers,
            ["三、本年度办理结果|1|22", "（一）予以公开|2|1"] + numbers,
            ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）|2|1"] + numbers,
            ["（三）不予公开|1|8", "1.属于国家秘密"] + numbers,
            ["2.其他法律行政法规禁止公开"] + numbers,
            ["3.危及“三安全一稳定”"] + numbers,
            ["4.保护第三方合法权益"] + numbers,
            ["5.属于三类内部事务信息"] + numbers,
            ["6.属于四类过程性信息"] + numbers,
            ["7.属于行政执法案卷"] + numbers,
            ["8.属于行政查询事项"] + numbers,
            ["（四）无法提供|1|3", "1.本机关不掌握相关政府信息"] + numbers,
            ["2.没有现成信息需要另行制作"] + numbers,
            ["3.补正后申请内容仍不明确"] + numbers,
            ["（五）不予处理|1|5", "1.信访举报投诉类申请"] + numbers,
            ["2.重复申请"] + numbers,
            ["3.要求提供公开出版物"] + numbers,
            ["4.无正当理由大量反复申请"] + numbers,
            ["5.要求行政机关确认或重新出具已获取信息"] + numbers,
            ["（六）其他处理|1|3", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] + numbers,
            ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"] + numbers,
            ["3.其他"] + numbers,
            ["（七）总计|2|1"] + numbers,
            ["四、结转下年度继续办理|3|1"] + numbers,
        ]
        #expect(Self.shape(table.body) == expected)
    }

    @Test func tableFourIsOneRowOfFifteenUnderAGroupedHeader() {
        let none = AppealCounts(upheld: 0, corrected: 0, other: 0, pending: 0, total: 0)
        let table = ReportTables.appeals(reviews: none, lawsuits: LawsuitCounts(direct: none, afterReview: none))
        let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        #expect(Self.shape(table.head) == [
            ["行政复议|5|1", "行政诉讼|10|1"],
            five.map { "\($0)|1|2" } + ["未经复议直接起诉|5|1", "复议后起诉|5|1"],
            five + five,
        ])
        #expect(Self.shape(table.body) == [Array(repeating: "#", count: 15)])
    }

    /// Every row fills the table's width once the cells spanning down from above are
    /// counted, and every `headers` names a header cell of the same table.
    @Test(arguments: [4, 10, 15])
    func everyRowFillsTheGridAndEveryHeadersAttributeResolves(_ width: Int) {
        let none = AppealCounts(upheld: 0, corrected: 0, other: 0, pending: 0, total: 0)
        let table = switch width {
        case 4: ReportTables.proactive(Self.zero.proactive)
        case 10: ReportTables.requests(Self.zero.requests)
        default: ReportTables.appeals(reviews: none, lawsuits: LawsuitCounts(direct: none, afterReview: none))
        }
        let rows = table.head + table.body
        var carried = Array(repeating: 0, count: width)  // rows each column is still covered for
        var ids: Set<String> = []
        for (number, row) in rows.enumerated() {
            var column = 0
            var next = carried.map { max($0 - 1, 0) }
            for cell in row {
                while column < width && carried[column] > 0 { column += 1 }
                #expect(column + cell.colspan <= width, "row \(number) overflows at '\(cell.text)'")
                for c in column..<min(column + cell.colspan, width) { next[c] = cell.rowspan - 1 }
                column += cell.colspan
                if let id = cell.id { #expect(ids.insert(id).inserted, "duplicate id \(id)") }
            }
            while column < width && carried[column] > 0 { column += 1 }
            #expect(column == width, "row \(number) fills \(column) of \(width) columns")
            carried = next
        }
        for cell in rows.joined() {
            for header in cell.headers { #expect(ids.contains(header), "'\(cell.text)' names \(header)") }
            #expect(cell.isHeader || !cell.headers.isEmpty, "a number without headers")
        }
    }

    @Test func theBodysTextIsPlacedUnderItsSections() {
        let html = "<p>前言</p>\n<h2>一、总体情况</h2>\n<p>总体</p>\n<h2>六、其他需要报告的事项</h2>\n<p>其他</p>\n<h2>五、存在的主要问题及改进情况</h2>\n<p>问题</p>\n"
        let split = ReportSections.split(html)
        #expect(split.preamble == "<p>前言</p>\n")
        #expect(split.sections.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } == ["<p>总体</p>", "", "", "", "<p>问题</p>", "<p>其他</p>"])
    }
}

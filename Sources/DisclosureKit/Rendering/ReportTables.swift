/// An annual report's statistics as the national format's tables 二, 三 and 四
/// (国办公开办函〔2021〕30号), every label, row, column, colspan and rowspan as the format
/// prints them. Every header cell has an id and every cell names the headers above and
/// beside it (`headers`), as a table with grouped headers needs for a screen reader.
enum ReportTables {
    /// One cell: a header (`th`) or a number (`td`).
    struct Cell {
        var text: String
        var isHeader: Bool
        var id: String? = nil
        var colspan = 1
        var rowspan = 1
        var scope: String? = nil
        var headers: [String] = []

        var model: ReportCell {
            ReportCell(text: text, is_header: isHeader, id: id, colspan: colspan > 1 ? String(colspan) : nil,
                       rowspan: rowspan > 1 ? String(rowspan) : nil, scope: scope,
                       headers: headers.isEmpty ? nil : headers.joined(separator: " "))
        }
    }

    /// A table: its header rows (`thead`) and its body rows.
    struct Table {
        var id: String
        var head: [[Cell]]
        var body: [[Cell]]

        var model: ReportTable {
            func rows(_ rows: [[Cell]]) -> [ReportRow] { rows.map { ReportRow(cells: $0.map(\.model)) } }
            return ReportTable(id: id, has_head: !head.isEmpty, head_rows: rows(head), body_rows: rows(body))
        }
    }

    static func header(_ text: String, id: String, colspan: Int = 1, rowspan: Int = 1, scope: String? = nil,
                       headers: [String] = []) -> Cell {
        Cell(text: text, isHeader: true, id: id, colspan: colspan, rowspan: rowspan, scope: scope, headers: headers)
    }

    static func number(_ text: String, colspan: Int = 1, headers: [String]) -> Cell {
        Cell(text: text, isHeader: false, colspan: colspan, headers: headers)
    }

    // MARK: 二、主动公开政府信息情况

    static let proactiveBlocks = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    static let documentColumns = ["本年制发件数", "本年废止件数", "现行有效件数"]
    static let decisionColumn = "本年处理决定数量"
    static let feeColumn = "本年收费金额（单位：万元）"
    static let contentColumn = "信息内容"

    static func proactive(_ p: ProactiveStatistics) -> Table {
        var rows: [[Cell]] = []
        func block(_ number: Int) -> String {
            let id = "report-t2-b\(number)"
            rows.append([header(proactiveBlocks[number - 1], id: id, colspan: 4)])
            return id
        }
        // 第二十条第（一）项: three columns of counts.
        let b1 = block(1)
        let content1 = "\(b1)-content"
        rows.append([header(contentColumn, id: content1, headers: [b1])]
                    + documentColumns.enumerated().map { header($1, id: "\(b1)-c\($0 + 1)", scope: "col", headers: [b1]) })
        for (index, (label, counts)) in [("规章", p.rules), ("行政规范性文件", p.normativeDocuments)].enumerated() {
            let rowID = "\(b1)-r\(index + 1)"
            rows.append([header(label, id: rowID, scope: "row", headers: [b1, content1])]
                        + [counts.issued, counts.repealed, counts.inForce].enumerated().map {
                            number(String($1), headers: [b1, rowID, "\(b1)-c\($0 + 1)"])
                        })
        }
        // 第二十条第（五）（六）（八）项: one figure each, across the three columns.
        let singles: [(block: Int, column: String, rows: [(String, String)])] = [
            (2, decisionColumn, [("行政许可", String(p.licensing))]),
            (3, decisionColumn, [("行政处罚", String(p.penalties)), ("行政强制", String(p.coerciveMeasures))]),
            (4, feeColumn, [("行政事业性收费", p.fees.text)]),
        ]
        for single in singles {
            let b = block(single.block)
            let content = "\(b)-content"
            let column = "\(b)-c1"
            rows.append([header(contentColumn, id: content, headers: [b]),
                         header(single.column, id: column, colspan: 3, scope: "col", headers: [b])])
            for (index, (label, value)) in single.rows.enumerated() {
                let rowID = "\(b)-r\(index + 1)"
                rows.append([header(label, id: rowID, scope: "row", headers: [b, content]),
                             number(value, colspan: 3, headers: [b, rowID, column])])
            }
        }
        return Table(id: "report-table-2", head: [], body: rows)
    }

    // MARK: 三、收到和处理政府信息公开申请情况

    static let requestNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let applicantsLabel = "申请人情况"
    static let legalPersonsLabel = "法人或其他组织"
    static let requestRowLabels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "四、结转下年度继续办理"]
    static let outcomeLabels = ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
                                "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计"]

    static func requests(_ r: RequestStatistics) -> Table {
        let t = "report-t3"
        let note = "\(t)-note", applicants = "\(t)-applicants", legal = "\(t)-legal"
        let columnIDs = (0..<7).map { "\(t)-c\($0)" }
        // The headers above each of the seven number columns.
        let columnHeaders: [[String]] = (0..<7).map { column in
            (1...5).contains(column) ? [applicants, legal, columnIDs[column]] : [applicants, columnIDs[column]]
        }
        let head: [[Cell]] = [
            [header(requestNote, id: note, colspan: 3, rowspan: 3), header(applicantsLabel, id: applicants, colspan: 7)],
            [header(ApplicantCounts.columnLabels[0], id: columnIDs[0], rowspan: 2, scope: "col", headers: [applicants]),
             header(legalPersonsLabel, id: legal, colspan: 5, headers: [applicants]),
             header("总计", id: columnIDs[6], rowspan: 2, scope: "col", headers: [applicants])],
            (1...5).map { header(ApplicantCounts.columnLabels[$0], id: columnIDs[$0], scope: "col", headers: [applicants, legal]) },
        ]
        func numbers(_ counts: ApplicantCounts, rowHeaders: [String]) -> [Cell] {
            counts.cells.enumerated().map { number(String($1), headers: rowHeaders + columnHeaders[$0]) }
        }
        var body: [[Cell]] = []
        func whole(_ index: Int, _ counts: ApplicantCounts) {
            let id = "\(t)-r\(index + 1)"
            body.append([header(requestRowLabels[index], id: id, colspan: 3, scope: "row", headers: [note])]
                        + numbers(counts, rowHeaders: [id]))
        }
        whole(0, r.received)
        whole(1, r.carriedOver)
        let results = "\(t)-r3"
        let o = r.outcomes
        let groups: [(label: Int, reasons: OutcomeReasons)] = [(2, o.denied), (3, o.unavailable), (4, o.notProcessed), (5, o.other)]
        let resultRows = 2 + groups.reduce(0) { $0 + $1.reasons.reasons.count } + 1
        var first = true
        func resultsCell() -> [Cell] {
            defer { first = false }
            return first ? [header(requestRowLabels[2], id: results, rowspan: resultRows, scope: "rowgroup", headers: [note])] : []
        }
        for (index, counts) in [(0, o.granted), (1, o.partiallyGranted)] {
            let id = "\(t)-o\(index + 1)"
            body.append(resultsCell() + [header(outcomeLabels[index], id: id, colspan: 2, scope: "row", headers: [note, results])]
                        + numbers(counts, rowHeaders: [results, id]))
        }
        for group in groups {
            let groupID = "\(t)-o\(group.label + 1)"
            for (number, reason) in group.reasons.reasons.enumerated() {
                let id = "\(groupID)-\(number + 1)"
                let name = Glossary.chinese(reason.key) ?? reason.key
                let groupCell = number == 0
                    ? [header(outcomeLabels[group.label], id: groupID, rowspan: group.reasons.reasons.count, scope: "rowgroup", headers: [note, results])]
                    : []
                body.append(resultsCell() + groupCell + [header("\(number + 1).\(name)", id: id, scope: "row", headers: [note, results, groupID])]
                            + numbers(reason.counts, rowHeaders: [results, groupID, id]))
            }
        }
        let totalID = "\(t)-o7"
        body.append([header(outcomeLabels[6], id: totalID, colspan: 2, scope: "row", headers: [note, results])]
                    + numbers(o.total, rowHeaders: [results, totalID]))
        whole(3, r.carriedForward)
        return Table(id: "report-table-3", head: head, body: body)
    }

    // MARK: 四、政府信息公开行政复议、行政诉讼情况

    static let appealColumns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

    static func appeals(reviews: AppealCounts, lawsuits: LawsuitCounts) -> Table {
        let t = "report-t4"
        let review = "\(t)-review", lawsuit = "\(t)-lawsuit", direct = "\(t)-direct", after = "\(t)-after"
        let reviewIDs = (1...5).map { "\(review)-\($0)" }
        let directIDs = (1...5).map { "\(direct)-\($0)" }
        let afterIDs = (1...5).map { "\(after)-\($0)" }
        let head: [[Cell]] = [
            [header("行政复议", id: review, colspan: 5), header("行政诉讼", id: lawsuit, colspan: 10)],
            appealColumns.enumerated().map { header($1, id: reviewIDs[$0], rowspan: 2, scope: "col", headers: [review]) }
                + [header("未经复议直接起诉", id: direct, colspan: 5, headers: [lawsuit]),
                   header("复议后起诉", id: after, colspan: 5, headers: [lawsuit])],
            appealColumns.enumerated().map { header($1, id: directIDs[$0], scope: "col", headers: [lawsuit, direct]) }
                + appealColumns.enumerated().map { header($1, id: afterIDs[$0], scope: "col", headers: [lawsuit, after]) },
        ]
        let row = reviews.cells.enumerated().map { number(String($1), headers: [review, reviewIDs[$0]]) }
            + lawsuits.direct.cells.enumerated().map { number(String($1), headers: [lawsuit, direct, directIDs[$0]]) }
            + lawsuits.afterReview.cells.enumerated().map { number(String($1), headers: [lawsuit, after, afterIDs[$0]]) }
        return Table(id: "report-table-4", head: head, body: [row])
    }

    // MARK: The page

    /// The labels the tables print, for the leak audit's generated text.
    static let labels: [String] = {
        let statistics = ReportStatisticsWriter.zero
        let tables = [proactive(statistics.proactive), requests(statistics.requests),
                      appeals(reviews: statistics.reviews, lawsuits: statistics.lawsuits)]
        let texts = tables.flatMap { ($0.head + $0.body).flatMap { $0.filter(\.isHeader).map(\.text) } }
        var seen: Set<String> = []
        return (ReportSections.headings + texts).filter { seen.insert($0).inserted }
    }()

    /// The report's page: the text before the first heading, then sections 一 to 六 in
    /// order, each with the body's text written under its heading and, for 二 to 四, its table.
    static func context(_ report: ReportDetails, bodyHTML: String) -> ReportModel {
        let s = report.statistics
        let split = ReportSections.split(bodyHTML)
        let tables: [Int: Table] = [
            1: proactive(s.proactive),
            2: requests(s.requests),
            3: appeals(reviews: s.reviews, lawsuits: s.lawsuits),
        ]
        let sections = ReportSections.headings.enumerated().map { index, heading in
            ReportSection(id: "report-section-\(index + 1)", heading_id: "report-section-\(index + 1)", heading: heading,
                          html: split.sections[index], table: tables[index]?.model)
        }
        return ReportModel(year: String(report.year), preamble: split.preamble, sections: sections)
    }
}

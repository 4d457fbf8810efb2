import Foundation

/// The disclosure catalog as open data: `catalog.csv` (UTF-8 with BOM, RFC 4180) and
/// `catalog.json`, made from the plan (public records only), newest first.
public enum CatalogData {
    public static let csvPath = "catalog.csv"
    public static let jsonPath = "catalog.json"

    static let csvHeader = ["索引号", "标题", "类别", "发布机构", "成文日期", "发布日期", "修改日期", "主题分类", "内容概述",
                            "文号", "有效性", "年度", "收入总计", "支出总计", "法定时限", "承诺时限", "页面"]

    public static func csv(_ plan: SitePlan) -> [UInt8] {
        var rows = [csvHeader]
        for page in plan.newestRecords {
            let r = page.record
            var row = [r.indexNumber, r.title, r.type.chineseName, r.publisher, r.created.description,
                       r.published?.description ?? "", r.modified?.description ?? "", r.topic ?? "", r.summary ?? ""]
            var documentNumber = "", status = "", year = "", revenue = "", expenditure = "", statutory = "", promised = ""
            switch r.details {
            case .policy(let p): documentNumber = p.documentNumber; status = p.status.chineseName
            case .budget(let b): year = String(b.fiscalYear); revenue = b.revenue.text; expenditure = b.expenditure.text
            case .guide(let g): statutory = String(g.statutoryDays); promised = String(g.promisedDays)
            case .report(let report): year = String(report.year)
            }
            row += [documentNumber, status, year, revenue, expenditure, statutory, promised, page.path]
            rows.append(row)
        }
        let text = rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// A field quoted as RFC 4180 says: when it holds a comma, quote, CR or LF (or starts
    /// with a space), in double quotes with quotes doubled.
    public static func csvField(_ value: String) -> String {
        // Looked for in the bytes: the four are ASCII, and a Character walk was most of the CSV's cost.
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func json(_ plan: SitePlan) -> [UInt8] {
        let config = plan.view.config
        var out = "{\n  \"title\": \(jsonString(config.title)),\n  \"base_url\": \(jsonString(config.baseURL)),\n"
        out += "  \"record_count\": \(plan.recordPages.count),\n  \"records\": ["
        for (i, page) in plan.newestRecords.enumerated() {
            let r = page.record
            var fields: [(String, String)] = [
                ("index_number", jsonString(r.indexNumber)), ("title", jsonString(r.title)),
                ("type", jsonString(r.type.rawValue)), ("type_name", jsonString(r.type.chineseName)),
                ("publisher", jsonString(r.publisher)), ("created", jsonString(r.created.description)),
                ("published", r.published.map { jsonString($0.description) } ?? "null"),
                ("modified", r.modified.map { jsonString($0.description) } ?? "null"),
                ("topic", r.topic.map(jsonString) ?? "null"), ("summary", r.summary.map(jsonString) ?? "null"),
                ("path", jsonString(page.path)), ("url", jsonString(SitemapWriter.absoluteURL(config.baseURL, page.path))),
            ]
            fields.append(details(r.details))
            out += (i == 0 ? "\n    {" : ",\n    {") + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        out += plan.recordPages.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(out.utf8)
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func details(_ details: RecordDetails) -> (String, String) {
        switch details {
        case .policy(let p):
            return ("policy", object([("document_number", jsonString(p.documentNumber)), ("status", jsonString(p.status.rawValue)),
                                      ("repealed_by", p.repealedBy.map(jsonString) ?? "null")]))
        case .budget(let b):
            var pairs: [(String, String)] = [
                ("fiscal_year", "\(b.fiscalYear)"), ("kind", jsonString(b.kind.rawValue)), ("department", jsonString(b.department)),
                ("unit", jsonString(b.unit)), ("revenue", b.revenue.text), ("expenditure", b.expenditure.text),
                ("lines", "[" + b.lines.map { object([("name", jsonString($0.name)), ("amount", $0.amount.text)]) }.joined(separator: ", ") + "]"),
            ]
            if let f = b.threePublic {
                pairs.append(("three_public", object([("receptions", f.receptions.text), ("vehicles", f.vehicles.text),
                                                      ("overseas_travel", f.overseasTravel.text)])))
            }
            return ("budget", object(pairs))
        case .guide(let g):
            return ("guide", object([("statutory_days", "\(g.statutoryDays)"), ("promised_days", "\(g.promisedDays)"),
                                     ("fee_standard", jsonString(g.feeStandard)), ("window", jsonString(g.window))]))
        case .report(let report):
            let s = report.statistics
            func appeals(_ c: AppealCounts) -> String {
                object([("upheld", "\(c.upheld)"), ("corrected", "\(c.corrected)"), ("other", "\(c.other)"),
                        ("pending", "\(c.pending)"), ("total", "\(c.total)")])
            }
            let lawsuits: String
            switch s.lawsuits {
            case .combined(let c): lawsuits = appeals(c)
            case .split(let direct, let after): lawsuits = object([("direct", appeals(direct)), ("after_review", appeals(after))])
            }
            let r = s.requests
            let requests = object([("received", "\(r.received)"), ("carried_over", "\(r.carriedOver)"),
                                   ("outcomes_total", "\(r.outcomes.total)"), ("granted", "\(r.outcomes.granted)"),
                                   ("partially_granted", "\(r.outcomes.partiallyGranted)"), ("denied", "\(r.outcomes.denied.total)"),
                                   ("unavailable", "\(r.outcomes.unavailable.total)"), ("not_processed", "\(r.outcomes.notProcessed.total)"),
                                   ("other", "\(r.outcomes.other)"), ("carried_forward", "\(r.carriedForward)")])
            return ("report", object([("year", "\(report.year)"), ("requests", requests), ("reviews", appeals(s.reviews)),
                                      ("lawsuits", lawsuits)]))
        }
    }
}

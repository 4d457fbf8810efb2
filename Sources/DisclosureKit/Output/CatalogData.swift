import Foundation

/// The disclosure catalog as open data: `catalog.csv` (UTF-8 with BOM, RFC 4180) and
/// `catalog.json`, made from the plan (public records only), newest first.
public enum CatalogData {
    public static let csvPath = "catalog.csv"
    public static let jsonPath = "catalog.json"

    static let csvHeader = ["索引号", "标题", "类别", "发布机构", "成文日期", "发布日期", "修改日期", "主题分类", "内容概述",
                            "文号", "有效性", "年度", "收入总计", "支出总计", "法定时限", "承诺时限", "页面"]

    public static func csv(_ plan: SitePlan) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        func row(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendCSVField(field, to: &out)
            }
            out += [0x0D, 0x0A]
        }
        row(csvHeader)
        for page in plan.newestRecords {
            let r = page.record
            var fields = [r.indexNumber, r.title, r.type.chineseName, r.publisher, r.created.description,
                          r.published?.description ?? "", r.modified?.description ?? "", r.topic ?? "", r.summary ?? ""]
            var documentNumber = "", status = "", year = "", revenue = "", expenditure = "", statutory = "", promised = ""
            switch r.details {
            case .policy(let p): documentNumber = p.documentNumber; status = p.status.chineseName
            case .budget(let b): year = String(b.fiscalYear); revenue = b.revenue.text; expenditure = b.expenditure.text
            case .guide(let g): statutory = String(g.statutoryDays); promised = String(g.promisedDays)
            case .report(let report): year = String(report.year)
            }
            fields += [documentNumber, status, year, revenue, expenditure, statutory, promised, page.path]
            row(fields)
        }
        return out
    }

    /// A field quoted as RFC 4180 says: when it holds a comma, quote, CR or LF (or starts
    /// with a space), in double quotes with quotes doubled. A field a spreadsheet would
    /// read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) starts with a
    /// single quote, as OWASP's CSV-injection guidance says; catalog.json keeps the exact
    /// values.
    public static func csvField(_ value: String) -> String {
        var out: [UInt8] = []
        appendCSVField(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendCSVField(_ value: String, to out: inout [UInt8]) {
        // Looked for in the bytes: the four are ASCII, and a Character walk was most of the CSV's cost.
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        let formulaGuard: [UInt8] = startsAsFormula(value) ? [0x27] : []
        guard needsQuotes else {
            out += formulaGuard
            out += value.utf8
            return
        }
        out.append(0x22)
        out += formulaGuard
        for byte in value.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// `=`, `+`, `-`, `@`, tab or CR first: what a spreadsheet takes for a formula.
    static func startsAsFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }

    public static func json(_ plan: SitePlan) -> [UInt8] {
        let config = plan.view.config
        var out = JSONBytes()
        out.raw("{\n  \"title\": ")
        appendJSONString(config.title, to: &out.bytes)
        out.raw(",\n  \"base_url\": ")
        appendJSONString(config.baseURL, to: &out.bytes)
        out.raw(",\n  \"record_count\": \(plan.recordPages.count),\n  \"records\": [")
        for (i, page) in plan.newestRecords.enumerated() {
            let r = page.record
            out.raw(i == 0 ? "\n    " : ",\n    ")
            out.openObject()
            out.string("index_number", r.indexNumber)
            out.string("title", r.title)
            out.string("type", r.type.rawValue)
            out.string("type_name", r.type.chineseName)
            out.string("publisher", r.publisher)
            out.string("created", r.created.description)
            out.string("published", r.published?.description)
            out.string("modified", r.modified?.description)
            out.string("topic", r.topic)
            out.string("summary", r.summary)
            out.string("path", page.path)
            out.string("url", SitemapWriter.absoluteURL(config.baseURL, page.path))
            details(r.details, to: &out)
            out.closeObject()
        }
        out.raw(plan.recordPages.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return out.bytes
    }

    /// The member for a record's type: `"policy": {...}` and so on.
    static func details(_ details: RecordDetails, to out: inout JSONBytes) {
        switch details {
        case .policy(let p):
            out.key("policy")
            out.openObject()
            out.string("document_number", p.documentNumber)
            out.string("status", p.status.rawValue)
            out.string("repealed_by", p.repealedBy)
            out.closeObject()
        case .budget(let b):
            out.key("budget")
            out.openObject()
            out.number("fiscal_year", b.fiscalYear)
            out.string("kind", b.kind.rawValue)
            out.string("department", b.department)
            out.string("unit", b.unit)
            out.number("revenue", b.revenue.text)
            out.number("expenditure", b.expenditure.text)
            out.key("lines")
            out.raw("[")
            for (index, line) in b.lines.enumerated() {
                if index > 0 { out.raw(", ") }
                out.openObject()
                out.string("name", line.name)
                out.number("amount", line.amount.text)
                out.closeObject()
            }
            out.raw("]")
            if let f = b.threePublic {
                out.key("three_public")
                out.openObject()
                out.number("receptions", f.receptions.text)
                out.number("vehicles", f.vehicles.text)
                out.number("overseas_travel", f.overseasTravel.text)
                out.closeObject()
            }
            out.closeObject()
        case .guide(let g):
            out.key("guide")
            out.openObject()
            out.number("statutory_days", g.statutoryDays)
            out.number("promised_days", g.promisedDays)
            out.string("fee_standard", g.feeStandard)
            out.string("window", g.window)
            out.closeObject()
        case .report(let report):
            let s = report.statistics
            func appeals(_ key: String, _ c: AppealCounts) {
                out.key(key)
                out.openObject()
                out.number("upheld", c.upheld)
                out.number("corrected", c.corrected)
                out.number("other", c.other)
                out.number("pending", c.pending)
                out.number("total", c.total)
                out.closeObject()
            }
            out.key("report")
            out.openObject()
            out.number("year", report.year)
            let r = s.requests
            out.key("requests")
            out.openObject()
            out.number("received", r.received)
            out.number("carried_over", r.carriedOver)
            out.number("outcomes_total", r.outcomes.total)
            out.number("granted", r.outcomes.granted)
            out.number("partially_granted", r.outcomes.partiallyGranted)
            out.number("denied", r.outcomes.denied.total)
            out.number("unavailable", r.outcomes.unavailable.total)
            out.number("not_processed", r.outcomes.notProcessed.total)
            out.number("other", r.outcomes.other)
            out.number("carried_forward", r.carriedForward)
            out.closeObject()
            appeals("reviews", s.reviews)
            switch s.lawsuits {
            case .combined(let c):
                appeals("lawsuits", c)
            case .split(let direct, let after):
                out.key("lawsuits")
                out.openObject()
                appeals("direct", direct)
                appeals("after_review", after)
                out.closeObject()
            }
            out.closeObject()
        }
    }
}

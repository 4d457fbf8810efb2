import Foundation

/// The disclosure catalog as open data: `catalog.csv` (UTF-8 with BOM, RFC 4180) and
/// `catalog.json`, made from the plan (public records only), newest first.
public enum CatalogData {
    public static let csvPath = "catalog.csv"
    public static let jsonPath = "catalog.json"
    /// catalog.json's format and version, as `docs/catalog.schema.json` gives them: the
    /// version is raised whenever a reader of the previous one could misread the file.
    public static let jsonFormat = "disclose-catalog"
    public static let jsonVersion = 1

    /// The columns, named as pages name them (`Glossary`); the type columns by the labels
    /// their built-in declarations give the fields.
    static let csvHeader = ["index_number", "title"].map(Glossary.label) + ["类别"]
        + ["publisher", "created", "published", "modified", "topic", "summary"].map(Glossary.label) + [
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
            // The type columns are read by key, from whichever type declares the field.
            fields += [text(r, "document_number"), status(r, asOf: plan.view.config.asOf), r.ownYear.map(String.init) ?? "",
                       text(r, "totals", "revenue"), text(r, "totals", "expenditure"),
                       text(r, "time_limit", "statutory_days"), text(r, "time_limit", "promised_days"), page.path]
            row(fields)
        }
        return out
    }

    /// 有效性 as shown on the as-of date (失效 past 有效期至); empty for a type without it.
    static func status(_ record: Record, asOf: CalendarDate) -> String {
        guard let shown = PolicyValidity.shown(record, asOf: asOf) else { return text(record, "status") }
        let declaration = record.type.declaration
        return declaration.field("status")?.values.first { $0.value == shown.rawValue }?.label ?? shown.chineseName
    }

    /// The text of field `key` (or of its member `member`), as the page shows it; empty
    /// when the record's type does not declare it.
    static func text(_ record: Record, _ key: String, _ member: String? = nil) -> String {
        let declaration = record.type.declaration
        guard let index = declaration.index(of: key) else { return "" }
        let field = declaration.fields[index]
        guard let member else { return record.fields[index].displayText(field) }
        guard let sub = field.index(of: member), let members = record.fields[index].members else { return "" }
        return members[sub].displayText(field.fields[sub])
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
        // What the file is and the version of its format (docs/catalog.schema.json).
        out.raw("{\n  \"format\": \"\(jsonFormat)\",\n  \"version\": \(jsonVersion),\n  \"title\": ")
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
            out.string("type", r.type.id)
            out.string("type_name", r.type.chineseName)
            out.string("publisher", r.publisher)
            out.string("created", r.created.description)
            out.string("published", r.published?.description)
            out.string("modified", r.modified?.description)
            out.string("topic", r.topic)
            out.string("summary", r.summary)
            out.string("path", page.path)
            out.string("url", SitemapWriter.absoluteURL(config.baseURL, page.path))
            typeFields(r, asOf: config.asOf, to: &out)
            out.closeObject()
        }
        out.raw(plan.recordPages.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return out.bytes
    }

    /// The member for a record's type, named by its id: each declared field by its key,
    /// in the declaration's order (`null` when absent); a group is an object, a table an
    /// array of objects, an enum its English value.
    static func typeFields(_ record: Record, asOf: CalendarDate, to out: inout JSONBytes) {
        out.key(record.type.id)
        out.openObject()
        for (field, value) in zip(record.type.declaration.fields, PolicyValidity.shownFields(record, asOf: asOf)) {
            out.key(field.key)
            self.value(value, field, to: &out)
        }
        out.closeObject()
    }

    static func value(_ value: FieldValue, _ field: FieldDeclaration, to out: inout JSONBytes) {
        switch value {
        case .absent: out.raw("null")
        case .text(let text): appendJSONString(text, to: &out.bytes)
        case .paragraphs(.text(let text)): appendJSONString(text, to: &out.bytes)
        case .paragraphs(.list(let items)), .list(let items): strings(items, to: &out)
        case .date(let date): appendJSONString(date.description, to: &out.bytes)
        case .number(let number): out.raw(String(number))
        case .amount(let amount): out.raw(amount.text)
        case .choice(let index): appendJSONString(field.values[index].value, to: &out.bytes)
        case .group(let members): object(members, field.fields, to: &out)
        case .table(let rows):
            out.raw("[")
            for (index, row) in rows.enumerated() {
                if index > 0 { out.raw(", ") }
                object(row, field.fields, to: &out)
            }
            out.raw("]")
        case .statistics(let statistics): self.statistics(statistics, to: &out)
        }
    }

    static func strings(_ items: [String], to out: inout JSONBytes) {
        out.raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { out.raw(", ") }
            appendJSONString(item, to: &out.bytes)
        }
        out.raw("]")
    }

    static func object(_ members: [FieldValue], _ fields: [FieldDeclaration], to out: inout JSONBytes) {
        out.openObject()
        for (field, member) in zip(fields, members) {
            out.key(field.key)
            value(member, field, to: &out)
        }
        out.closeObject()
    }

    /// A report's statistics: the requests with their outcome totals, reviews, lawsuits.
    static func statistics(_ s: ReportStatistics, to out: inout JSONBytes) {
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
        out.openObject()
        let r = s.requests
        out.key("requests")
        out.openObject()
        out.number("received", r.received.total)
        out.number("carried_over", r.carriedOver.total)
        out.number("outcomes_total", r.outcomes.total.total)
        out.number("granted", r.outcomes.granted.total)
        out.number("partially_granted", r.outcomes.partiallyGranted.total)
        out.number("denied", r.outcomes.denied.total.total)
        out.number("unavailable", r.outcomes.unavailable.total.total)
        out.number("not_processed", r.outcomes.notProcessed.total.total)
        out.number("other", r.outcomes.other.total.total)
        out.number("carried_forward", r.carriedForward.total)
        out.closeObject()
        appeals("reviews", s.reviews)
        out.key("lawsuits")
        out.openObject()
        appeals("direct", s.lawsuits.direct)
        appeals("after_review", s.lawsuits.afterReview)
        out.closeObject()
        out.closeObject()
    }
}

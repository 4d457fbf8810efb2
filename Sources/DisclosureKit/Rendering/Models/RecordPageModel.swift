/// A record's page (`record.mustache`): its metadata table, its body and what its type
/// draws besides (a policy's 有效性 notice and relations, a budget's figures, a guide's
/// eight disclosures, a report's tables, the type's other fields), its attachments and
/// its neighbours.
public struct RecordPageModel: PageModel {
    public static let template = "record"
    var frame: PageFrame
    var title: String
    var type: String
    var meta: [LabelledValue]
    /// The rendered Markdown: the one raw value.
    var body: String
    var policy: PolicyNotice?
    var relations: [RelationBlock]?
    var budget: BudgetFigures?
    var guide: GuideModel?
    var report: ReportModel?
    var field_sections: [FieldSection]?
    var attachments: [AttachmentItem]
    var has_attachments: Bool
    var previous: TitledLink?
    var next: TitledLink?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "type": type
        case "meta": meta
        case "body": body
        case "policy": policy
        case "relations": relations
        case "budget": budget
        case "guide": guide
        case "report": report
        case "field_sections": field_sections
        case "attachments": attachments
        case "has_attachments": has_attachments
        case "previous": previous
        case "next": next
        default: frame.child(named: name)
        }
    }
}

/// The 有效性 notice of a policy that is repealed, expired or amended, with what replaced it:
/// a public record's page (`_href`, `_title`) or a document outside the site (`_document`).
public struct PolicyNotice: TemplateModel {
    var repealed: Bool
    var expired: Bool
    var amended: Bool
    var repealed_by: Successor?
    var amended_by: Successor?

    /// What replaced the policy, as the notice names it.
    struct Successor: Encodable, Sendable {
        var href: String?
        var title: String?
        var document: String?
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "repealed": repealed
        case "expired": expired
        case "amended": amended
        case "repealed_by_href": repealed_by?.href
        case "repealed_by_title": repealed_by?.title
        case "repealed_by_document": repealed_by?.document
        case "repealed_by_named": repealed_by.map { _ in true }
        case "amended_by_href": amended_by?.href
        case "amended_by_title": amended_by?.title
        case "amended_by_document": amended_by?.document
        case "amended_by_named": amended_by.map { _ in true }
        default: nil
        }
    }
}

/// A block of links to related pages (解读的文件, 相关解读, 废止的文件).
public struct RelationBlock: TemplateModel {
    var id: String
    var heading: String
    var links: [RelationLink]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading": heading
        case "links": links
        default: nil
        }
    }
}

/// A related page, with its 文号 when it has one.
public struct RelationLink: TemplateModel {
    var title: String
    var href: String
    var document_number: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "document_number": document_number
        default: nil
        }
    }
}

/// A budget's or final account's figures.
public struct BudgetFigures: TemplateModel {
    var fiscal_year: String
    var kind_name: String
    var unit: String
    var revenue: String
    var expenditure: String
    var lines: [BudgetLineItem]
    var has_lines: Bool
    var three_public: ThreePublicFundsItem?

    public func child(named name: String) -> Any? {
        switch name {
        case "fiscal_year": fiscal_year
        case "kind_name": kind_name
        case "unit": unit
        case "revenue": revenue
        case "expenditure": expenditure
        case "lines": lines
        case "has_lines": has_lines
        case "three_public": three_public
        default: nil
        }
    }
}

/// A line of a budget.
public struct BudgetLineItem: TemplateModel {
    var name: String
    var amount: String

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "amount": amount
        default: nil
        }
    }
}

/// 三公经费.
public struct ThreePublicFundsItem: TemplateModel {
    var receptions: String
    var vehicles: String
    var overseas_travel: String

    public func child(named name: String) -> Any? {
        switch name {
        case "receptions": receptions
        case "vehicles": vehicles
        case "overseas_travel": overseas_travel
        default: nil
        }
    }
}

/// A guide's eight disclosures (八公开).
public struct GuideModel: TemplateModel {
    var sections: [TextSection]

    public func child(named name: String) -> Any? {
        name == "sections" ? sections : nil
    }
}

/// A heading and its text: one paragraph, or the items of a list.
public struct TextSection: TemplateModel {
    var heading: String
    var items: [String]
    var is_list: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "items": items
        case "is_list": is_list
        default: nil
        }
    }
}

/// A type field shown below the metadata table: text, a list, or a table.
public struct FieldSection: TemplateModel {
    var heading: String
    var items: [String]?
    var is_list: Bool?
    var is_table: Bool?
    var columns: [String]?
    var rows: [TextRow]?

    public func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "items": items
        case "is_list": is_list
        case "is_table": is_table
        case "columns": columns
        case "rows": rows
        default: nil
        }
    }
}

/// A row of a field's table.
public struct TextRow: TemplateModel {
    var cells: [String]

    public func child(named name: String) -> Any? {
        name == "cells" ? cells : nil
    }
}

/// An annual report's page: the text before the first heading, then its six sections.
public struct ReportModel: TemplateModel {
    var year: String
    var preamble: String
    var sections: [ReportSection]

    public func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "preamble": preamble
        case "sections": sections
        default: nil
        }
    }
}

/// A section of an annual report: its heading, the body's text under it, and for 二 to 四
/// its table.
public struct ReportSection: TemplateModel {
    var id: String
    var heading_id: String
    var heading: String
    var html: String
    var table: ReportTable?

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading_id": heading_id
        case "heading": heading
        case "html": html
        case "table": table
        default: nil
        }
    }
}

/// A statistics table of an annual report.
public struct ReportTable: TemplateModel {
    var id: String
    var has_head: Bool
    var head_rows: [ReportRow]
    var body_rows: [ReportRow]

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "has_head": has_head
        case "head_rows": head_rows
        case "body_rows": body_rows
        default: nil
        }
    }
}

/// A row of a report's table.
public struct ReportRow: TemplateModel {
    var cells: [ReportCell]

    public func child(named name: String) -> Any? {
        name == "cells" ? cells : nil
    }
}

/// A cell of a report's table: a header (`th`) or a number (`td`); `colspan` and
/// `rowspan` only above 1, `headers` only when the cell names some.
public struct ReportCell: TemplateModel {
    var text: String
    var is_header: Bool
    var id: String?
    var colspan: String?
    var rowspan: String?
    var scope: String?
    var headers: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "is_header": is_header
        case "id": id
        case "colspan": colspan
        case "rowspan": rowspan
        case "scope": scope
        case "headers": headers
        default: nil
        }
    }
}

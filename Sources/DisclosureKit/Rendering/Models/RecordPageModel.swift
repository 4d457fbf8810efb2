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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": title.templateValue
        case "type": type.templateValue
        case "meta": meta.templateValue
        case "body": body.templateValue
        case "policy": policy.templateValue
        case "relations": relations.templateValue
        case "budget": budget.templateValue
        case "guide": guide.templateValue
        case "report": report.templateValue
        case "field_sections": field_sections.templateValue
        case "attachments": attachments.templateValue
        case "has_attachments": has_attachments.templateValue
        case "previous": previous.templateValue
        case "next": next.templateValue
        default: frame.value(named: name)
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "repealed": repealed.templateValue
        case "expired": expired.templateValue
        case "amended": amended.templateValue
        case "repealed_by_href": (repealed_by?.href).templateValue
        case "repealed_by_title": (repealed_by?.title).templateValue
        case "repealed_by_document": (repealed_by?.document).templateValue
        case "repealed_by_named": (repealed_by.map { _ in true }).templateValue
        case "amended_by_href": (amended_by?.href).templateValue
        case "amended_by_title": (amended_by?.title).templateValue
        case "amended_by_document": (amended_by?.document).templateValue
        case "amended_by_named": (amended_by.map { _ in true }).templateValue
        default: .absent
        }
    }
}

/// A block of links to related pages (解读的文件, 相关解读, 废止的文件).
public struct RelationBlock: TemplateModel {
    var id: String
    var heading: String
    var links: [RelationLink]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": id.templateValue
        case "heading": heading.templateValue
        case "links": links.templateValue
        default: .absent
        }
    }
}

/// A related page, with its 文号 when it has one.
public struct RelationLink: TemplateModel {
    var title: String
    var href: String
    var document_number: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": title.templateValue
        case "href": href.templateValue
        case "document_number": document_number.templateValue
        default: .absent
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "fiscal_year": fiscal_year.templateValue
        case "kind_name": kind_name.templateValue
        case "unit": unit.templateValue
        case "revenue": revenue.templateValue
        case "expenditure": expenditure.templateValue
        case "lines": lines.templateValue
        case "has_lines": has_lines.templateValue
        case "three_public": three_public.templateValue
        default: .absent
        }
    }
}

/// A line of a budget.
public struct BudgetLineItem: TemplateModel {
    var name: String
    var amount: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "amount": amount.templateValue
        default: .absent
        }
    }
}

/// 三公经费.
public struct ThreePublicFundsItem: TemplateModel {
    var receptions: String
    var vehicles: String
    var overseas_travel: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "receptions": receptions.templateValue
        case "vehicles": vehicles.templateValue
        case "overseas_travel": overseas_travel.templateValue
        default: .absent
        }
    }
}

/// A guide's eight disclosures (八公开).
public struct GuideModel: TemplateModel {
    var sections: [TextSection]

    public func value(named name: String) -> TemplateValue {
        name == "sections" ? sections.templateValue : .absent
    }
}

/// A heading and its text: one paragraph, or the items of a list.
public struct TextSection: TemplateModel {
    var heading: String
    var items: [String]
    var is_list: Bool

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "heading": heading.templateValue
        case "items": items.templateValue
        case "is_list": is_list.templateValue
        default: .absent
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "heading": heading.templateValue
        case "items": items.templateValue
        case "is_list": is_list.templateValue
        case "is_table": is_table.templateValue
        case "columns": columns.templateValue
        case "rows": rows.templateValue
        default: .absent
        }
    }
}

/// A row of a field's table.
public struct TextRow: TemplateModel {
    var cells: [String]

    public func value(named name: String) -> TemplateValue {
        name == "cells" ? cells.templateValue : .absent
    }
}

/// An annual report's page: the text before the first heading, then its six sections.
public struct ReportModel: TemplateModel {
    var year: String
    var preamble: String
    var sections: [ReportSection]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "year": year.templateValue
        case "preamble": preamble.templateValue
        case "sections": sections.templateValue
        default: .absent
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": id.templateValue
        case "heading_id": heading_id.templateValue
        case "heading": heading.templateValue
        case "html": html.templateValue
        case "table": table.templateValue
        default: .absent
        }
    }
}

/// A statistics table of an annual report.
public struct ReportTable: TemplateModel {
    var id: String
    var has_head: Bool
    var head_rows: [ReportRow]
    var body_rows: [ReportRow]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": id.templateValue
        case "has_head": has_head.templateValue
        case "head_rows": head_rows.templateValue
        case "body_rows": body_rows.templateValue
        default: .absent
        }
    }
}

/// A row of a report's table.
public struct ReportRow: TemplateModel {
    var cells: [ReportCell]

    public func value(named name: String) -> TemplateValue {
        name == "cells" ? cells.templateValue : .absent
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "text": text.templateValue
        case "is_header": is_header.templateValue
        case "id": id.templateValue
        case "colspan": colspan.templateValue
        case "rowspan": rowspan.templateValue
        case "scope": scope.templateValue
        case "headers": headers.templateValue
        default: .absent
        }
    }
}

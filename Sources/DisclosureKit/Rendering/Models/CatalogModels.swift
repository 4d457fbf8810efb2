/// 政府信息公开目录's home (`catalog.mustache`): every facet with its values.
public struct CatalogModel: PageModel {
    public static let template = "catalog"
    var frame: PageFrame
    var record_count: Int
    var facets: [CatalogFacet]
    var has_publisher_pages: Bool
    var publisher_pages: [PublisherLink]?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "record_count": record_count.templateValue
        case "facets": facets.templateValue
        case "has_publisher_pages": has_publisher_pages.templateValue
        case "publisher_pages": publisher_pages.templateValue
        default: frame.value(named: name)
        }
    }
}

/// A facet of the catalog (主题, 发布机构, 年度, 类别) and its values, in groups.
public struct CatalogFacet: TemplateModel {
    var facet: String
    var name: String
    var count: Int
    var groups: [CatalogValueGroup]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "facet": facet.templateValue
        case "name": self.name.templateValue
        case "count": count.templateValue
        case "groups": groups.templateValue
        default: .absent
        }
    }
}

/// A run of a facet's values under one group name (or none).
public struct CatalogValueGroup: TemplateModel {
    var group: String?
    var values: [CatalogValueLink]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "group": group.templateValue
        case "values": values.templateValue
        default: .absent
        }
    }
}

/// A value of a facet, with its count and its first page.
public struct CatalogValueLink: TemplateModel {
    var name: String
    var count: Int
    var href: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "count": count.templateValue
        case "href": href.templateValue
        default: .absent
        }
    }
}

/// One page of one facet value's records (`catalog-page.mustache`). `rows` are the rows'
/// models, which key the page; the page renders each row as `catalog-row` made it once
/// (`CatalogPageRendering`).
public struct CatalogPageModel: PageModel {
    public static let template = "catalog-page"
    var frame: PageFrame
    var heading: String
    var facet_name: String
    var publisher_page: String?
    var record_count: Int
    var row_count: Int
    var page_count_text: String?
    var rows: [CatalogRowModel]
    var has_pagination: Bool
    var pages: [PagerItem]
    var previous_page: String?
    var next_page: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "heading": heading.templateValue
        case "facet_name": facet_name.templateValue
        case "publisher_page": publisher_page.templateValue
        case "record_count": record_count.templateValue
        case "row_count": row_count.templateValue
        case "page_count_text": page_count_text.templateValue
        case "rows": rows.templateValue
        case "has_pagination": has_pagination.templateValue
        case "pages": pages.templateValue
        case "previous_page": previous_page.templateValue
        case "next_page": next_page.templateValue
        default: frame.value(named: name)
        }
    }

    /// The page as rendered: its rows as the rendered text of each.
    func rendering(rows: [String]) -> CatalogPageRendering {
        CatalogPageRendering(page: self, rows: rows)
    }
}

/// A catalog page with its rows rendered (`{{{rows}}}` and friends read the texts).
public struct CatalogPageRendering: TemplateModel {
    var page: CatalogPageModel
    var rows: [String]

    public func value(named name: String) -> TemplateValue {
        name == "rows" ? rows.templateValue : page.value(named: name)
    }
}

/// A record's row of the catalog (`catalog-row.mustache`), as seen from `catalog/`.
public struct CatalogRowModel: TemplateModel {
    public static let template = "catalog-row"
    var root: String
    var index_number: String
    var title: String
    var href: String
    var publisher: String
    var created: String
    var published: String
    var created_text: String
    var published_text: String
    /// 文号, for the types that declare one (empty for the others).
    var document_number: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "root": root.templateValue
        case "index_number": index_number.templateValue
        case "title": title.templateValue
        case "href": href.templateValue
        case "publisher": publisher.templateValue
        case "created": created.templateValue
        case "published": published.templateValue
        case "created_text": created_text.templateValue
        case "published_text": published_text.templateValue
        case "document_number": document_number.templateValue
        default: .absent
        }
    }
}

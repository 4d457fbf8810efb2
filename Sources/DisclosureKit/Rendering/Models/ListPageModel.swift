/// A page of a section's list or of one of its year archives (`list.mustache`).
public struct ListPageModel: PageModel {
    public static let template = "list"
    var frame: PageFrame
    var section_name: String
    /// The archive's year, apart from the section's name: generated text, read on its own.
    var section_year: String?
    var record_count: Int
    var page_count_text: String?
    var has_years: Bool
    var years: [YearLink]
    var groups: [YearGroup]
    var has_pagination: Bool
    var pages: [PagerItem]
    var previous_page: String?
    var next_page: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "section_name": section_name.templateValue
        case "section_year": section_year.templateValue
        case "record_count": record_count.templateValue
        case "page_count_text": page_count_text.templateValue
        case "has_years": has_years.templateValue
        case "years": years.templateValue
        case "groups": groups.templateValue
        case "has_pagination": has_pagination.templateValue
        case "pages": pages.templateValue
        case "previous_page": previous_page.templateValue
        case "next_page": next_page.templateValue
        default: frame.value(named: name)
        }
    }
}

/// A link from a section's lists to one of its year archives (按年度浏览).
public struct YearLink: TemplateModel {
    var year: Int
    var count: Int
    var current: Bool
    var href: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "year": year.templateValue
        case "count": count.templateValue
        case "current": current.templateValue
        case "href": href.templateValue
        default: .absent
        }
    }
}

/// The records of a list page that share a year.
public struct YearGroup: TemplateModel {
    var year: String
    var records: [ListItem]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "year": year.templateValue
        case "records": records.templateValue
        default: .absent
        }
    }
}

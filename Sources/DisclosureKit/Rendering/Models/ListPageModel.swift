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

    public func child(named name: String) -> Any? {
        switch name {
        case "section_name": section_name
        case "section_year": section_year
        case "record_count": record_count
        case "page_count_text": page_count_text
        case "has_years": has_years
        case "years": years
        case "groups": groups
        case "has_pagination": has_pagination
        case "pages": pages
        case "previous_page": previous_page
        case "next_page": next_page
        default: frame.child(named: name)
        }
    }
}

/// A link from a section's lists to one of its year archives (按年度浏览).
public struct YearLink: TemplateModel {
    var year: Int
    var count: Int
    var current: Bool
    var href: String

    public func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "count": count
        case "current": current
        case "href": href
        default: nil
        }
    }
}

/// The records of a list page that share a year.
public struct YearGroup: TemplateModel {
    var year: String
    var records: [ListItem]

    public func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "records": records
        default: nil
        }
    }
}

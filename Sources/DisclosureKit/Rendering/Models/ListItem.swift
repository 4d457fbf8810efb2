/// A record in a list (a section's list, the home page, a publisher page): `date` is ISO,
/// for `datetime`; `date_text` is what the page shows.
public struct ListItem: TemplateModel {
    var title: String
    var href: String
    var index_number: String
    var date: String
    var date_text: String
    var summary: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": title.templateValue
        case "href": href.templateValue
        case "index_number": index_number.templateValue
        case "date": date.templateValue
        case "date_text": date_text.templateValue
        case "summary": summary.templateValue
        default: .absent
        }
    }
}

/// An entry of a pager: a page number, or a gap where numbers are left out.
public struct PagerItem: TemplateModel {
    var number: Int?
    var href: String?
    var current: Bool?
    var gap: Bool?

    static func gapItem() -> PagerItem { PagerItem(gap: true) }

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "number": number.templateValue
        case "href": href.templateValue
        case "current": current.templateValue
        case "gap": gap.templateValue
        default: .absent
        }
    }
}

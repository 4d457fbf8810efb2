/// A record in a list (a section's list, the home page, a publisher page): `date` is ISO,
/// for `datetime`; `date_text` is what the page shows.
public struct ListItem: TemplateModel {
    var title: String
    var href: String
    var index_number: String
    var date: String
    var date_text: String
    var summary: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "index_number": index_number
        case "date": date
        case "date_text": date_text
        case "summary": summary
        default: nil
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

    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "href": href
        case "current": current
        case "gap": gap
        default: nil
        }
    }
}

/// One publisher's disclosure index (`publisher.mustache`).
public struct PublisherPageModel: PageModel {
    public static let template = "publisher"
    var frame: PageFrame
    var heading: String
    var kind_name: String
    var short_name: String?
    var code: String
    var record_count: Int
    var guide: TitledLink?
    var has_reports: Bool
    var reports: [ListItem]?
    var catalog_href: String?
    var sections: [PublisherSection]

    public func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "kind_name": kind_name
        case "short_name": short_name
        case "code": code
        case "record_count": record_count
        case "guide": guide
        case "has_reports": has_reports
        case "reports": reports
        case "catalog_href": catalog_href
        case "sections": sections
        default: frame.child(named: name)
        }
    }
}

/// A section of a publisher page: its newest records and the way to all of them.
public struct PublisherSection: TemplateModel {
    var type: String
    var name: String
    var count: Int
    var records: [ListItem]
    var more_href: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "type": type
        case "name": self.name
        case "count": count
        case "records": records
        case "more_href": more_href
        default: nil
        }
    }
}

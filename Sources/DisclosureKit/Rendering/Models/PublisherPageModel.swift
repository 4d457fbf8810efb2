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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "heading": heading.templateValue
        case "kind_name": kind_name.templateValue
        case "short_name": short_name.templateValue
        case "code": code.templateValue
        case "record_count": record_count.templateValue
        case "guide": guide.templateValue
        case "has_reports": has_reports.templateValue
        case "reports": reports.templateValue
        case "catalog_href": catalog_href.templateValue
        case "sections": sections.templateValue
        default: frame.value(named: name)
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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "type": type.templateValue
        case "name": self.name.templateValue
        case "count": count.templateValue
        case "records": records.templateValue
        case "more_href": more_href.templateValue
        default: .absent
        }
    }
}

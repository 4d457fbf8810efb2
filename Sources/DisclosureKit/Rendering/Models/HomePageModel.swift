/// The home page (`home.mustache`).
public struct HomePageModel: PageModel {
    public static let template = "home"
    var frame: PageFrame
    var public_count: Int
    /// The site's own guide (a publisher's is on its publisher page).
    var guide: TitledLink?
    var has_publisher_pages: Bool
    var publisher_pages: [PublisherLink]?
    var sections: [HomeSection]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "public_count": public_count.templateValue
        case "guide": guide.templateValue
        case "has_publisher_pages": has_publisher_pages.templateValue
        case "publisher_pages": publisher_pages.templateValue
        case "sections": sections.templateValue
        default: frame.value(named: name)
        }
    }
}

/// A section on the home page, with its newest records.
public struct HomeSection: TemplateModel {
    var type: String
    var name: String
    var href: String
    var count: Int
    var latest: [ListItem]

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "type": type.templateValue
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "count": count.templateValue
        case "latest": latest.templateValue
        default: .absent
        }
    }
}

/// A publisher with a page of its own, as the catalog and the home page link it.
public struct PublisherLink: TemplateModel {
    var name: String
    var href: String
    var short_name: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "short_name": short_name.templateValue
        default: .absent
        }
    }
}

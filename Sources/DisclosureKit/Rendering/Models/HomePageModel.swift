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

    public func child(named name: String) -> Any? {
        switch name {
        case "public_count": public_count
        case "guide": guide
        case "has_publisher_pages": has_publisher_pages
        case "publisher_pages": publisher_pages
        case "sections": sections
        default: frame.child(named: name)
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

    public func child(named name: String) -> Any? {
        switch name {
        case "type": type
        case "name": self.name
        case "href": href
        case "count": count
        case "latest": latest
        default: nil
        }
    }
}

/// A publisher with a page of its own, as the catalog and the home page link it.
public struct PublisherLink: TemplateModel {
    var name: String
    var href: String
    var short_name: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "short_name": short_name
        default: nil
        }
    }
}

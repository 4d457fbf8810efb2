/// What every page has (`base.mustache`): language, titles, the way back to the root, the
/// navigation, the breadcrumbs, the footer and the head's meta tags.
public struct PageFrame: TemplateModel {
    var lang: String
    var site_title: String
    var page_title: String
    var publisher: String
    var root: String
    var nav: [NavigationLink]
    var breadcrumbs: [Breadcrumb]
    var has_breadcrumbs: Bool
    var footer_lines: [FooterLine]
    var site_links: [SiteLinkItem]
    var has_site_links: Bool
    var head_meta: [MetaTag]

    public func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "site_title": site_title
        case "page_title": page_title
        case "publisher": publisher
        case "root": root
        case "nav": nav
        case "breadcrumbs": breadcrumbs
        case "has_breadcrumbs": has_breadcrumbs
        case "footer_lines": footer_lines
        case "site_links": site_links
        case "has_site_links": has_site_links
        case "head_meta": head_meta
        default: nil
        }
    }
}

/// An entry of the main navigation; `current` on the page's own section.
public struct NavigationLink: TemplateModel {
    var label: String
    var href: String
    var current: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

/// A breadcrumb; the last has no link.
public struct Breadcrumb: TemplateModel {
    var label: String
    var href: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

/// One line of the footer: its labelled items.
public struct FooterLine: TemplateModel {
    var items: [LabelledValue]

    public func child(named name: String) -> Any? {
        name == "items" ? items : nil
    }
}

/// A label and its text: a footer item, a row of the metadata table.
public struct LabelledValue: TemplateModel {
    var label: String
    var value: String

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

/// A link of `site.yaml`'s `links`.
public struct SiteLinkItem: TemplateModel {
    var title: String
    var url: String
    var relative: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "relative": relative
        default: nil
        }
    }
}

/// A `<meta name content>` tag of the head.
public struct MetaTag: TemplateModel {
    var name: String
    var content: String

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "content": content
        default: nil
        }
    }
}

/// A link to another page by its title: a neighbour, a guide, a successor.
public struct TitledLink: TemplateModel {
    var href: String
    var title: String

    public func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        default: nil
        }
    }
}

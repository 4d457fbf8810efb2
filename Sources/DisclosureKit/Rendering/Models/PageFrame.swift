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

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "lang": lang.templateValue
        case "site_title": site_title.templateValue
        case "page_title": page_title.templateValue
        case "publisher": publisher.templateValue
        case "root": root.templateValue
        case "nav": nav.templateValue
        case "breadcrumbs": breadcrumbs.templateValue
        case "has_breadcrumbs": has_breadcrumbs.templateValue
        case "footer_lines": footer_lines.templateValue
        case "site_links": site_links.templateValue
        case "has_site_links": has_site_links.templateValue
        case "head_meta": head_meta.templateValue
        default: .absent
        }
    }
}

/// An entry of the main navigation; `current` on the page's own section.
public struct NavigationLink: TemplateModel {
    var label: String
    var href: String
    var current: Bool

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": label.templateValue
        case "href": href.templateValue
        case "current": current.templateValue
        default: .absent
        }
    }
}

/// A breadcrumb; the last has no link.
public struct Breadcrumb: TemplateModel {
    var label: String
    var href: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": label.templateValue
        case "href": href.templateValue
        default: .absent
        }
    }
}

/// One line of the footer: its labelled items.
public struct FooterLine: TemplateModel {
    var items: [LabelledValue]

    public func value(named name: String) -> TemplateValue {
        name == "items" ? items.templateValue : .absent
    }
}

/// A label and its text: a footer item, a row of the metadata table.
public struct LabelledValue: TemplateModel {
    var label: String
    var value: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": label.templateValue
        case "value": value.templateValue
        default: .absent
        }
    }
}

/// A link of `site.yaml`'s `links`.
public struct SiteLinkItem: TemplateModel {
    var title: String
    var url: String
    var relative: Bool

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        case "relative": relative.templateValue
        default: .absent
        }
    }
}

/// A `<meta name content>` tag of the head.
public struct MetaTag: TemplateModel {
    var name: String
    var content: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "content": content.templateValue
        default: .absent
        }
    }
}

/// A link to another page by its title: a neighbour, a guide, a successor.
public struct TitledLink: TemplateModel {
    var href: String
    var title: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "href": href.templateValue
        case "title": title.templateValue
        default: .absent
        }
    }
}

/// The search page (`search.mustache`): the types its filter offers.
public struct SearchPageModel: PageModel {
    public static let template = "search"
    var frame: PageFrame
    var types: [SearchType]
    var date_style: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "types": types.templateValue
        case "date_style": date_style.templateValue
        default: frame.value(named: name)
        }
    }
}

/// A choice of the search page's type filter.
public struct SearchType: TemplateModel {
    var type: String
    var name: String

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "type": type.templateValue
        case "name": self.name.templateValue
        default: .absent
        }
    }
}

/// The page a server shows for a missing path (`404.mustache`): the frame alone.
public struct NotFoundPageModel: PageModel {
    public static let template = "404"
    var frame: PageFrame

    public func value(named name: String) -> TemplateValue { frame.value(named: name) }
}

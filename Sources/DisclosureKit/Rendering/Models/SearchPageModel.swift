/// The search page (`search.mustache`): the types its filter offers.
public struct SearchPageModel: PageModel {
    public static let template = "search"
    var frame: PageFrame
    var types: [SearchType]
    var date_style: String

    public func child(named name: String) -> Any? {
        switch name {
        case "types": types
        case "date_style": date_style
        default: frame.child(named: name)
        }
    }
}

/// A choice of the search page's type filter.
public struct SearchType: TemplateModel {
    var type: String
    var name: String

    public func child(named name: String) -> Any? {
        switch name {
        case "type": type
        case "name": self.name
        default: nil
        }
    }
}

/// The page a server shows for a missing path (`404.mustache`): the frame alone.
public struct NotFoundPageModel: PageModel {
    public static let template = "404"
    var frame: PageFrame

    public func child(named name: String) -> Any? { frame.child(named: name) }
}

/// What a name gives a template: the render plan reads models through this, without
/// `Mirror` and without casting `Any`. `absent` (a nil property or a name the model does
/// not have) sends the lookup on up the context stack, as Mustache requires.
public enum TemplateValue {
    case absent
    /// Text, escaped unless written `{{{name}}}` or `{{&name}}`; a number is its decimal text.
    /// A section over text is rendered once with the text as `{{.}}` (empty text too).
    case text(String)
    /// A section over a flag is rendered once, in the enclosing context, when it is true.
    case flag(Bool)
    /// A section over a model is rendered once with the model on top of the stack.
    case model(any TemplateModel)
    /// A section over a list is rendered once per element; an empty list is false.
    case list(any TemplateList)
}

/// A value a model's property can be: text, a number, a flag, a model, a list of them, or
/// an optional one (nil is absent).
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// The elements of a list, by position, as the template reads them.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .flag(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        switch self {
        case .some(let value): value.templateValue
        case .none: .absent
        }
    }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

extension TemplateValue {
    /// The value as swift-mustache reads it (the tests' reference renderer): nil for
    /// absent, and the text, flag, model or an array of these otherwise.
    var mustacheValue: Any? {
        switch self {
        case .absent: nil
        case .text(let text): text
        case .flag(let flag): flag
        case .model(let model): model
        case .list(let list): (0..<list.count).map { list.element(at: $0).mustacheValue as Any }
        }
    }
}

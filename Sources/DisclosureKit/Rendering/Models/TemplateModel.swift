import Mustache

/// What a template reads: a typed value whose stored properties are the names the
/// templates use (docs/pages.md lists them). `value(named:)` maps each documented name to
/// its property as a `TemplateValue`, and gives `.absent` for any other name (and for a
/// property that is nil), so the lookup goes on up the context stack. The render plan reads
/// models only through it; `child(named:)` hands the same values to swift-mustache, the
/// reference renderer the tests compare the plan with.
public protocol TemplateModel: TemplateValueConvertible, MustacheParent, Encodable, Sendable {
    func value(named name: String) -> TemplateValue
}

extension TemplateModel {
    public var templateValue: TemplateValue { .model(self) }

    public func child(named name: String) -> Any? { value(named: name).mustacheValue }
}

/// A whole page's model: its template and its cache key, derived by the compiler from its
/// stored properties (`StableDigestEncoder`), so no list of a page's inputs is kept by hand.
public protocol PageModel: TemplateModel {
    static var template: String { get }
}

extension PageModel {
    public var cacheKey: Digest { StableDigestEncoder.digest(of: self) }
}

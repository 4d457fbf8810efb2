import Mustache

/// What a template reads: a typed value whose stored properties are the names the
/// templates use (docs/pages.md lists them). `child(named:)` maps each documented name to
/// its property — swift-mustache reads it through this rather than through `Mirror` — and
/// returns nil for any other name, so the lookup goes on up the context stack as it does
/// for a name a dictionary lacks. A property that is nil is absent to the template.
public protocol TemplateModel: MustacheParent, Encodable, Sendable {}

/// A whole page's model: its template and its cache key, derived by the compiler from its
/// stored properties (`StableDigestEncoder`), so no list of a page's inputs is kept by hand.
public protocol PageModel: TemplateModel {
    static var template: String { get }
}

extension PageModel {
    public var cacheKey: Digest { StableDigestEncoder.digest(of: self) }
}

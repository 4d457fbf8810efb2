/// A kind of record, one per section folder of `content/`: a handle on its declaration
/// (`TypeDeclaration`), compared by id and ordered as the sections are.
public struct RecordType: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let declaration: TypeDeclaration

    public init(_ declaration: TypeDeclaration) {
        self.declaration = declaration
    }

    /// `policy`, as `disclose new` and catalog.json name it.
    public var id: String { declaration.id }
    /// The section folder under `content/`, and the output folder of its pages.
    public var folder: String { declaration.folder }
    /// The section's name on the site.
    public var chineseName: String { declaration.name }
    public var description: String { id }

    public static func == (lhs: RecordType, rhs: RecordType) -> Bool { lhs.declaration.id == rhs.declaration.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(declaration.id) }
    public static func < (lhs: RecordType, rhs: RecordType) -> Bool {
        (lhs.declaration.order, lhs.id) < (rhs.declaration.order, rhs.id)
    }

    /// The built-in types, for code and tests that name one.
    public static let policy = TypeRegistry.builtIn.type(id: "policy")!
    public static let budget = TypeRegistry.builtIn.type(id: "budget")!
    public static let guide = TypeRegistry.builtIn.type(id: "guide")!
    public static let report = TypeRegistry.builtIn.type(id: "report")!
}

/// One value of an `enum` field: the English value a record may write, its Chinese
/// label (shown on pages, also accepted), and other accepted spellings.
public struct EnumValue: Sendable, Hashable {
    public var value: String
    public var label: String
    public var aliases: [String]

    public init(value: String, label: String, aliases: [String] = []) {
        self.value = value
        self.label = label
        self.aliases = aliases
    }

    /// Every spelling a record may use: the value first, then the label (messages list both).
    public var spellings: [String] { [value, label] + aliases }
}

/// One field of a record type, as its declaration says.
public struct FieldDeclaration: Sendable, Hashable {
    /// The front-matter key.
    public var key: String
    /// The Chinese name, on pages and in messages (`'document_number' (文号)`).
    public var label: String
    public var kind: FieldKind
    /// A missing required field is an error; a required list must hold at least one item.
    public var required: Bool = false
    /// Shown as a row of the record page's metadata table (索引号, 发布机构, ... 文号).
    public var shown: Bool = false
    /// The text the metadata table shows instead of the value (a guide's 办理时限 is
    /// shown as its own section below).
    public var shownAs: String?
    /// Written after the value on the metadata table (`2012年`).
    public var suffix: String = ""
    /// The value when the field is absent: a text, or an enum's value.
    public var defaultValue: String?
    /// Bounds of a `number`.
    public var minimum: Int = 0
    public var maximum: Int = FieldReader.maximumWholeNumber
    /// The values of an `enum`.
    public var values: [EnumValue] = []
    /// The sub-fields of a `group` or of a `table`'s rows.
    public var fields: [FieldDeclaration] = []
    /// How to write the field, for the message about a missing one.
    public var example: String?
    /// The value `disclose new` writes; generated from the kind when absent.
    public var skeleton: String?
    /// A hint written after the label in the skeleton's comment.
    public var skeletonComment: String?
    /// For a `reference`: the type of record it must name (`policy`); nil for any.
    public var refersTo: String?
    /// For a `reference`: the heading of the block on the named record's page that lists
    /// the records naming it this way (相关解读, 废止的文件); nil for no block.
    public var backlink: String?

    /// True when a `reference` may also name a document outside the site by its
    /// sub-fields (`{document_number: …, title: …}`).
    public var allowsOutsideDocument: Bool { kind == .reference && !fields.isEmpty }

    public init(key: String, label: String, kind: FieldKind) {
        self.key = key
        self.label = label
        self.kind = kind
    }

    /// The position of sub-field `key`.
    public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

    /// The value of an enum by its position, as the page shows it.
    public func enumLabel(_ index: Int) -> String { values.indices.contains(index) ? values[index].label : "" }
}

/// A front-matter value with the place it was written: the tree every record decoder reads.
///
/// Scalars keep their text. Types are decided by the field that reads them, never by
/// YAML 1.1's resolver, so `no` stays a word, `012` stays twelve and `2012-05-30` stays a
/// calendar date in every time zone.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        /// A scalar's text; `plain` is false when it was quoted or a block scalar.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or an empty plain scalar.
    public var isNull: Bool {
        guard case .scalar(let text, let plain) = value, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A word for the node's kind, for messages ("a list", "a mapping", "text").
    public var kindDescription: String {
        switch value {
        case .scalar: isNull ? "nothing (null)" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// `kindDescription` in both languages, for messages made as Phrases.
    public var kindPhrase: Phrase {
        switch value {
        case .scalar: isNull ? Phrase("空值（null）", en: "nothing (null)") : Phrase("单个值", en: "a single value")
        case .sequence: Phrase("列表", en: "a list")
        case .mapping: Phrase("映射（'键: 值'）", en: "a mapping")
        }
    }
}

/// One `key: value` pair of a mapping, in the order written.
public struct YAMLEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode
}

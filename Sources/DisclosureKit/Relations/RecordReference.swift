/// A record naming another by 索引号 through one of its `reference` fields (`interprets`,
/// `repealed_by`, `amended_by`), where it is written: what the cross-record rules check.
public struct RecordReference: Sendable {
    /// The field's key.
    public var field: String
    /// The index number named, and where.
    public var target: Located<String>

    public init(field: String, target: Located<String>) {
        self.field = field
        self.target = target
    }
}

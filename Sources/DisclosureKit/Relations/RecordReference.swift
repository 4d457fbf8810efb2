/// A record naming another by 索引号 through one of its `reference` fields (`interprets`,
/// `repealed_by`, `amended_by`), where it is written: what the cross-record rules check.
public struct RecordReference: Sendable, Codable {
    /// The field's key.
    public var field: String
    /// The index number named, and where; the 文号 for a reference in the outside-document
    /// form (`{document_number, title}`).
    public var target: Located<String>
    /// True when `target` is a 文号 written in the outside-document form: when an in-site
    /// record has that 文号, the reference rules see the record behind it.
    public var byDocumentNumber: Bool

    public init(field: String, target: Located<String>, byDocumentNumber: Bool = false) {
        self.field = field
        self.target = target
        self.byDocumentNumber = byDocumentNumber
    }
}

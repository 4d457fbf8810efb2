/// Which records name another by its 索引号 through a `reference` field (`repealed_by`,
/// `interprets`): built once from a list of records, so that a page can show what refers
/// to it (相关解读 on a policy) without a scan per page.
public struct ReferenceIndex: Sendable {
    /// Target index number → (field key, position in the records given) of each reference.
    private let byTarget: [String: [(key: String, record: Int)]]

    public init(_ records: [Record]) {
        var byTarget: [String: [(key: String, record: Int)]] = [:]
        for (position, record) in records.enumerated() {
            for (field, value) in zip(record.type.declaration.fields, record.fields) where field.kind == .reference {
                guard let target = value.text else { continue }
                byTarget[target, default: []].append((field.key, position))
            }
        }
        self.byTarget = byTarget
    }

    /// The positions (in the records given) of those naming `indexNumber` through field `key`.
    public func records(referencing indexNumber: String, through key: String) -> [Int] {
        (byTarget[indexNumber] ?? []).filter { $0.key == key }.map(\.record)
    }
}

extension TypeRegistry {
    /// Every reference field of every type: the relations a site's records can have.
    public var referenceFields: [(type: RecordType, key: String)] {
        types.flatMap { type in type.declaration.fields.filter { $0.kind == .reference }.map { (type, $0.key) } }
    }
}

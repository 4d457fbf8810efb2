/// Records by type and disclosure attribute, for the summary table a build ends with:
/// one column per section the site lists, in the sections' order. Keyed by type id, so
/// the previous build's summary reads back without the declarations.
public struct RecordCounts: Sendable, Equatable, Codable, ExpressibleByDictionaryLiteral {
    /// Type ids, in the order of the sections.
    public var columns: [String]
    public var byType: [String: [Disclosure: Int]]

    public init(columns: [String], byType: [String: [Disclosure: Int]]) {
        self.columns = columns
        self.byType = byType
    }

    public init(dictionaryLiteral elements: (RecordType, [Disclosure: Int])...) {
        columns = elements.map(\.0).sorted().map(\.id)
        byType = Dictionary(elements.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(type: String, disclosure: Disclosure) -> Int { byType[type]?[disclosure] ?? 0 }

    /// The counts of `identities`: a column for every section listed even when empty,
    /// and for every other type with a record.
    static func of(_ identities: [RecordIdentity], types: TypeRegistry) -> RecordCounts {
        var byType: [String: [Disclosure: Int]] = [:]
        // Read in place (`identities[index]`): a `for` loop copies each identity whole.
        for index in identities.indices {
            guard let disclosure = identities[index].disclosure else { continue }
            byType[identities[index].file.type.id, default: [:]][disclosure, default: 0] += 1
        }
        let columns = types.types.filter { $0.declaration.listedWhenEmpty || byType[$0.id] != nil }.map(\.id)
        return RecordCounts(columns: columns, byType: byType)
    }
}

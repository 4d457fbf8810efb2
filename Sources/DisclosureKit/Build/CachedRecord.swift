/// A decoded record and its identity as the record cache keeps them, in the caches'
/// binary form (`BinaryCoder`): everything but the file (the scan's) and the body (read
/// again by every build, and checked against the digest). `decoded(file:)` goes through
/// each type's memberwise initialiser, so a field added to a record does not compile
/// until it is kept here too; `RecordCacheTests` round-trips every kind of record.
struct CachedRecord: Codable {
    struct Identity: Codable {
        var title: String?
        var indexNumber: Located<String>?
        var slug: Located<String>?
        var disclosure: Disclosure?
        var references: [RecordReference]
        var published: Located<CalendarDate>?
        var documentNumber: String?
        var sourceDigest: Digest
        var attachments: [ListedAttachment]
        var publisher: String?
        var reportYear: Located<Int>?
    }

    struct Fields: Codable {
        var title: String
        var indexNumber: String
        var disclosure: Disclosure
        var withheldReason: String?
        var publisher: String
        var created: CalendarDate
        var published: CalendarDate?
        var modified: CalendarDate?
        var review: Review?
        var topic: String?
        var summary: String?
        var slug: String
        var fields: [FieldValue]
        var bodyFirstLine: Int
        var sourceDigest: Digest
    }

    var identity: Identity
    var record: Fields

    init(_ identity: RecordIdentity, _ record: Record) {
        self.identity = Identity(
            title: identity.title, indexNumber: identity.indexNumber, slug: identity.slug, disclosure: identity.disclosure,
            references: identity.references, published: identity.published, documentNumber: identity.documentNumber,
            sourceDigest: identity.sourceDigest, attachments: identity.attachments, publisher: identity.publisher,
            reportYear: identity.reportYear)
        self.record = Fields(
            title: record.title, indexNumber: record.indexNumber, disclosure: record.disclosure,
            withheldReason: record.withheldReason, publisher: record.publisher, created: record.created,
            published: record.published, modified: record.modified, review: record.review, topic: record.topic,
            summary: record.summary, slug: record.slug, fields: record.fields, bodyFirstLine: record.bodyFirstLine,
            sourceDigest: record.sourceDigest)
    }

    /// The record of `file` as it was decoded, its body left to be read again.
    func decoded(file: RecordFile) -> DecodedRecord {
        let kept = RecordIdentity(
            file: file, title: identity.title, indexNumber: identity.indexNumber, slug: identity.slug,
            disclosure: identity.disclosure, references: identity.references, published: identity.published,
            documentNumber: identity.documentNumber, sourceDigest: identity.sourceDigest,
            attachments: identity.attachments, publisher: identity.publisher, reportYear: identity.reportYear)
        let fields = record
        let decoded = Record(
            file: file, title: fields.title, indexNumber: fields.indexNumber, disclosure: fields.disclosure,
            withheldReason: fields.withheldReason, publisher: fields.publisher, created: fields.created,
            published: fields.published, modified: fields.modified, review: fields.review, topic: fields.topic,
            summary: fields.summary, slug: fields.slug, fields: fields.fields, body: "", bodyDropped: true,
            bodyFirstLine: fields.bodyFirstLine, sourceDigest: fields.sourceDigest)
        return DecodedRecord(identity: kept, record: decoded, diagnostics: [])
    }
}

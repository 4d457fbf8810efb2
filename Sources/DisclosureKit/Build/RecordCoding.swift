/// The binary form of decoded records in the record cache: fields in declaration order,
/// integers as zigzag varints, text as its length and UTF-8 bytes. Written by hand, not
/// through `Codable`: JSON through Foundation's coders made a cache of 20 MB at 10,000
/// records that took longer to read than the YAML it replaces. Decoding goes through each
/// type's memberwise initialiser, so a field added to a record type does not compile until
/// it is coded here too; `RecordCacheTests` round-trips every kind of record.
struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { int(Int(bitPattern: UInt(value.bitPattern))) }

    mutating func digest(_ value: Digest) {
        int(Int(bitPattern: UInt(value.high)))
        int(Int(bitPattern: UInt(value.low)))
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote. Malformed bytes never trap: the reader marks itself
/// failed, returns empty values from then on, and the caller drops what it read.
struct CacheReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private(set) var failed = false

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }
    var remaining: Int { bytes.endIndex - position }

    /// Passes over `count` bytes (at most what remains).
    mutating func skip(_ count: Int) {
        guard count >= 0, count <= remaining else { failed = true; return }
        position += count
    }

    mutating func int() -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while !failed {
            guard position < bytes.endIndex, shift < 64 else { failed = true; break }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
            shift += 7
        }
        return 0
    }

    mutating func string() -> String {
        let count = int()
        guard !failed, count >= 0, count <= bytes.endIndex - position else { failed = true; return "" }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    mutating func bool() -> Bool {
        guard !failed, position < bytes.endIndex, bytes[position] <= 1 else { failed = true; return false }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func double() -> Double { Double(bitPattern: UInt64(UInt(bitPattern: int()))) }

    mutating func digest() -> Digest {
        let high = UInt64(UInt(bitPattern: int()))
        return Digest(high: high, low: UInt64(UInt(bitPattern: int())))
    }

    mutating func optional<T>(_ read: (inout CacheReader) -> T) -> T? {
        bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) -> T) -> [T] {
        let count = int()
        guard !failed, count >= 0, count <= bytes.endIndex - position else { failed = true; return [] }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count where !failed { values.append(read(&self)) }
        return values
    }

    /// A value of a `RawRepresentable` enum by its raw text; failed when it is none.
    mutating func raw<T: RawRepresentable>(_ type: T.Type) -> T? where T.RawValue == String {
        let value = T(rawValue: string())
        if value == nil { failed = true }
        return value
    }

    mutating func fail() { failed = true }
}

// MARK: - The record types

extension RecordCache {
    /// One record and its identity, the body left out (`file` comes from the scan).
    static func encode(_ identity: RecordIdentity, _ record: Record) -> [UInt8] {
        var out = CacheWriter()
        out.optional(identity.title) { $0.string($1) }
        out.optional(identity.indexNumber, Self.located)
        out.optional(identity.slug, Self.located)
        out.optional(identity.disclosure) { $0.string($1.rawValue) }
        out.array(identity.references) { out, reference in
            out.string(reference.field)
            Self.located(&out, reference.target)
            out.int(reference.byDocumentNumber ? 1 : 0)
        }
        out.optional(identity.published) { out, published in
            out.int(published.value.dayNumber)
            out.int(published.location.line)
            out.int(published.location.column)
        }
        out.optional(identity.documentNumber) { $0.string($1) }
        out.digest(identity.sourceDigest)
        out.array(identity.attachments) { out, entry in
            out.string(entry.file)
            out.string(entry.title)
            out.int(entry.location.line)
            out.int(entry.location.column)
        }
        out.optional(identity.publisher) { $0.string($1) }
        out.optional(identity.reportYear) { out, year in
            out.int(year.value)
            out.int(year.location.line)
            out.int(year.location.column)
        }

        out.string(record.title)
        out.string(record.indexNumber)
        out.string(record.disclosure.rawValue)
        out.optional(record.withheldReason) { $0.string($1) }
        out.string(record.publisher)
        out.int(record.created.dayNumber)
        out.optional(record.published) { $0.int($1.dayNumber) }
        out.optional(record.modified) { $0.int($1.dayNumber) }
        out.optional(record.review) { out, review in
            out.string(review.reviewer)
            out.int(review.date.dayNumber)
        }
        out.optional(record.topic) { $0.string($1) }
        out.optional(record.summary) { $0.string($1) }
        out.string(record.slug)
        Self.fields(&out, record.fields)
        out.int(record.bodyFirstLine)
        out.digest(record.sourceDigest)
        return out.bytes
    }

    /// What `encode` wrote, for `file`; nil when the bytes are not a whole entry.
    static func decode(_ bytes: ArraySlice<UInt8>, file: RecordFile) -> DecodedRecord? {
        var input = CacheReader(bytes)
        let identity = RecordIdentity(
            file: file, title: input.optional { $0.string() }, indexNumber: input.optional(Self.located),
            slug: input.optional(Self.located), disclosure: input.optional { $0.raw(Disclosure.self) ?? .withheld },
            references: input.array { RecordReference(field: $0.string(), target: Self.located(&$0), byDocumentNumber: $0.int() == 1) },
            published: input.optional {
                Located(value: CalendarDate(dayNumber: $0.int()), location: SourceLocation(line: $0.int(), column: $0.int()))
            },
            documentNumber: input.optional { $0.string() },
            sourceDigest: input.digest(),
            attachments: input.array { ListedAttachment(file: $0.string(), title: $0.string(),
                                                        location: SourceLocation(line: $0.int(), column: $0.int())) },
            publisher: input.optional { $0.string() },
            reportYear: input.optional { Located(value: $0.int(), location: SourceLocation(line: $0.int(), column: $0.int())) })
        let record = Record(
            file: file, title: input.string(), indexNumber: input.string(),
            disclosure: input.raw(Disclosure.self) ?? .withheld,
            withheldReason: input.optional { $0.string() }, publisher: input.string(),
            created: CalendarDate(dayNumber: input.int()),
            published: input.optional { CalendarDate(dayNumber: $0.int()) },
            modified: input.optional { CalendarDate(dayNumber: $0.int()) },
            review: input.optional { Review(reviewer: $0.string(), date: CalendarDate(dayNumber: $0.int())) },
            topic: input.optional { $0.string() }, summary: input.optional { $0.string() }, slug: input.string(),
            fields: Self.fields(&input), body: "", bodyDropped: true, bodyFirstLine: input.int(),
            sourceDigest: input.digest())
        // Values decoded under another declaration of the type are not this one's.
        guard !input.failed, input.isAtEnd, record.fields.count == file.type.declaration.fields.count else { return nil }
        return DecodedRecord(identity: identity, record: record, diagnostics: [])
    }

    static func located(_ out: inout CacheWriter, _ value: Located<String>) {
        out.string(value.value)
        out.int(value.location.line)
        out.int(value.location.column)
    }

    static func located(_ input: inout CacheReader) -> Located<String> {
        Located(value: input.string(), location: SourceLocation(line: input.int(), column: input.int()))
    }

    static func amount(_ out: inout CacheWriter, _ value: Amount) {
        out.double(value.value)
        out.string(value.text)
    }

    static func amount(_ input: inout CacheReader) -> Amount {
        Amount(value: input.double(), text: input.string())
    }

    static func textOrList(_ out: inout CacheWriter, _ value: TextOrList) {
        switch value {
        case .text(let text):
            out.int(0)
            out.string(text)
        case .list(let items):
            out.int(1)
            out.array(items) { $0.string($1) }
        }
    }

    static func textOrList(_ input: inout CacheReader) -> TextOrList {
        switch input.int() {
        case 0: return .text(input.string())
        case 1: return .list(input.array { $0.string() })
        default:
            input.fail()
            return .text("")
        }
    }

    /// A record's type fields, each tagged with its kind of value.
    static func fields(_ out: inout CacheWriter, _ values: [FieldValue]) {
        out.array(values) { out, value in fieldValue(&out, value) }
    }

    static func fieldValue(_ out: inout CacheWriter, _ value: FieldValue) {
        switch value {
        case .absent:
            out.int(0)
        case .text(let text):
            out.int(1)
            out.string(text)
        case .paragraphs(let paragraphs):
            out.int(2)
            textOrList(&out, paragraphs)
        case .date(let date):
            out.int(3)
            out.int(date.dayNumber)
        case .number(let number):
            out.int(4)
            out.int(number)
        case .amount(let value):
            out.int(5)
            amount(&out, value)
        case .choice(let index):
            out.int(6)
            out.int(index)
        case .list(let items):
            out.int(7)
            out.array(items) { $0.string($1) }
        case .group(let members):
            out.int(8)
            fields(&out, members)
        case .table(let rows):
            out.int(9)
            out.array(rows) { out, row in fields(&out, row) }
        case .statistics(let value):
            out.int(10)
            statistics(&out, value)
        }
    }

    static func fields(_ input: inout CacheReader) -> [FieldValue] {
        input.array { fieldValue(&$0) }
    }

    static func fieldValue(_ input: inout CacheReader) -> FieldValue {
        switch input.int() {
        case 0: return .absent
        case 1: return .text(input.string())
        case 2: return .paragraphs(textOrList(&input))
        case 3: return .date(CalendarDate(dayNumber: input.int()))
        case 4: return .number(input.int())
        case 5: return .amount(amount(&input))
        case 6: return .choice(input.int())
        case 7: return .list(input.array { $0.string() })
        case 8: return .group(fields(&input))
        case 9: return .table(input.array { fields(&$0) })
        case 10: return .statistics(statistics(&input))
        default:
            input.fail()
            return .absent
        }
    }

    static func statistics(_ out: inout CacheWriter, _ value: ReportStatistics) {
        let p = value.proactive
        for counts in [p.rules, p.normativeDocuments] {
            for number in [counts.issued, counts.repealed, counts.inForce, counts.issuedLocation.line, counts.issuedLocation.column,
                           counts.repealedLocation.line, counts.repealedLocation.column] {
                out.int(number)
            }
        }
        for count in [p.licensing, p.penalties, p.coerciveMeasures] { out.int(count) }
        amount(&out, p.fees)
        let r = value.requests
        func row(_ out: inout CacheWriter, _ counts: ApplicantCounts) { out.array(counts.cells) { $0.int($1) } }
        row(&out, r.received)
        row(&out, r.carriedOver)
        row(&out, r.outcomes.granted)
        row(&out, r.outcomes.partiallyGranted)
        for outcome in [r.outcomes.denied, r.outcomes.unavailable, r.outcomes.notProcessed, r.outcomes.other] {
            out.array(outcome.reasons) { out, reason in
                out.string(reason.key)
                row(&out, reason.counts)
            }
        }
        row(&out, r.carriedForward)
        appeal(&out, value.reviews)
        appeal(&out, value.lawsuits.direct)
        appeal(&out, value.lawsuits.afterReview)
    }

    static func statistics(_ input: inout CacheReader) -> ReportStatistics {
        func counts(_ input: inout CacheReader) -> DocumentCounts {
            DocumentCounts(issued: input.int(), repealed: input.int(), inForce: input.int(),
                           issuedLocation: SourceLocation(line: input.int(), column: input.int()),
                           repealedLocation: SourceLocation(line: input.int(), column: input.int()))
        }
        func row(_ input: inout CacheReader) -> ApplicantCounts {
            let cells = input.array { $0.int() }
            guard cells.count == ApplicantCounts.columns.count + 1 else {
                input.fail()
                return .zero
            }
            return ApplicantCounts(byApplicant: Array(cells.dropLast()), total: cells[cells.count - 1])
        }
        func outcome(_ input: inout CacheReader) -> OutcomeReasons {
            OutcomeReasons(reasons: input.array { ReasonCount(key: $0.string(), counts: row(&$0)) })
        }
        let proactive = ProactiveStatistics(rules: counts(&input), normativeDocuments: counts(&input), licensing: input.int(),
                                            penalties: input.int(), coerciveMeasures: input.int(), fees: amount(&input))
        let requests = RequestStatistics(
            received: row(&input), carriedOver: row(&input),
            outcomes: RequestOutcomes(granted: row(&input), partiallyGranted: row(&input), denied: outcome(&input),
                                      unavailable: outcome(&input), notProcessed: outcome(&input), other: outcome(&input)),
            carriedForward: row(&input))
        let reviews = appeal(&input)
        let lawsuits = LawsuitCounts(direct: appeal(&input), afterReview: appeal(&input))
        return ReportStatistics(proactive: proactive, requests: requests, reviews: reviews, lawsuits: lawsuits)
    }

    static func appeal(_ out: inout CacheWriter, _ value: AppealCounts) {
        for count in [value.upheld, value.corrected, value.other, value.pending, value.total] { out.int(count) }
    }

    static func appeal(_ input: inout CacheReader) -> AppealCounts {
        AppealCounts(upheld: input.int(), corrected: input.int(), other: input.int(), pending: input.int(), total: input.int())
    }
}

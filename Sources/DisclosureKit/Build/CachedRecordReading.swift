/// `CachedRecord` read by hand from the record cache: a rebuild reads every unchanged
/// record from there, and the generic keyed containers (a witness call, a key search and
/// a box per field, `allKeys` for every enum) were a tenth of a one-record rebuild. These
/// readers take the bytes the synthesized `encode(to:)` writes (`BinaryCoder`), field by
/// field in its order, so the cache keeps its one format; any other bytes throw, and
/// `RecordCacheTests` decodes every kind of record both ways. A field added to one of
/// these types does not compile here until it is read (the initialisers assign every
/// stored property), and its tests fail until it is read in the right place.
extension CachedRecord {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(2)
        try input.key("identity")
        identity = try Identity(binary: input)
        try input.key("record")
        record = try Fields(binary: input)
    }
}

extension CachedRecord.Identity {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(11)
        try input.key("title")
        title = try input.optional(input.string)
        try input.key("indexNumber")
        indexNumber = try input.optional { try Located(binary: input, value: input.string) }
        try input.key("slug")
        slug = try input.optional { try Located(binary: input, value: input.string) }
        try input.key("disclosure")
        disclosure = try input.optional { try Disclosure(binary: input) }
        try input.key("references")
        references = try input.array { try RecordReference(binary: input) }
        try input.key("published")
        published = try input.optional { try Located(binary: input) { try CalendarDate(binary: input) } }
        try input.key("documentNumber")
        documentNumber = try input.optional(input.string)
        try input.key("sourceDigest")
        sourceDigest = try input.digest()
        try input.key("attachments")
        attachments = try input.array { try ListedAttachment(binary: input) }
        try input.key("publisher")
        publisher = try input.optional(input.string)
        try input.key("reportYear")
        reportYear = try input.optional { try Located(binary: input, value: input.int) }
    }
}

extension CachedRecord.Fields {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(15)
        try input.key("title")
        title = try input.string()
        try input.key("indexNumber")
        indexNumber = try input.string()
        try input.key("disclosure")
        disclosure = try Disclosure(binary: input)
        try input.key("withheldReason")
        withheldReason = try input.optional(input.string)
        try input.key("publisher")
        publisher = try input.string()
        try input.key("created")
        created = try CalendarDate(binary: input)
        try input.key("published")
        published = try input.optional { try CalendarDate(binary: input) }
        try input.key("modified")
        modified = try input.optional { try CalendarDate(binary: input) }
        try input.key("review")
        review = try input.optional { try Review(binary: input) }
        try input.key("topic")
        topic = try input.optional(input.string)
        try input.key("summary")
        summary = try input.optional(input.string)
        try input.key("slug")
        slug = try input.string()
        try input.key("fields")
        fields = try input.array { try FieldValue(binary: input, depth: 0) }
        try input.key("bodyFirstLine")
        bodyFirstLine = try input.int()
        try input.key("sourceDigest")
        sourceDigest = try input.digest()
    }
}

extension Located {
    init(binary input: BinaryValueDecoder, value read: () throws -> Value) throws {
        try input.beginKeyed(2)
        try input.key("value")
        value = try read()
        try input.key("location")
        location = try SourceLocation(binary: input)
    }
}

extension SourceLocation {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(2)
        try input.key("line")
        line = try input.int()
        try input.key("column")
        column = try input.int()
    }
}

extension CalendarDate {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(3)
        try input.key("year")
        year = try input.int()
        try input.key("month")
        month = try input.int()
        try input.key("day")
        day = try input.int()
    }
}

extension Disclosure {
    init(binary input: BinaryValueDecoder) throws {
        guard let value = Disclosure(rawValue: try input.string()) else { throw input.fail("no disclosure") }
        self = value
    }
}

extension RecordReference {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(3)
        try input.key("field")
        field = try input.string()
        try input.key("target")
        target = try Located(binary: input, value: input.string)
        try input.key("byDocumentNumber")
        byDocumentNumber = try input.bool()
    }
}

extension ListedAttachment {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(3)
        try input.key("file")
        file = try input.string()
        try input.key("title")
        title = try input.string()
        try input.key("location")
        location = try SourceLocation(binary: input)
    }
}

extension Review {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(2)
        try input.key("reviewer")
        reviewer = try input.string()
        try input.key("date")
        date = try CalendarDate(binary: input)
    }
}

extension Amount {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(2)
        try input.key("value")
        value = try input.double()
        try input.key("text")
        text = try input.string()
    }
}

extension TextOrList {
    init(binary input: BinaryValueDecoder) throws {
        try input.beginKeyed(1)
        let name = try input.caseName()
        try input.beginKeyed(1)
        try input.key("_0")
        switch name {
        case "text": self = .text(try input.string())
        case "list": self = .list(try input.array(input.string))
        default: throw input.fail("no case \(name)")
        }
    }
}

extension FieldValue {
    /// A synthesized enum's form: one entry named by the case, holding a container of its
    /// payload (`_0`), empty for `absent`. The statistics of an annual report, one record
    /// in twenty, go through their generic `init(from:)`.
    init(binary input: BinaryValueDecoder, depth: Int) throws {
        guard depth < BinaryValueDecoder.maximumDepth else { throw input.fail("values nested too deep") }
        try input.beginKeyed(1)
        let name = try input.caseName()
        if name == "absent" {
            try input.beginKeyed(0)
            self = .absent
            return
        }
        try input.beginKeyed(1)
        try input.key("_0")
        switch name {
        case "text": self = .text(try input.string())
        case "paragraphs": self = .paragraphs(try TextOrList(binary: input))
        case "date": self = .date(try CalendarDate(binary: input))
        case "number": self = .number(try input.int())
        case "amount": self = .amount(try Amount(binary: input))
        case "choice": self = .choice(try input.int())
        case "list": self = .list(try input.array(input.string))
        case "group": self = .group(try input.array { try FieldValue(binary: input, depth: depth + 1) })
        case "table":
            self = .table(try input.array { try input.array { try FieldValue(binary: input, depth: depth + 1) } })
        case "statistics": self = .statistics(try input.decodeValue(ReportStatistics.self))
        default: throw input.fail("no case \(name)")
        }
    }
}

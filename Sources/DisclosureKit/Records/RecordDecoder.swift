/// What the cross-record rules need of every record, even one with errors: who it is,
/// where it goes, whether it is public.
public struct RecordIdentity: Sendable {
    public var file: RecordFile
    public var title: String?
    public var indexNumber: Located<String>?
    /// The page name, located at `slug:` or, for a file-name slug, at the first line.
    public var slug: Located<String>?
    public var disclosure: Disclosure?
    /// What it names through its `reference` fields (`interprets`, `repealed_by`), where.
    public var references: [RecordReference] = []
    /// `published`, where it is written: 三同步 compares an interpretation's with its policy's.
    public var published: Located<CalendarDate>?
    /// Its 文号 (`document_number`), when its type has one: a reference in the
    /// outside-document form may name it.
    public var documentNumber: String?
    /// The digest of the file's bytes: what the build cache knows the record by.
    public var sourceDigest: Digest = .zero
    /// Its `attachments:` entries (`AttachmentListDecoder`): a non-public record's too,
    /// whose files are then its material and never copied.
    public var attachments: [ListedAttachment] = []
    /// `publisher`, as written: the registry's checks group index numbers and reports by it.
    public var publisher: String?
    /// An annual report's `year` (a type with the rule set `report_statistics`), where it
    /// is written: one report per publisher and year.
    public var reportYear: Located<Int>?

    public var isPublic: Bool { disclosure?.isPublic ?? false }

    /// The content paths of the public ones among `identities`, each read in place: a
    /// `for` loop or a `filter` over the array copies every identity whole (a retain of
    /// each of its texts and lists), which over a site's records is serial milliseconds.
    /// So may a computed property read through the subscript (`identities[i].isPublic`
    /// was seen to): the stored `disclosure` is compared instead.
    static func publicPaths(_ identities: [RecordIdentity]) -> Set<String> {
        var paths = Set<String>(minimumCapacity: identities.count)
        for index in identities.indices where identities[index].disclosure == .proactive {
            paths.insert(identities[index].file.relativePath)
        }
        return paths
    }
}

/// The outcome of decoding one record file.
public struct DecodedRecord: Sendable {
    public var identity: RecordIdentity
    /// The typed record; nil when any error was found in it.
    public var record: Record?
    public var diagnostics: [Diagnostic]
}

/// Turns one record's front matter and body into a typed `Record`, checking every rule
/// that concerns the record alone and collecting every problem it finds.
public struct RecordDecoder: Sendable {
    public let site: SiteConfig

    public init(site: SiteConfig) {
        self.site = site
    }

    /// Reads, splits, parses and decodes the file's bytes.
    public func decode(bytes: [UInt8], file: RecordFile) -> DecodedRecord {
        var decoded = decodeText(bytes: bytes, file: file)
        let digest = StableHasher.digest(bytes)
        decoded.identity.sourceDigest = digest
        decoded.record?.sourceDigest = digest
        return decoded
    }

    private func decodeText(bytes: [UInt8], file: RecordFile) -> DecodedRecord {
        var identity = RecordIdentity(file: file)
        identity.slug = Located(value: file.stem, location: .fileStart)
        let text: String
        switch SourceText.decode(bytes, limit: site.maximumRecordBytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            return DecodedRecord(identity: identity, record: nil,
                                 diagnostics: [SourceText.diagnostic(for: failure, file: file.relativePath,
                                                                     limit: site.maximumRecordBytes)])
        }
        let split: SplitRecord
        switch FrontMatterSplitter.split(text) {
        case .success(let value): split = value
        case .failure(let failure):
            return DecodedRecord(identity: identity, record: nil,
                                 diagnostics: [FrontMatterSplitter.diagnostic(for: failure, file: file.relativePath)])
        }
        switch FrontMatterReader.read(split.yaml, firstLine: split.yamlFirstLine) {
        case .success(let root):
            var decoded = decode(root, body: String(split.body), bodyFirstLine: split.bodyFirstLine, file: file)
            // A marker copied from the new site's files into a record would be published as written.
            decoded.diagnostics += ToFillMarkers.diagnostics(in: text, file: file.relativePath)
            return decoded
        case .failure(let failure):
            return DecodedRecord(identity: identity, record: nil,
                                 diagnostics: [FrontMatterReader.diagnostic(for: failure, file: file.relativePath)])
        }
    }

    /// Decodes a parsed front matter (a mapping node).
    public func decode(_ root: YAMLNode, body: String, bodyFirstLine: Int, file: RecordFile) -> DecodedRecord {
        var reader = FieldReader(file: file.relativePath)
        let declaration = file.type.declaration
        reader.labels = declaration.labels
        guard case .mapping(let entries) = root.value else {
            let diagnostic = FrontMatterReader.diagnostic(for: .notMapping(found: root.kindPhrase, at: root.location),
                                                          file: file.relativePath)
            return DecodedRecord(identity: RecordIdentity(file: file), record: nil, diagnostics: [diagnostic])
        }
        let top = FieldMapping(entries: entries, path: "", anchor: .fileStart)
        reader.checkUnknownKeys(top, known: declaration.knownKeys)

        // Common fields.
        let title = reader.string(top, "title", required: true)
        let indexNumber = reader.string(top, "index_number", required: true)
        let disclosure = reader.enumeration(top, "disclosure", required: true, [
            (Disclosure.proactive, ["proactive", "主动公开"]),
            (Disclosure.onRequest, ["on-request", "依申请公开"]),
            (Disclosure.withheld, ["withheld", "不予公开"]),
        ])
        let withheldReason = reader.string(top, "withheld_reason", required: false, multiLine: true)
        // Made only for a record that lacks the key: every record is decoded here.
        if let registry = site.publishers, top.entry("publisher") == nil {
            reader.missingHints["publisher"] = registry.missingHint(indexNumber: indexNumber?.value)
        }
        let publisher = reader.string(top, "publisher", required: true)
        let created = reader.calendarDate(top, "created", required: true)
        let isProactive = disclosure?.value == .proactive
        let published = reader.calendarDate(top, "published", required: isProactive)
        let modified = reader.calendarDate(top, "modified", required: false)
        // An empty `late_reason:` is kept as "" so that it is reported (LateReason): left out
        // as absent, it would say nothing of a key that acknowledges nothing.
        let lateReason = reader.string(top, "late_reason", required: false, multiLine: true)
            ?? top.entry("late_reason").flatMap { entry -> Located<String>? in
                guard case .scalar(let text, _) = entry.value.value, text.trimmed.isEmpty else { return nil }
                return Located(value: "", location: entry.value.location)
            }
        var review: Located<Review>?
        if let reviewMap = reader.mapping(top, "review", required: isProactive) {
            reader.checkUnknownKeys(reviewMap, known: ["reviewer", "date"])
            let reviewer = reader.string(reviewMap, "reviewer", required: true)
            let date = reader.calendarDate(reviewMap, "date", required: true)
            if let reviewer, let date {
                review = Located(value: Review(reviewer: reviewer.value, date: date.value), location: date.location)
            }
        }
        let topic = reader.string(top, "topic", required: false)
        let summary = reader.string(top, "summary", required: false, multiLine: true)
        let slugField = reader.string(top, "slug", required: false)
        let attachments = AttachmentListDecoder.decode(top, &reader)

        var rules = RecordRules(site: site, reader: reader)
        let slug = rules.checkSlug(slugField, file: file)
        rules.checkTitle(title)
        rules.checkIndexNumber(indexNumber)
        TypingSlips.check(top, &rules.reader)
        rules.checkTopic(topic)
        rules.checkPublisher(publisher, indexNumber: indexNumber, created: created, published: published)
        rules.checkWithheldReason(disclosure: disclosure, reason: withheldReason)
        rules.checkDates(created: created, published: published, modified: modified, review: review)
        if isProactive {
            rules.checkTimeliness(created: created, published: published, modified: modified, lateReason: lateReason)
        }
        reader = rules.reader
        BodyChecks.check(body, firstLine: bodyFirstLine, &reader)
        if declaration.applies(.reportStatistics) { ReportSections.check(body, firstLine: bodyFirstLine, &reader) }

        // Type-specific fields.
        let (fields, references) = TypeFieldsDecoder.decode(declaration, top, published: published, site: site, &reader)
        if disclosure?.value.isPublic == true {
            PersonalIDNumbers.check(title: title, summary: summary, publisher: publisher, declaration: declaration, values: fields, top: top,
                                    body: body, bodyFirstLine: bodyFirstLine, attachments: attachments, slug: slug,
                                    site: site, &reader)
        }

        var identity = RecordIdentity(file: file, title: title?.value, indexNumber: indexNumber, slug: slug,
                                      disclosure: disclosure?.value, references: references, published: published)
        identity.attachments = attachments
        identity.publisher = publisher?.value
        if declaration.applies(.reportStatistics), let index = declaration.index(of: "year"), let year = fields[index].number {
            identity.reportYear = Located(value: year, location: top.entry("year")?.value.location ?? .fileStart)
        }
        identity.documentNumber = declaration.index(of: "document_number").flatMap { fields[$0].text }
        var record: Record?
        if reader.diagnostics.errorCount == 0, let title, let indexNumber, let disclosure, let publisher,
           let created, let slug {
            record = Record(
                file: file, title: title.value, indexNumber: indexNumber.value, disclosure: disclosure.value,
                withheldReason: withheldReason?.value, publisher: publisher.value, created: created.value,
                published: published?.value, modified: modified?.value, review: review?.value,
                topic: topic?.value, summary: summary?.value, slug: slug.value, fields: fields,
                body: body, bodyFirstLine: bodyFirstLine)
        }
        return DecodedRecord(identity: identity, record: record, diagnostics: reader.diagnostics)
    }
}

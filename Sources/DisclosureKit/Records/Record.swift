/// 公开属性: decides whether anything of a record reaches the output.
public enum Disclosure: String, Sendable, Hashable, Codable, CaseIterable {
    /// 主动公开: published.
    case proactive
    /// 依申请公开: released on request only; never in the output.
    case onRequest = "on-request"
    /// 不予公开: withheld, with a legal reason; never in the output.
    case withheld

    public var isPublic: Bool { self == .proactive }

    public var chineseName: String {
        switch self {
        case .proactive: "主动公开"
        case .onRequest: "依申请公开"
        case .withheld: "不予公开"
        }
    }
}

/// 保密审查: who reviewed a record for secrets before publication, and when.
public struct Review: Sendable, Hashable, Codable {
    public var reviewer: String
    public var date: CalendarDate
}

/// A number as written in the front matter: its value for arithmetic and its text for
/// display, so `21141.00` is shown as written and never re-rendered from a float.
public struct Amount: Sendable, Hashable, Codable {
    public var value: Double
    public var text: String

    public init(value: Double, text: String) {
        self.value = value
        self.text = text
    }

    /// Cents, for comparisons "to 0.01".
    public var cents: Int64 { Int64((value * 100).rounded()) }
}

/// A field that may be one paragraph or a list of items (`conditions`, `procedure`, ...).
public enum TextOrList: Sendable, Hashable, Codable {
    case text(String)
    case list([String])

    public var items: [String] {
        switch self {
        case .text(let text): [text]
        case .list(let items): items
        }
    }
}

/// A record that decoded without error: every required field present and typed.
public struct Record: Sendable {
    public var file: RecordFile
    public var title: String
    public var indexNumber: String
    public var disclosure: Disclosure
    public var withheldReason: String?
    public var publisher: String
    public var created: CalendarDate
    public var published: CalendarDate?
    public var modified: CalendarDate?
    public var review: Review?
    public var topic: String?
    public var summary: String?
    /// The page's file name without `.html`: `slug`, or the file's stem.
    public var slug: String
    /// The type fields, one per field of the type's declaration, in its order.
    public var fields: [FieldValue]
    /// The Markdown body; empty when the loader did not keep it (see `bodyText()`).
    public var body: String
    /// True when `body` was not kept in memory: a build holds only what lists need for
    /// every record, and reads a body again when it renders or indexes it.
    public var bodyDropped = false
    /// The file line the body starts on, for diagnostics about it.
    public var bodyFirstLine: Int
    /// The digest of the file's bytes (set by `RecordDecoder.decode(bytes:file:)`).
    public var sourceDigest: Digest = .zero

    public var type: RecordType { file.type }

    /// The value of type field `key`; `.absent` when the type does not declare it.
    public func value(_ key: String) -> FieldValue {
        guard let index = type.declaration.index(of: key), fields.indices.contains(index) else { return .absent }
        return fields[index]
    }

    /// The record's own year, when its type has a `year_field` (a budget's fiscal year).
    public var ownYear: Int? { type.declaration.yearField.flatMap { value($0).number } }
    public var isPublic: Bool { disclosure.isPublic }

    /// The date a list or sitemap shows as the record's last change.
    public var lastChanged: CalendarDate { modified ?? published ?? created }

    /// The date lists sort by (newest first): publication, else writing.
    public var listDate: CalendarDate { published ?? created }
}

extension Record {
    /// The body, from memory or read again from the file. The file must still hold the
    /// bytes that were loaded: a page made from other text than the one its cache key
    /// and its checks saw would be wrong, so a record edited during a build stops it.
    public func bodyText() throws(FileIO.Failure) -> String {
        guard bodyDropped else { return body }
        return try Self.body(of: sourceBytes())
    }

    /// The file's bytes, checked against the loaded ones.
    public func sourceBytes() throws(FileIO.Failure) -> [UInt8] {
        // Loaded once within the site's limit; the digest below decides whether it is the same.
        let bytes = try FileIO.readBytes(file.absolutePath, limit: SourceText.largestRecordLimit)
        guard StableHasher.digest(bytes) == sourceDigest else {
            throw .system("\(file.relativePath) changed during the build; build again")
        }
        return bytes
    }

    /// The body of a record file's bytes (that decoded once already).
    static func body(of bytes: [UInt8]) throws(FileIO.Failure) -> String {
        guard case .success(let text) = SourceText.decode(bytes, limit: SourceText.largestRecordLimit),
              case .success(let split) = FrontMatterSplitter.split(text) else {
            throw .system("a record file no longer splits into front matter and body")
        }
        return String(split.body)
    }
}

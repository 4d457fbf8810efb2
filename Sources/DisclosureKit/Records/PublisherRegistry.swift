/// `publishers:` in `site.yaml`: every 发布机构 the site publishes for, with the code that
/// prefixes its 索引号 and its kind, which sets its annual report's deadline:
///
///     publishers:
///       - {name: 明湖区人民政府, short_name: 区政府, code: 11450100MB0000001A, kind: 人民政府}
///       - {name: 明湖区财政局, short_name: 区财政局, code: 11450100MB0000003C, kind: 部门}
///
/// Without the list, `publisher` is free text and index numbers are checked only against
/// `index_number_pattern`, as they always were.
public struct PublisherRegistry: Sendable, Hashable {
    /// 人民政府 or 部门: 条例 article 49 gives them different report deadlines.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case government
        case department

        public var chineseName: String {
            switch self {
            case .government: "人民政府"
            case .department: "部门"
            }
        }

        /// 条例 第四十九条: a department's annual report by 31 January, a people's
        /// government's by 31 March of the following year.
        public var reportDeadline: (month: Int, day: Int) {
            switch self {
            case .government: (3, 31)
            case .department: (1, 31)
            }
        }
    }

    public struct Publisher: Sendable, Hashable {
        /// 全称, exactly as records write `publisher`.
        public var name: String
        /// 简称, shown where space is short.
        public var shortName: String?
        /// 统一社会信用代码 (18 characters) or 组织机构代码 (9, `XXXXXXXX-X` accepted): what
        /// the publisher's 索引号 start with, before the `/`.
        public var code: String
        public var kind: Kind
        /// Where `site.yaml` lists it (messages about the registry point there).
        public var line: Int
        /// The code as site.yaml writes it (`12345678-9`), which `disclose new` writes in
        /// the 索引号 it hands out; nil when it is `code`.
        public var writtenCode: String? = nil
    }

    /// In the order `site.yaml` lists them.
    public var publishers: [Publisher]

    public init(publishers: [Publisher]) {
        self.publishers = publishers
    }

    public func publisher(named name: String) -> Publisher? { publishers.first { $0.name == name } }

    /// The publisher whose short name is `name`, when a record wrote the short name.
    public func publisher(shortNamed name: String) -> Publisher? { publishers.first { $0.shortName == name } }

    /// The registered name nearest to `text`, by the same measure as topics: edit distance
    /// for a typo, shared characters for a character missing or wrong in a Chinese name.
    public func suggestion(for text: String) -> String? {
        SiteTopics(groups: [.init(name: nil, topics: publishers.map(\.name))]).suggestion(for: text)
    }

    /// What a record without `publisher` is told to write: the publisher whose code its
    /// 索引号 starts with, else the registered full names (the first few of a long list).
    func missingHint(indexNumber: String?) -> Phrase {
        if let code = indexNumber.flatMap(IndexNumberParts.code(of:)).map(Self.comparable) {
            if let owner = publishers.first(where: { $0.code == code }) {
                return Phrase("；索引号的机构代码 \(owner.writtenCode ?? owner.code) 是 \(owner.name) 的：请补上 publisher: \(owner.name)",
                              en: "; the 索引号's code \(owner.writtenCode ?? owner.code) is \(owner.name)'s: add publisher: \(owner.name)")
            }
        }
        let shown = publishers.prefix(5).map(\.name)
        let more = publishers.count > shown.count
        return Phrase("；请补上 content/site.yaml 的 publishers 中登记的全称之一：\(shown.joined(separator: "、"))\(more ? "等 \(publishers.count) 个" : "")",
                      en: "; add the full name of one of the publishers registered in content/site.yaml: \(shown.joined(separator: ", "))\(more ? ", … (\(publishers.count) in all)" : "")")
    }

    /// A code compared as the registry keeps it: a 组织机构代码 without its hyphen, so that
    /// `12345678-9/…` and `123456789/…` are both the publisher's.
    public static func comparable(_ code: String) -> String { code.replacingOccurrences(of: "-", with: "") }

    /// A code as 索引号 write it: 组织机构代码 without its hyphen.
    static func isValidCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        func allowed(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) }
        if bytes.count == 18 || bytes.count == 9 { return bytes.allSatisfy(allowed) }
        if bytes.count == 10, bytes[8] == UInt8(ascii: "-") {
            return bytes[..<8].allSatisfy(allowed) && allowed(bytes[9])
        }
        return false
    }
}

/// `index_number_year`: which date's year the year in a 索引号 must be.
public enum IndexNumberYear: String, Sendable, Hashable {
    /// 成文日期: the year the information was made (the default).
    case created
    /// 发布日期.
    case published
}

extension PublisherRegistry {
    static let knownKeys = ["name", "short_name", "code", "kind"]

    /// Reads `publishers:`; every problem is `site.invalid` at its value.
    static func decode(_ reader: inout FieldReader, _ top: FieldMapping) -> PublisherRegistry? {
        guard let (items, location) = reader.list(top, "publishers", required: false) else { return nil }
        var publishers: [Publisher] = []
        var names: [String: Int] = [:]
        var shortNames: [String: Int] = [:]
        var codes: [String: Int] = [:]
        for item in items {
            guard case .mapping(let entries) = item.value else {
                reader.report(.siteInvalid, item.location, field: "publishers",
                              Phrase("'publishers' 的每一项是 {name: 明湖区财政局, short_name: 区财政局, code: 11450100MB0000003C, kind: 部门} 这样的映射，不能是\(item.kindPhrase.zh)", en: "each item of 'publishers' is a mapping such as {name: 明湖区财政局, short_name: 区财政局, code: 11450100MB0000003C, kind: 部门}, not \(item.kindDescription)"))
                continue
            }
            let map = FieldMapping(entries: entries, path: "publishers", anchor: item.location)
            reader.checkUnknownKeys(map, known: knownKeys)
            let name = reader.string(map, "name", required: true)
            let shortName = reader.string(map, "short_name", required: false)
            let code = reader.string(map, "code", required: true)
            let kind = reader.enumeration(map, "kind", required: true,
                                          [(Kind.government, ["government", "人民政府"]), (Kind.department, ["department", "部门"])])
            var ok = true
            if let name {
                if let first = names[name.value] {
                    reader.report(.siteInvalid, name.location, field: "publishers.name",
                                  Phrase("发布机构 '\(name.value)' 列出了两次（第一次在第 \(first) 行）；每个发布机构只列一次", en: "publisher '\(name.value)' is listed twice (first at line \(first)); list each 发布机构 once"))
                    ok = false
                } else if let first = shortNames[name.value] {
                    reader.report(.siteInvalid, name.location, field: "publishers.name",
                                  Phrase("'\(name.value)' 已是另一发布机构的简称（第 \(first) 行）；名称必须能指明是哪个发布机构", en: "'\(name.value)' is already another publisher's short name (line \(first)); a name must say which publisher it is"))
                    ok = false
                }
            }
            if let shortName {
                if let first = shortNames[shortName.value] ?? names[shortName.value], shortName.value != name?.value {
                    reader.report(.siteInvalid, shortName.location, field: "publishers.short_name",
                                  Phrase("简称 '\(shortName.value)' 已在第 \(first) 行使用；每个发布机构要有自己的简称", en: "short name '\(shortName.value)' is already used at line \(first); each publisher needs its own short name"))
                    ok = false
                }
            }
            var normalisedCode: String?
            if let code {
                if !isValidCode(code.value) {
                    reader.report(.siteInvalid, code.location, field: "publishers.code",
                                  Phrase("'publishers.code' 必须是统一社会信用代码（18 位数字和大写字母）或组织机构代码（9 位，如 12345678-9），不能是 '\(VisibleText.escaped(code.value))'", en: "'publishers.code' must be a 统一社会信用代码 (18 digits and capital letters) or a 组织机构代码 (9, such as 12345678-9), not '\(VisibleText.escaped(code.value))'"))
                    ok = false
                } else {
                    let plain = code.value.replacingOccurrences(of: "-", with: "")
                    if let first = codes[plain] {
                        reader.report(.siteInvalid, code.location, field: "publishers.code",
                                      Phrase("代码 '\(code.value)' 也是第 \(first) 行发布机构的代码；一个代码只指一个发布机构，它是索引号的前缀", en: "code '\(code.value)' is also the code of the publisher at line \(first); a code names one publisher, as its 索引号 prefix"))
                        ok = false
                    }
                    normalisedCode = plain
                }
            }
            guard ok, let name, let normalisedCode, let kind else { continue }
            names[name.value] = item.location.line
            if let shortName { shortNames[shortName.value] = item.location.line }
            codes[normalisedCode] = item.location.line
            let written = code.map(\.value).flatMap { $0 == normalisedCode ? nil : $0 }
            publishers.append(Publisher(name: name.value, shortName: shortName?.value, code: normalisedCode,
                                        kind: kind.value, line: item.location.line, writtenCode: written))
        }
        if items.isEmpty {
            reader.report(.siteInvalid, location, field: "publishers",
                          Phrase("'publishers' 没有列出任何发布机构；请列出各发布机构，或删除此字段，让 'publisher' 可自由填写", en: "'publishers' lists no publisher; list each 发布机构, or remove the key to let 'publisher' be free text"))
            return nil
        }
        return PublisherRegistry(publishers: publishers)
    }
}

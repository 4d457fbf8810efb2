/// The browse pages of the 政府信息公开目录: one set of pages per value of each facet
/// (topic, publisher, type, year), each holding at most `pageSize` rows, so that no
/// catalog page grows with the site. Planned from the public view only: a topic or
/// publisher that only non-public records carry has no value here, hence no page and
/// no link.
///
/// Paths are under `catalog/` and made of ASCII only: `catalog/type-policy.html`,
/// `catalog/year-2024.html`, and for topics and publishers, whose names are Chinese,
/// the first 12 hex digits of the name's `StableHasher` digest
/// (`catalog/topic-3f0a9c21b7d4.html`): stable whatever else the site holds or in which
/// order `topics:` lists them, and never shared (two names whose digests agree there,
/// which no real site has, are told apart by `-2`, `-3`, ... in byte order of the names).
/// Further pages add `-page-N`.
public struct CatalogPlan: Sendable {
    public enum Facet: String, Sendable, CaseIterable {
        case topic, publisher, type, year

        /// The facet's name on pages.
        public var chineseName: String {
            switch self {
            case .topic: "主题分类"
            case .publisher: "发布机构"
            case .type: "信息类别"
            case .year: "年份"
            }
        }
    }

    public struct Value: Sendable {
        public var facet: Facet
        /// The value as shown: a topic, a publisher, a section's name, `2024年`.
        public var name: String
        /// The path's stem: `topic-3f0a9c21b7d4`, `year-2024`.
        public var stem: String
        /// Indices into `SitePlan.recordPages`, newest first.
        public var records: [Int]
        /// The group the topic is listed under in `site.yaml`, if any.
        public var group: String?
    }

    public struct Page: Sendable {
        /// Index into `values`.
        public var value: Int
        /// 1-based.
        public var number: Int
        public var pageCount: Int
        public var path: String
        /// Indices into `SitePlan.recordPages`.
        public var records: [Int]
    }

    public static let folder = "catalog"
    /// Rows per catalog page: a page of 100 rows is a few tens of kilobytes, whatever the
    /// size of the site.
    public static let pageSize = 100

    /// Every value with at least one public record, by facet, in the order the catalog
    /// page lists them (topics in declared order, else by name; publishers by name; types
    /// in section order; years newest first).
    public let values: [Value]
    public let pages: [Page]

    public init(recordPages: [SitePlan.RecordPage], newest: [Int], topics: SiteTopics?) {
        var topicRecords: [String: [Int]] = [:]
        var publisherRecords: [String: [Int]] = [:]
        var typeRecords: [RecordType: [Int]] = [:]
        var yearRecords: [Int: [Int]] = [:]
        for index in newest {
            let record = recordPages[index].record
            if let topic = record.topic { topicRecords[topic, default: []].append(index) }
            publisherRecords[record.publisher, default: []].append(index)
            typeRecords[record.type, default: []].append(index)
            yearRecords[record.listYear, default: []].append(index)
        }
        var values: [Value] = []
        let groupOfTopic = Dictionary((topics?.groups ?? []).flatMap { group in group.topics.map { ($0, group.name) } },
                                      uniquingKeysWith: { first, _ in first })
        let topicOrder = topics?.all.filter { topicRecords[$0] != nil }
            ?? topicRecords.keys.sorted(by: utf8Precedes)
        values += Self.digestNamed(.topic, topicOrder.map { ($0, topicRecords[$0]!) }).map { value in
            var value = value
            value.group = groupOfTopic[value.name] ?? nil
            return value
        }
        values += Self.digestNamed(.publisher, publisherRecords.keys.sorted(by: utf8Precedes).map { ($0, publisherRecords[$0]!) })
        for type in typeRecords.keys.sorted() {
            let records = typeRecords[type]!
            values.append(Value(facet: .type, name: type.chineseName, stem: "type-" + Self.typeStem(type), records: records))
        }
        for year in yearRecords.keys.sorted(by: >) {
            values.append(Value(facet: .year, name: "\(year)年", stem: "year-" + YearArchivePaths.digits(year), records: yearRecords[year]!))
        }
        var pages: [Page] = []
        for (position, value) in values.enumerated() {
            let count = (value.records.count + Self.pageSize - 1) / Self.pageSize
            for number in 1...count {
                pages.append(Page(value: position, number: number, pageCount: count,
                                  path: Self.path(stem: value.stem, page: number),
                                  records: Array(value.records.dropFirst((number - 1) * Self.pageSize).prefix(Self.pageSize))))
            }
        }
        self.values = values
        self.pages = pages
    }

    public static func path(stem: String, page: Int) -> String {
        page == 1 ? "\(folder)/\(stem).html" : "\(folder)/\(stem)-page-\(page).html"
    }

    /// The first page of each value, in `values` order.
    public func firstPage(of value: Int) -> String { Self.path(stem: values[value].stem, page: 1) }

    /// The stem of a topic or publisher: `FACET-` and 12 hex digits of the name's digest.
    public static func digestStem(_ facet: Facet, _ name: String) -> String {
        var hasher = StableHasher()
        hasher.combine(name)
        return facet.rawValue + "-" + String(hasher.finalize().description.prefix(12))
    }

    /// Values named by digest, made unique: where two names share a stem, the later in
    /// byte order of the names gets `-2`, `-3`, ....
    static func digestNamed(_ facet: Facet, _ named: [(String, [Int])]) -> [Value] {
        var stems = named.map { digestStem(facet, $0.0) }
        var holders: [String: [Int]] = [:]
        for (position, stem) in stems.enumerated() { holders[stem, default: []].append(position) }
        var taken = Set(stems)
        for (stem, positions) in holders where positions.count > 1 {
            let ordered = positions.sorted { utf8Precedes(named[$0].0, named[$1].0) }
            var suffix = 2
            for position in ordered.dropFirst() {
                while taken.contains("\(stem)-\(suffix)") { suffix += 1 }
                stems[position] = "\(stem)-\(suffix)"
                taken.insert(stems[position])
            }
        }
        return named.enumerated().map { Value(facet: facet, name: $1.0, stem: stems[$0], records: $1.1) }
    }

    /// A type's own name when it is a plain ASCII slug (every built-in type's is), else
    /// its digest: the name is part of a path.
    static func typeStem(_ type: RecordType) -> String {
        let name = type.id
        let plain = !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        return plain ? name : String(digestStem(.type, name).dropFirst(5))
    }
}

/// Which files the build writes and at which relative paths, derived from the public
/// view only. Paths are file-named and relative (`policies/2024/x.html`,
/// `policies/index.html`) so the tree works from file://, a server root or a sub-path.
public struct SitePlan: Sendable {
    public struct RecordPage: Sendable {
        /// The record, shared rather than copied: a Record is several hundred bytes
        /// inline, and pages are copied into every ordering of them.
        public var record: Record { _read { yield shared.record } }
        private let shared: SharedRecord
        public var path: String
        /// Attachments copied beside the page, in the order it shows them.
        public var attachments: [PlannedAttachment]
        /// Neighbours in the section's order (newest first).
        public var previous: Int?
        public var next: Int?

        init(record: Record, path: String, attachments: [PlannedAttachment],
             previous: Int?, next: Int?) {
            shared = SharedRecord(record)
            self.path = path
            self.attachments = attachments
            self.previous = previous
            self.next = next
        }
    }

    private final class SharedRecord: Sendable {
        let record: Record
        init(_ record: Record) { self.record = record }
    }

    public struct ListPage: Sendable {
        public var type: RecordType
        /// The year of a year archive (`YearArchivePaths`); nil for the section's own list.
        public var year: Int?
        /// 1-based.
        public var number: Int
        public var pageCount: Int
        public var path: String
        /// Indices into `recordPages`.
        public var records: [Int]
    }

    public static let homePath = "index.html"
    public static let catalogPath = "catalog.html"
    public static let notFoundPath = "404.html"
    public static let searchPath = "search.html"
    public static let sitemapPath = "sitemap.xml"
    public static let robotsPath = "robots.txt"
    /// Records per list page.
    public static let pageSize = 50

    /// The view the plan was made from, without its records (`PublicView.withoutRecords`):
    /// they are `recordPages`.
    public let view: PublicView
    /// Record pages grouped by section, each section newest first.
    public let recordPages: [RecordPage]
    /// Indices into `recordPages` per section, newest first.
    public let sections: [RecordType: [Int]]
    /// The sections the site shows, in order: every type listed even when empty, and
    /// every other type with a public record.
    public let sectionTypes: [RecordType]
    public let listPages: [ListPage]
    /// Every public record page in newest-first order across sections.
    public let newestRecords: [RecordPage]
    /// The fixed pages of `content/pages/`, in navigation order.
    public let fixedPages: [FixedPagePlan]
    /// Each section's years (`Record.listYear`) with their record counts, newest first.
    public let sectionYears: [RecordType: [(year: Int, count: Int)]]
    /// The catalog's browse pages by topic, publisher, type and year.
    public let catalog: CatalogPlan
    /// Each registered publisher's disclosure index (none without a registry).
    public let publishers: PublisherPlan

    public init(_ view: PublicView) {
        self.view = view.withoutRecords()
        var attachmentsByRecord: [String: [AttachmentMatcher.Match]] = [:]
        for match in view.attachments {
            attachmentsByRecord[match.record.relativePath, default: []].append(match)
        }
        var pages: [RecordPage] = []
        var sections: [RecordType: [Int]] = [:]
        // One sort of indices, newest first, for every ordering the site needs: sections,
        // the catalog, the feed and the search index each sorted all records again (and
        // moved whole records around), a serial second and a half at 100,000 records.
        let records = view.records
        let newest = records.indices.sorted { SitePlan.newestFirst(records[$0], records[$1]) }
        var pageOfRecord = [Int](repeating: -1, count: records.count)
        var typesWithRecords = Set<String>()
        for record in records { typesWithRecords.insert(record.type.id) }
        var sectionTypes = view.config.types.types.filter { $0.declaration.listedWhenEmpty || typesWithRecords.contains($0.id) }
        // A record of a type the settings do not know still gets its section: no public
        // record is dropped for want of a declaration.
        let unknown = Set(records.map(\.type)).filter { view.config.types.type(id: $0.id) == nil }
        sectionTypes += unknown.sorted()
        for type in sectionTypes {
            // Grouped by the record's own year (`listYear`), newest first within a year.
            let ordered = newest.filter { records[$0].type == type }.enumerated()
                .sorted { a, b in
                    let (first, second) = (records[a.element].listYear, records[b.element].listYear)
                    return first != second ? first > second : a.offset < b.offset
                }
                .map(\.element)
            var indices: [Int] = []
            for (position, recordIndex) in ordered.enumerated() {
                let record = records[recordIndex]
                let path = SiteRules.pagePath(record.file, slug: record.slug)
                let folder = ([type.folder] + record.file.subfolders).joined(separator: "/")
                let attachments = AttachmentMatcher.displayOrder(attachmentsByRecord[record.file.relativePath] ?? []).map {
                    PlannedAttachment(name: $0.attachment.name, source: $0.attachment.absolutePath,
                                      path: folder + "/" + $0.attachment.name, title: $0.title)
                }
                let index = pages.count
                pages.append(RecordPage(record: record, path: path, attachments: attachments,
                                        previous: position > 0 ? index - 1 : nil,
                                        next: position < ordered.count - 1 ? index + 1 : nil))
                pageOfRecord[recordIndex] = index
                indices.append(index)
            }
            sections[type] = indices
        }
        newestRecords = newest.map { pages[pageOfRecord[$0]] }
        var lists: [ListPage] = []
        var years: [RecordType: [(year: Int, count: Int)]] = [:]
        for type in sectionTypes {
            let indices = sections[type] ?? []
            let count = max(1, (indices.count + SitePlan.pageSize - 1) / SitePlan.pageSize)
            for number in 1...count {
                let slice = Array(indices.dropFirst((number - 1) * SitePlan.pageSize).prefix(SitePlan.pageSize))
                lists.append(ListPage(type: type, year: nil, number: number, pageCount: count,
                                      path: SitePlan.listPath(type, page: number), records: slice))
            }
            let archives = Self.yearArchives(type, indices, pages)
            lists += archives.pages
            years[type] = archives.years
        }
        catalog = CatalogPlan(recordPages: pages, newest: newest.map { pageOfRecord[$0] }, topics: view.config.topics)
        recordPages = pages
        fixedPages = FixedPagePlan.plan(view)
        self.sections = sections
        self.sectionTypes = sectionTypes
        listPages = lists
        sectionYears = years
        publishers = PublisherPlan(view, recordPages: pages, sectionTypes: sectionTypes, sections: sections,
                                   fixedPages: fixedPages, catalog: catalog)
    }

    public static func listPath(_ type: RecordType, page: Int) -> String {
        page == 1 ? "\(type.folder)/index.html" : "\(type.folder)/page-\(page).html"
    }

    /// Newest first: by publication (else writing) date, then writing date, then index
    /// number and path, so the order never depends on anything but the content.
    static func newestFirst(_ a: Record, _ b: Record) -> Bool {
        if a.listDate != b.listDate { return a.listDate > b.listDate }
        if a.created != b.created { return a.created > b.created }
        if a.indexNumber != b.indexNumber { return a.indexNumber < b.indexNumber }
        return a.file.relativePath.utf8.lexicographicallyPrecedes(b.file.relativePath.utf8)
    }

    /// `../` once per folder of `path`: the way from a page back to the site root.
    public static func rootPrefix(for path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }


}

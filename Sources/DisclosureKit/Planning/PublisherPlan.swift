/// Each registered publisher's own disclosure index (`publishers/CODE.html`): its public
/// records by section, its 指南 (a fixed page whose `publisher` names it) and its annual
/// reports. Planned from the public view only, like the catalog: a publisher none of
/// whose public records or pages name it has no page and no link.
///
/// A section shows its newest `sectionLimit` records and links the publisher's catalog
/// pages for the rest, so that no publisher page grows with the site; the annual
/// reports, one a year, are all listed.
public struct PublisherPlan: Sendable {
    public struct Page: Sendable {
        public var publisher: PublisherRegistry.Publisher
        public var path: String
        /// Sections in the site's order, each with its record count and newest records
        /// (indices into `SitePlan.recordPages`); annual reports are in `reports` instead.
        public var sections: [(type: RecordType, count: Int, newest: [Int])]
        /// Annual reports, newest first.
        public var reports: [Int]
        /// Index into `SitePlan.fixedPages` of the publisher's 指南.
        public var guide: Int?
        /// Index into `CatalogPlan.values` of the publisher's catalog pages.
        public var catalogValue: Int?
        /// The records the page names, for the sitemap's date.
        public var records: [Int] { sections.flatMap(\.newest) + reports }
    }

    public static let folder = "publishers"
    public static let sectionLimit = 20

    /// In the registry's order.
    public let pages: [Page]

    public init() { pages = [] }

    init(_ view: PublicView, recordPages: [SitePlan.RecordPage], sectionTypes: [RecordType],
         sections: [RecordType: [Int]], fixedPages: [FixedPagePlan], catalog: CatalogPlan) {
        guard let registry = view.config.publishers else {
            pages = []
            return
        }
        var byPublisher: [String: [RecordType: [Int]]] = [:]
        for type in sectionTypes {
            for index in sections[type] ?? [] {
                byPublisher[recordPages[index].record.publisher, default: [:]][type, default: []].append(index)
            }
        }
        var catalogValues: [String: Int] = [:]
        for (position, value) in catalog.values.enumerated() where value.facet == .publisher { catalogValues[value.name] = position }
        var planned: [Page] = []
        for publisher in registry.publishers {
            let records = byPublisher[publisher.name] ?? [:]
            let guide = fixedPages.firstIndex { $0.page.role == .guide && $0.page.publisher == publisher.name }
            guard !records.isEmpty || guide != nil else { continue }
            var page = Page(publisher: publisher, path: Self.path(publisher), sections: [], reports: [], guide: guide,
                            catalogValue: catalogValues[publisher.name])
            for type in sectionTypes {
                guard let indices = records[type], !indices.isEmpty else { continue }
                if type.declaration.applies(.reportStatistics) {
                    page.reports += indices
                } else {
                    page.sections.append((type, indices.count, Array(indices.prefix(Self.sectionLimit))))
                }
            }
            planned.append(page)
        }
        pages = planned
    }

    /// `publishers/CODE.html`: the code is ASCII and names one publisher.
    public static func path(_ publisher: PublisherRegistry.Publisher) -> String {
        "\(folder)/\(publisher.code).html"
    }

    /// The page of the publisher named `name`, when it has one.
    public func page(named name: String) -> Page? { pages.first { $0.publisher.name == name } }
}

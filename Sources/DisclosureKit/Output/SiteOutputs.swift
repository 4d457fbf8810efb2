/// One file a build writes: its path below the output, and what it is made from.
struct SiteOutput: Sendable, Equatable {
    /// What the file is. Every switch over it is exhaustive (the writer's, the sitemap's,
    /// the counts'): a new case does not compile until each says what to do with it.
    enum Kind: Sendable, Equatable {
        /// `plan.recordPages[index]`.
        case recordPage(Int)
        /// `plan.recordPages[page].attachments[index]`, copied from the record's folder.
        case recordAttachment(page: Int, index: Int)
        /// `plan.listPages[index]`.
        case listPage(Int)
        /// `plan.fixedPages[index]` (`pages/SLUG.html`).
        case fixedPage(Int)
        /// `plan.fixedPages[page].attachments[index]`.
        case fixedPageAttachment(page: Int, index: Int)
        /// `plan.catalog.pages[index]`: a facet page of the catalog.
        case catalogPage(Int)
        /// `plan.publishers.pages[index]`.
        case publisherPage(Int)
        case home
        case catalog
        case search
        case notFound
        case robots
        case catalogCSV
        case catalogJSON
        case feed
        /// One of the sitemap's files (a large site has an index and numbered parts).
        case sitemap
        /// One of the search index's shards (`SearchShards`): the index is written only as
        /// its shards.
        case searchShard
        /// `templates.assets[index]`, below `assets/`.
        case asset(Int)

        /// True for an HTML page a reader opens (counted as a page in the summary).
        var isPage: Bool {
            switch self {
            case .recordPage, .listPage, .fixedPage, .catalogPage, .publisherPage, .home, .catalog, .search, .notFound:
                true
            case .recordAttachment, .fixedPageAttachment, .robots, .catalogCSV, .catalogJSON, .feed, .sitemap,
                 .searchShard, .asset:
                false
            }
        }
    }

    let path: String
    let kind: Kind
}

/// Every file a build writes, as one list made from the plan and the templates' assets
/// (`SitePlan.outputs`): the writer makes each entry's file, the audit expects exactly
/// these paths and no others, the sitemap lists the entries that are pages, and the
/// incremental carry keeps the cache entries of these paths. The pages come in the
/// sitemap's order (home, catalog, search, lists, catalog facets, publishers, then record
/// and fixed pages by path), the other files after them.
struct SiteOutputs: Sendable {
    let entries: [SiteOutput]

    init(entries: [SiteOutput]) {
        self.entries = entries
    }

    init(plan: SitePlan, assets: [(path: String, bytes: [UInt8])]) {
        var entries: [SiteOutput] = []
        entries.reserveCapacity(16 + plan.recordPages.count + plan.listPages.count + plan.catalog.pages.count
                                + plan.publishers.pages.count + plan.fixedPages.count + assets.count)
        entries += [SiteOutput(path: SitePlan.homePath, kind: .home), SiteOutput(path: SitePlan.catalogPath, kind: .catalog),
                    SiteOutput(path: SitePlan.searchPath, kind: .search)]
        entries += plan.listPages.indices.map { SiteOutput(path: plan.listPages[$0].path, kind: .listPage($0)) }
        entries += plan.catalog.pages.indices.map { SiteOutput(path: plan.catalog.pages[$0].path, kind: .catalogPage($0)) }
        entries += plan.publishers.pages.indices.map { SiteOutput(path: plan.publishers.pages[$0].path, kind: .publisherPage($0)) }
        // The pages' indices sorted, not the pages (a record each, moved through every
        // merge: a third of a second at 100,000 records).
        let recordPages = plan.recordPages
        for page in recordPages.indices.sorted(by: { utf8Precedes(recordPages[$0].path, recordPages[$1].path) }) {
            entries.append(SiteOutput(path: recordPages[page].path, kind: .recordPage(page)))
            for (index, attachment) in recordPages[page].attachments.enumerated() {
                entries.append(SiteOutput(path: attachment.path, kind: .recordAttachment(page: page, index: index)))
            }
        }
        let fixedPages = plan.fixedPages
        for page in fixedPages.indices.sorted(by: { utf8Precedes(fixedPages[$0].path, fixedPages[$1].path) }) {
            entries.append(SiteOutput(path: fixedPages[page].path, kind: .fixedPage(page)))
            for (index, attachment) in fixedPages[page].attachments.enumerated() {
                entries.append(SiteOutput(path: attachment.path, kind: .fixedPageAttachment(page: page, index: index)))
            }
        }
        entries += [SiteOutput(path: SitePlan.notFoundPath, kind: .notFound), SiteOutput(path: SitePlan.robotsPath, kind: .robots),
                    SiteOutput(path: CatalogData.csvPath, kind: .catalogCSV), SiteOutput(path: CatalogData.jsonPath, kind: .catalogJSON),
                    SiteOutput(path: AtomFeed.path, kind: .feed)]
        entries += SearchShards.paths(plan).map { SiteOutput(path: $0, kind: .searchShard) }
        let sitemap = Self.sitemapEntries(entries, plan: plan)
        entries += SitemapWriter.paths(sitemap, baseURL: plan.view.config.baseURL).map { SiteOutput(path: $0, kind: .sitemap) }
        entries += assets.indices.map { SiteOutput(path: "assets/" + assets[$0].path, kind: .asset($0)) }
        self.entries = entries
    }

    /// Every path, for the audit's expected set.
    var paths: Set<String> { Set(entries.lazy.map(\.path)) }

    /// How many entries are pages (`Kind.isPage`).
    var pageCount: Int { entries.lazy.filter(\.kind.isPage).count }

    /// The sitemap's URLs, in the list's order.
    func sitemapEntries(_ plan: SitePlan) -> [SitemapEntry] { Self.sitemapEntries(entries, plan: plan) }

    /// The sitemap's URLs among `entries`: every page a reader may land on from a search
    /// engine, dated by its content's last change (never the clock).
    static func sitemapEntries(_ entries: [SiteOutput], plan: SitePlan) -> [SitemapEntry] {
        let recordPages = plan.recordPages
        let newest = recordPages.lazy.map(\.record.lastChanged).max()
        func latest(of records: [Int]) -> CalendarDate? { records.lazy.map { recordPages[$0].record.lastChanged }.max() }
        return entries.compactMap { output -> SitemapEntry? in
            let lastModified: CalendarDate?
            switch output.kind {
            case .home, .catalog, .search:
                lastModified = newest
            case .listPage(let index):
                lastModified = latest(of: plan.listPages[index].records)
            case .catalogPage(let index):
                lastModified = latest(of: plan.catalog.pages[index].records)
            case .publisherPage(let index):
                let page = plan.publishers.pages[index]
                let guide = page.guide.flatMap { plan.fixedPages[$0].page.modified }
                lastModified = [latest(of: page.records), guide].compactMap { $0 }.max()
            case .recordPage(let index):
                lastModified = recordPages[index].record.modified ?? recordPages[index].record.published
            case .fixedPage(let index):
                lastModified = plan.fixedPages[index].page.modified
            case .notFound, .recordAttachment, .fixedPageAttachment, .robots, .catalogCSV, .catalogJSON, .feed, .sitemap,
                 .searchShard, .asset:
                return nil
            }
            return SitemapEntry(path: output.path, lastModified: lastModified)
        }
    }

    /// The first path that would leave the output, or that two entries share (compared
    /// byte for byte): every planner makes its paths unique by construction (records by
    /// slug, lists by number, catalog stems by facet and digest, type ids refused when
    /// they end in `-page-N`); this catches the day two planners disagree, before a page
    /// is silently written over another.
    func problem() -> Problem? {
        if let unsafe = entries.first(where: { !SiteWriter.isContained($0.path) }) { return .leavesOutput(unsafe.path) }
        var seen = Set<[UInt8]>()
        seen.reserveCapacity(entries.count)
        for entry in entries where !seen.insert(Array(entry.path.utf8)).inserted { return .writtenTwice(entry.path) }
        return nil
    }

    enum Problem: Equatable {
        case leavesOutput(String)
        case writtenTwice(String)
    }
}

extension SitePlan {
    /// Every file the build writes for this plan with `templates`' assets.
    func outputs(assets: [(path: String, bytes: [UInt8])]) -> SiteOutputs {
        SiteOutputs(plan: self, assets: assets)
    }
}

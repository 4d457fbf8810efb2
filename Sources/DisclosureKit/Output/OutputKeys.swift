/// The keys the build cache files outputs under: a digest of everything a file is made
/// from. Equal keys mean equal bytes, which is what lets a build carry a file over
/// instead of rendering it.
struct OutputKeys: Sendable {
    /// What every page reads: the binary, the settings, the templates and assets.
    let global: Digest
    /// Where every public record, record file and public attachment is: a record body's
    /// links resolve against this.
    let links: Digest
    /// Every public page's path and source, in plan order: the search index's inputs.
    let records: Digest

    init(global: Digest, plan: SitePlan, resolver: LinkResolver) {
        self.global = global
        // Sorted by bytes, not by String's Unicode order: the same fixed order for hashing,
        // at a fraction of the cost (a sixth of a second on one core at 100,000 records).
        var links = StableHasher()
        for (source, page) in resolver.publicPages.sorted(by: { utf8Precedes($0.key, $1.key) }) {
            links.combine(source)
            links.combine(page)
        }
        links.combine(UInt64(0))
        for source in resolver.allRecords.sorted(by: utf8Precedes) { links.combine(source) }
        links.combine(UInt64(0))
        for (source, path) in resolver.publicAttachments.sorted(by: { utf8Precedes($0.key, $1.key) }) {
            links.combine(source)
            links.combine(path)
        }
        links.combine(UInt64(0))
        for path in resolver.otherOutputs.sorted(by: utf8Precedes) { links.combine(path) }
        for site in [resolver.ownSite, resolver.declaredSite] {
            links.combine(site.map { "\($0.host):\($0.port ?? 0)/\($0.folder.joined(separator: "/"))" } ?? "")
        }
        self.links = links.finalize()
        var records = StableHasher()
        for page in plan.recordPages {
            records.combine(page.path)
            records.combine(page.record.file.relativePath)
            records.combine(page.record.sourceDigest)
        }
        for fixed in plan.fixedPages {
            records.combine(fixed.path)
            records.combine(fixed.page.file.relativePath)
            records.combine(fixed.page.sourceDigest)
        }
        self.records = records.finalize()
    }

    /// The digest of what every page reads; `configSource` is the digest of site.yaml.
    static func global(templates: TemplateSet, configSource: Digest, baseURL: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine(BuildCache.toolDigest)
        hasher.combine(configSource)
        hasher.combine(baseURL)
        for (name, text) in templates.sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        for asset in templates.assets.sorted(by: { $0.path < $1.path }) {
            hasher.combine(asset.path)
            hasher.combine(asset.bytes)
        }
        return hasher.finalize()
    }

    /// Record page `index`: the record's source, what its context takes from the plan
    /// (its path, attachments, neighbours and successor: `PageContexts.combineRecordInputs`)
    /// and where its body's links lead.
    func recordPage(_ index: Int, contexts: PageContexts) -> Digest {
        var hasher = StableHasher()
        hasher.combine("record")
        hasher.combine(global)
        hasher.combine(links)
        hasher.combine(contexts.plan.recordPages[index].record.sourceDigest)
        contexts.combineRecordInputs(index, into: &hasher)
        return hasher.finalize()
    }

    /// Any other page: its template and its model (`PageModel.cacheKey`).
    func page<Page: PageModel>(_ page: Page) -> Digest {
        var hasher = StableHasher()
        hasher.combine(Page.template)
        hasher.combine(global)
        hasher.combine(page.cacheKey)
        return hasher.finalize()
    }

    /// A catalog facet page: as `page`, with its rows by their models' digests, which
    /// `CatalogRows` makes once for the record's several pages.
    func catalogPage(_ page: CatalogPageModel, rowKeys: [Digest]) -> Digest {
        var rest = page
        rest.rows = []
        var hasher = StableHasher()
        hasher.combine(CatalogPageModel.template)
        hasher.combine(global)
        hasher.combine(rest.cacheKey)
        for key in rowKeys { hasher.combine(key) }
        return hasher.finalize()
    }

    /// A copied attachment: its bytes alone, by their digest (`FileIO.digest(ofFileAt:)`,
    /// which the input digest already knows for a file whose stamp has not moved).
    func attachment(digest: Digest) -> Digest {
        var hasher = StableHasher()
        hasher.combine("attachment")
        hasher.combine(digest)
        return hasher.finalize()
    }

    /// One document of the search index: its entry and terms are made from the record's
    /// or fixed page's file and page path alone (and the binary and settings, in `global`).
    func searchDocument(_ document: SearchDocument) -> Digest {
        switch document {
        case .record(let page): return searchDocument(page)
        case .fixed(let fixed):
            var hasher = StableHasher()
            hasher.combine("search document: fixed page")
            hasher.combine(global)
            hasher.combine(fixed.path)
            hasher.combine(fixed.page.file.relativePath)
            hasher.combine(fixed.page.sourceDigest)
            return hasher.finalize()
        }
    }

    func searchDocument(_ page: SitePlan.RecordPage) -> Digest {
        var hasher = StableHasher()
        hasher.combine("search document")
        hasher.combine(global)
        hasher.combine(page.path)
        hasher.combine(page.record.file.relativePath)
        hasher.combine(page.record.sourceDigest)
        return hasher.finalize()
    }

    /// The search index: the records and the settings.
    var searchIndex: Digest {
        var hasher = StableHasher()
        hasher.combine(SearchShards.metaPath)
        hasher.combine(global)
        hasher.combine(records)
        return hasher.finalize()
    }
}

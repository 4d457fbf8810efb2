import Foundation

/// Renders every planned file into a directory: record pages in parallel (each worker
/// renders and writes its own pages), then lists, home, catalog, 404, sitemap,
/// robots.txt and assets.
struct SiteWriter {
    let plan: SitePlan
    let templates: TemplateSet
    let directory: String
    /// The digest of what every page reads (see `OutputKeys.global`).
    var globalDigest: Digest = .zero
    /// What the previous build left that may be carried over; none by default.
    var reuse: OutputReuse?
    /// The previous build's search documents (`Outcome.searchDocuments`), for an update of
    /// its index; none by default.
    var previousSearchDocuments: [Digest] = []
    /// Digests of attachment files known without reading them (`InputDigest`), by their
    /// absolute path: an unchanged attachment is carried over unread.
    var attachmentDigests: [String: Digest] = [:]
    var progress: BuildProgress?

    struct Outcome {
        var diagnostics: [Diagnostic] = []
        var pages = 0
        var files = 0
        /// Every file placed, for the next build's cache.
        var entries: [String: BuildCache.FileEntry] = [:]
        /// The files carried over from the previous build unchanged.
        var carried: Set<String> = []
        /// Every file in the tree, cached or not: what the audit expects to find.
        var paths: Set<String> = []
        /// The search index's documents, by id: their `OutputKeys.searchDocument`s.
        var searchDocuments: [Digest] = []

        mutating func record(_ path: String, _ placement: OutputReuse.Placement) {
            paths.insert(path)
            switch placement {
            case .carried(let entry):
                entries[path] = entry
                carried.insert(path)
            case .written(let entry):
                entries[path] = entry
            }
        }
    }

    /// True when `path` stays inside the output: relative, no `..`, `.` or empty
    /// component, no NUL. Every path written is checked, whatever planned it.
    static func isContained(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// One record page's work: its findings and the files it placed.
    private struct RecordPageResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var placed: [(path: String, placement: OutputReuse.Placement)] = []
        /// Written, but left out of the cache (its findings are reported by every build).
        var uncached: [String] = []
    }

    func write() throws(EnvironmentError) -> Outcome {
        var outcome = Outcome()
        let planned = plan.recordPages.flatMap { [$0.path] + $0.attachments.map(\.path) } + plan.listPages.map(\.path)
            + plan.catalog.pages.map(\.path) + templates.assets.map { "assets/" + $0.path } + Self.fixedPagePaths(plan)
            + plan.publishers.pages.map(\.path)
        if let unsafe = planned.first(where: { !Self.isContained($0) }) {
            throw EnvironmentError(Phrase("拒绝写出 '\(unsafe)'：它会落在输出目录之外", en: "refusing to write '\(unsafe)': it would leave the output directory"))
        }
        if let twice = PlannedPaths.firstRepeated(planned + PlannedPaths.siteFiles + SearchShards.paths(plan)) {
            throw EnvironmentError(Phrase("内部错误：构建计划两次写出 '\(twice)'，一个页面会悄无声息地覆盖另一个；未写出任何文件（请连同站点一起报告此问题）",
                                         en: "internal error: the plan writes '\(twice)' twice, and one page would silently replace the other; nothing was written (please report this with the site)"))
        }
        let contexts = PageContexts(plan: plan)
        let config = plan.view.config
        let reuse = self.reuse ?? .none(staging: directory)

        // Folders first, so workers only create files.
        var folders = Set<String>(["assets"])
        for page in plan.recordPages { folders.insert(Self.folder(of: page.path)) }
        for list in plan.listPages { folders.insert(Self.folder(of: list.path)) }
        for fixed in plan.fixedPages { folders.insert(Self.folder(of: fixed.path)) }
        for page in plan.catalog.pages { folders.insert(Self.folder(of: page.path)) }
        for page in plan.publishers.pages { folders.insert(Self.folder(of: page.path)) }
        for folder in folders.sorted() where !folder.isEmpty {
            do throws(FileIO.Failure) { try FileIO.makeDirectories(directory + "/" + folder) } catch {
                throw EnvironmentError(Phrase("无法在输出目录中创建 \(folder)：", en: "cannot create \(folder) in the output: ") + SystemMessage.phrase(of: error))
            }
        }

        // Record pages, in parallel.
        let resolver = BodyLinks.resolver(plan)
        // The fixed pages are in the navigation of every page.
        var global = StableHasher()
        global.combine(globalDigest)
        PageContexts.combineNavigation(plan, into: &global)
        let keys = OutputKeys(global: global.finalize(), plan: plan, resolver: resolver)
        let markdown = MarkdownRenderer(allowRawHTML: config.allowRawHTML)
        let templates = self.templates
        let attachmentDigests = self.attachmentDigests

        // The files made whole, each by one thread (the catalog page, its CSV and JSON,
        // the sitemaps, the feed): on a lane of their own while the workers render the
        // pages, one at a time (at 100,000 records they are a hundred megabytes together);
        // after the pages, they were a serial tail of seconds.
        let plan = self.plan
        let directory = self.directory
        let lane = Lane { () -> [(path: String, placement: Result<OutputReuse.Placement, FileIO.Failure>)] in
            var placed: [(path: String, placement: Result<OutputReuse.Placement, FileIO.Failure>)] = []
            let catalog = contexts.catalog()
            placed.append((SitePlan.catalogPath, Result { () throws(FileIO.Failure) in
                try reuse.place(SitePlan.catalogPath, key: keys.page(catalog)) {
                    templates.renderBytes(catalog)
                }
            }))
            var makers: [() -> [(path: String, bytes: [UInt8])]] = [
                { SitemapWriter.files(plan.sitemapEntries(), baseURL: config.baseURL) },
                { [(CatalogData.csvPath, CatalogData.csv(plan))] },
                { [(CatalogData.jsonPath, CatalogData.json(plan))] },
                { [(AtomFeed.path, AtomFeed.document(plan))] },
                { [(SitePlan.robotsPath, Array(Self.robots(config).utf8))] },
            ]
            makers += templates.assets.map { asset in { [("assets/" + asset.path, asset.bytes)] } }
            for make in makers {
                for file in make() {
                    placed.append((file.path, Result { () throws(FileIO.Failure) in
                        try FileIO.makeDirectories(Self.folder(of: directory + "/" + file.path))
                        return try reuse.place(file.path, bytes: file.bytes)
                    }))
                }
            }
            return placed
        }
        // Whatever happens below, nothing may still write into the directory when this
        // returns (a failed build discards it).
        defer { lane.wait() }

        progress?.begin("rendering pages", total: plan.recordPages.count)
        let results = parallelMap(Array(plan.recordPages.indices)) { index -> Result<RecordPageResult, FileIO.Failure> in
            defer { progress?.advance() }
            let page = contexts.plan.recordPages[index]
            let record = page.record
            var result = RecordPageResult()
            do throws(FileIO.Failure) {
                let key = keys.recordPage(index, contexts: contexts)
                var findings: [Diagnostic] = []
                let placement = try reuse.place(page.path, key: key) { () throws(FileIO.Failure) -> [UInt8] in
                    let (body, found) = BodyLinks.render(page, body: try record.bodyText(), markdown: markdown, resolver: resolver)
                    findings = found
                    return templates.renderBytes(contexts.record(index, bodyHTML: body))
                }
                // A page with findings is made again by every build, so its findings are
                // reported by every build.
                result.diagnostics = findings
                if findings.isEmpty { result.placed.append((page.path, placement)) } else { result.uncached.append(page.path) }
                for attachment in page.attachments {
                    // Scanned budgets run to hundreds of megabytes: read only to be copied.
                    guard let digest = attachmentDigests[attachment.source] ?? FileIO.digest(ofFileAt: attachment.source)?.0 else {
                        throw .system("\(attachment.source): cannot be read")
                    }
                    // Copied a piece at a time, never held whole: it may be larger than memory.
                    result.placed.append((attachment.path, try reuse.place(attachment.path, key: keys.attachment(digest: digest),
                                                                           streaming: { (file: inout FileWriter) throws(FileIO.Failure) in
                        guard try FileIO.copy(attachment.source, into: &file) == digest else {
                            throw .system("\(attachment.source) changed during the build; build again")
                        }
                    })))
                }
            } catch {
                return .failure(error)
            }
            return .success(result)
        }
        for result in results {
            switch result {
            case .success(let page):
                outcome.diagnostics += page.diagnostics
                for (path, placement) in page.placed { outcome.record(path, placement) }
                outcome.paths.formUnion(page.uncached)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        outcome.pages += plan.recordPages.count
        outcome.files += plan.recordPages.count + plan.recordPages.reduce(0) { $0 + $1.attachments.count }

        progress?.begin("writing lists, catalog, sitemap, feed and search index", total: 0)
        try writeFixedPages(contexts: contexts, keys: keys, markdown: markdown, resolver: resolver, reuse: reuse,
                            attachmentDigests: attachmentDigests, into: &outcome)
        // Lists, home, search, 404, publisher pages: keyed by their model.
        var pages: [(path: String, model: @Sendable () -> any PageModel)] = plan.listPages.map { list in
            (list.path, { contexts.list(list) })
        }
        pages.append((SitePlan.homePath, { contexts.home() }))
        pages.append((SitePlan.searchPath, { contexts.search() }))
        pages.append((SitePlan.notFoundPath, { contexts.notFound() }))
        pages += plan.publishers.pages.map { page in (page.path, { contexts.publisherPage(page) }) }
        let placed = parallelMap(pages) { page -> Result<OutputReuse.Placement, FileIO.Failure> in
            let model = page.model()
            return Result { () throws(FileIO.Failure) in
                try reuse.place(page.path, key: keys.page(model)) {
                    templates.renderBytes(model)
                }
            }
        }
        for (page, placement) in zip(pages, placed) {
            switch placement {
            case .success(let placement): outcome.record(page.path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        outcome.pages += pages.count
        outcome.files += pages.count
        // The catalog's facet pages: keyed by their rows' models, rendered with the rows
        // each record's `catalog-row` makes once.
        let catalogRows = CatalogRows(templates: templates, contexts: contexts)
        let catalogPlaced = parallelMap(plan.catalog.pages) { page -> Result<OutputReuse.Placement, FileIO.Failure> in
            let model = contexts.catalogPage(page)
            return Result { () throws(FileIO.Failure) in
                try reuse.place(page.path, key: keys.page(model)) {
                    templates.renderBytes(CatalogPageModel.template, model.rendering(rows: page.records.map(catalogRows.row)))
                }
            }
        }
        for (page, placement) in zip(plan.catalog.pages, catalogPlaced) {
            switch placement {
            case .success(let placement): outcome.record(page.path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        outcome.pages += plan.catalog.pages.count
        outcome.files += plan.catalog.pages.count
        // The search index while the lane may still be at work: in a rebuild the pages
        // are mostly carried and the lane's serial files are the longer part.
        // Where the previous shards are intact, the documents of unchanged records are taken
        // from them rather than tokenised again.
        let searchDocuments = SearchDocument.all(plan).map(keys.searchDocument)
        do throws(FileIO.Failure) {
            for (path, placement) in try SearchShardWriter.place(plan, reuse: reuse, directory: directory, key: keys.searchIndex,
                                                                 previousDocuments: previousSearchDocuments,
                                                                 documents: searchDocuments) {
                outcome.record(path, placement)
                outcome.files += 1
            }
            outcome.searchDocuments = searchDocuments
        } catch {
            throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
        }
        let placedByLane = lane.result()
        for (path, placement) in placedByLane {
            switch placement {
            case .success(let placement): outcome.record(path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        outcome.pages += 1
        outcome.files += placedByLane.count
        return outcome
    }

    /// Every file `write()` produces, relative to the output: what `audit` expects to find.
    static func plannedPaths(plan: SitePlan, templates: TemplateSet) -> Set<String> {
        var paths: Set<String> = [OutputDirectory.markerName, SitePlan.homePath, SitePlan.catalogPath,
                                  SitePlan.notFoundPath, SitePlan.searchPath, SitePlan.robotsPath, CatalogData.csvPath,
                                  CatalogData.jsonPath, AtomFeed.path]
        for page in plan.recordPages {
            paths.insert(page.path)
            for attachment in page.attachments { paths.insert(attachment.path) }
        }
        for list in plan.listPages { paths.insert(list.path) }
        paths.formUnion(fixedPagePaths(plan))
        for page in plan.catalog.pages { paths.insert(page.path) }
        for page in plan.publishers.pages { paths.insert(page.path) }
        for file in SitemapWriter.files(plan.sitemapEntries(), baseURL: plan.view.config.baseURL) { paths.insert(file.path) }
        for asset in templates.assets { paths.insert("assets/" + asset.path) }
        paths.formUnion(SearchShards.paths(plan))
        return paths
    }

    static func robots(_ config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(SitePlan.sitemapPath)\n"
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

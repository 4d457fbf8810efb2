import Foundation

/// Makes every file of the list of outputs (`SiteOutputs`) in a directory.
struct SiteWriter {
    let plan: SitePlan
    /// Every file to make (`SitePlan.outputs`).
    let outputs: SiteOutputs
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
        return path.slashSeparated(keepingEmpty: true).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// One record page's work: its findings and the files it placed.
    private struct RecordPageResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var placed: [(path: String, placement: OutputReuse.Placement)] = []
        /// Written, but left out of the cache (its findings are reported by every build).
        var uncached: [String] = []
    }

    /// Makes every file of `outputs`: record pages in parallel (each worker renders and
    /// writes its own pages and copies their attachments), the files made whole on lanes
    /// of their own, then the other pages, the catalog's facets and the search index.
    func write() throws(EnvironmentError) -> Outcome {
        var outcome = Outcome()
        switch outputs.problem() {
        case .leavesOutput(let path)?:
            throw EnvironmentError(Phrase("拒绝写出 '\(path)'：它会落在输出目录之外", en: "refusing to write '\(path)': it would leave the output directory"))
        case .writtenTwice(let path)?:
            throw EnvironmentError(Phrase("内部错误：构建计划两次写出 '\(path)'，一个页面会悄无声息地覆盖另一个；未写出任何文件（请连同站点一起报告此问题）",
                                         en: "internal error: the plan writes '\(path)' twice, and one page would silently replace the other; nothing was written (please report this with the site)"))
        case nil:
            break
        }
        let contexts = PageContexts(plan: plan)
        let config = plan.view.config
        let reuse = self.reuse ?? .none(staging: directory)

        // Folders first, so workers only create files.
        var folders = Set<String>()
        for output in outputs.entries { folders.insert(Self.folder(of: output.path)) }
        for folder in folders.sorted() where !folder.isEmpty {
            do throws(FileIO.Failure) { try FileIO.makeDirectories(directory + "/" + folder) } catch {
                throw EnvironmentError(Phrase("无法在输出目录中创建 \(folder)：", en: "cannot create \(folder) in the output: ") + SystemMessage.phrase(of: error))
            }
        }

        let resolver = BodyLinks.resolver(plan, outputs: outputs)
        // The fixed pages are in the navigation of every page.
        var global = StableHasher()
        global.combine(globalDigest)
        PageContexts.combineNavigation(plan, into: &global)
        let keys = OutputKeys(global: global.finalize(), plan: plan, resolver: resolver)
        let markdown = MarkdownRenderer(allowRawHTML: config.allowRawHTML)
        let templates = self.templates
        let attachmentDigests = self.attachmentDigests
        let plan = self.plan

        // Each entry of the list to the work that makes it.
        typealias Placed = [(path: String, placement: Result<OutputReuse.Placement, FileIO.Failure>)]
        var recordPages: [Int] = []
        var fixedPages: [Int] = []
        var templatePages: [(path: String, model: @Sendable () -> any PageModel)] = []
        var catalogPages: [(path: String, page: CatalogPlan.Page)] = []
        // The files made whole, by size: the catalog's JSON, its CSV and the sitemaps
        // first (`wholeFileLanes`), the catalog page and the small ones after.
        var wholeFiles: [(size: WholeFileSize, make: @Sendable () -> Placed)] = []
        var hasSitemap = false
        var hasSearchShards = false
        func whole(_ path: String, _ size: WholeFileSize = .small, _ make: @escaping @Sendable () -> [UInt8]) {
            wholeFiles.append((size, { [(path, Result { () throws(FileIO.Failure) in try reuse.place(path, bytes: make()) })] }))
        }
        for output in outputs.entries {
            switch output.kind {
            case .recordPage(let index): recordPages.append(index)
            case .fixedPage(let index): fixedPages.append(index)
            // Copied by their page's worker, which knows their digests.
            case .recordAttachment, .fixedPageAttachment: break
            case .listPage(let index):
                templatePages.append((output.path, { contexts.list(plan.listPages[index]) }))
            case .home: templatePages.append((output.path, { contexts.home() }))
            case .search: templatePages.append((output.path, { contexts.search() }))
            case .notFound: templatePages.append((output.path, { contexts.notFound() }))
            case .publisherPage(let index):
                templatePages.append((output.path, { contexts.publisherPage(plan.publishers.pages[index]) }))
            case .catalogPage(let index): catalogPages.append((output.path, plan.catalog.pages[index]))
            case .catalog:
                let path = output.path
                wholeFiles.append((.page, {
                    let catalog = contexts.catalog()
                    return [(path, Result { () throws(FileIO.Failure) in
                        try reuse.place(path, key: keys.page(catalog)) {
                            templates.renderBytes(catalog)
                        }
                    })]
                }))
            case .catalogCSV: whole(output.path, .catalogCSV) { CatalogData.csv(plan) }
            case .catalogJSON: whole(output.path, .catalogJSON) { CatalogData.json(plan) }
            case .feed: whole(output.path) { AtomFeed.document(plan) }
            case .robots: whole(output.path) { Array(Self.robots(config).utf8) }
            case .asset(let index): whole(output.path) { templates.assets[index].bytes }
            case .sitemap: hasSitemap = true
            case .searchShard: hasSearchShards = true
            }
        }
        // The sitemaps are cut from the list's pages in one go; the files made must be the
        // ones the list names (checked with every other file at the end).
        if hasSitemap {
            let entries = outputs.sitemapEntries(plan)
            wholeFiles.append((.sitemap, {
                SitemapWriter.files(entries, baseURL: config.baseURL).map { file in
                    (file.path, Result { () throws(FileIO.Failure) in try reuse.place(file.path, bytes: file.bytes) })
                }
            }))
        }

        // The search index's shards, on a lane of their own. Where the previous shards are
        // intact, the documents of unchanged records are taken from them rather than
        // tokenised again: an update that a rebuild runs beside its pages, which are
        // mostly carried.
        let previousSearchDocuments = self.previousSearchDocuments
        let directory = self.directory
        func searchIndex() -> Lane<Result<([Digest], [(path: String, placement: OutputReuse.Placement)]), FileIO.Failure>>? {
            guard hasSearchShards else { return nil }
            return Lane {
                Result { () throws(FileIO.Failure) in
                    let documents = SearchDocument.all(plan).map(keys.searchDocument)
                    let placed = try SearchShardWriter.place(plan, reuse: reuse, directory: directory, key: keys.searchIndex,
                                                             previousDocuments: previousSearchDocuments, documents: documents)
                    return (documents, placed)
                }
            }
        }
        let searchLane = previousSearchDocuments.isEmpty ? nil : searchIndex()
        // Nothing may still write into the directory when this returns.
        defer { searchLane?.wait() }

        // The files made whole, each by one thread (the catalog page, its CSV and JSON,
        // the sitemaps, the feed): on two lanes of their own while the workers render the
        // pages, one file at a time on each (at 100,000 records they are a hundred
        // megabytes together), each lane taking the largest file left when it is free. A
        // fixed share (the JSON on one lane, the rest on the other) left the CSV and the
        // sitemaps the end of a rebuild's render, one core idle.
        let wholeFileLanes = SharedLanes(wholeFiles.enumerated().sorted { ($0.element.size, $0.offset) < ($1.element.size, $1.offset) }
                                             .map(\.element.make), lanes: 2)
        // Whatever happens below, nothing may still write into the directory when this
        // returns (a failed build discards it).
        defer { wholeFileLanes.wait() }

        progress?.begin("rendering pages", total: recordPages.count)
        let results = parallelMap(recordPages) { index -> Result<RecordPageResult, FileIO.Failure> in
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

        progress?.begin("writing lists, catalog, sitemap, feed and search index", total: 0)
        try writeFixedPages(fixedPages, contexts: contexts, keys: keys, markdown: markdown, resolver: resolver, reuse: reuse,
                            attachmentDigests: attachmentDigests, into: &outcome)
        // Lists, home, search, 404, publisher pages: keyed by their model.
        let placed = parallelMap(templatePages) { page -> Result<OutputReuse.Placement, FileIO.Failure> in
            let model = page.model()
            return Result { () throws(FileIO.Failure) in
                try reuse.place(page.path, key: keys.page(model)) {
                    templates.renderBytes(model)
                }
            }
        }
        for (page, placement) in zip(templatePages, placed) {
            switch placement {
            case .success(let placement): outcome.record(page.path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        // The catalog's facet pages: keyed by their rows' models, rendered with the rows
        // each record's `catalog-row` makes once.
        let catalogRows = CatalogRows(templates: templates, contexts: contexts)
        let catalogPlaced = parallelMap(catalogPages) { path, page -> Result<OutputReuse.Placement, FileIO.Failure> in
            let model = contexts.catalogPage(page, row: catalogRows.model)
            return Result { () throws(FileIO.Failure) in
                try reuse.place(path, key: keys.catalogPage(model, rowKeys: page.records.map(catalogRows.key))) {
                    templates.renderBytes(CatalogPageModel.template, model.rendering(rows: page.records.map(catalogRows.row)))
                }
            }
        }
        for (page, placement) in zip(catalogPages, catalogPlaced) {
            switch placement {
            case .success(let placement): outcome.record(page.path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        // The search index: in a rebuild, begun beside the pages (above); otherwise now,
        // after them, so that a whole index and the rendering are never in memory together.
        do throws(FileIO.Failure) {
            if let (documents, placed) = try (searchLane ?? searchIndex())?.result().get() {
                for (path, placement) in placed { outcome.record(path, placement) }
                outcome.searchDocuments = documents
            }
        } catch {
            throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
        }
        for (path, placement) in wholeFileLanes.results().joined() {
            switch placement {
            case .success(let placement): outcome.record(path, placement)
            case .failure(let error): throw EnvironmentError(Phrase("无法写出站点：", en: "cannot write the site: ") + SystemMessage.phrase(of: error))
            }
        }
        // The list is what the audit expects and what the next build's cache keeps: the
        // files made (by the sitemap's and the search index's own cutting too) must be its.
        if let unlisted = Self.firstDifference(made: outcome.paths, listed: outputs) {
            throw EnvironmentError(Phrase("内部错误：写出的文件与输出清单不符（'\(unlisted)'）；请连同站点一起报告此问题",
                                          en: "internal error: the files written are not the ones listed ('\(unlisted)'); please report this with the site"))
        }
        outcome.pages = outputs.pageCount
        outcome.files = outputs.entries.count
        return outcome
    }

    /// A path written but not listed, or listed but not written; nil when the two agree.
    static func firstDifference(made: Set<String>, listed: SiteOutputs) -> String? {
        if let missing = listed.entries.first(where: { !made.contains($0.path) }) { return missing.path }
        // Every listed path was made, and the list names none twice (`SiteOutputs.problem`):
        // equal counts leave nothing else.
        guard made.count != listed.entries.count else { return nil }
        let paths = listed.paths
        return made.filter { !paths.contains($0) }.min()
    }

    static func robots(_ config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(SitePlan.sitemapPath)\n"
    }

    static func folder(of path: String) -> String {
        path.folderOfPath
    }
}

/// The files a build makes whole, by the work they take, most first (the order
/// `SiteWriter` gives its lanes them in): at 10,000 records the catalog's JSON is about
/// 8 MB, its CSV 2.6, the sitemaps 1.4; the catalog page renders a model of every facet;
/// the feed, `robots.txt` and the assets are small.
enum WholeFileSize: Int, Comparable {
    case catalogJSON, catalogCSV, sitemap, page, small

    static func < (lhs: WholeFileSize, rhs: WholeFileSize) -> Bool { lhs.rawValue < rhs.rawValue }
}

import Foundation

/// Renders every planned file into a directory: record pages in parallel (each worker
/// renders and writes its own pages), then lists, home, catalog, 404, sitemap,
/// robots.txt and assets.
struct SiteWriter {
    let plan: SitePlan
    let templates: TemplateSet
    let directory: String
    var progress: BuildProgress?

    struct Outcome {
        var diagnostics: [Diagnostic] = []
        var pages = 0
        var files = 0
    }

    /// True when `path` stays inside the output: relative, no `..`, `.` or empty
    /// component, no NUL. Every path written is checked, whatever planned it.
    static func isContained(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    func write() throws(EnvironmentError) -> Outcome {
        var outcome = Outcome()
        let planned = plan.recordPages.flatMap { [$0.path] + $0.attachments.map(\.path) } + plan.listPages.map(\.path)
            + templates.assets.map { "assets/" + $0.path }
        if let unsafe = planned.first(where: { !Self.isContained($0) }) {
            throw EnvironmentError("refusing to write '\(unsafe)': it would leave the output directory")
        }
        let contexts = PageContexts(plan: plan)
        let config = plan.view.config

        // Folders first, so workers only create files.
        var folders = Set<String>(["assets"])
        for page in plan.recordPages { folders.insert(Self.folder(of: page.path)) }
        for list in plan.listPages { folders.insert(Self.folder(of: list.path)) }
        for folder in folders.sorted() where !folder.isEmpty {
            do throws(FileIO.Failure) { try FileIO.makeDirectories(directory + "/" + folder) } catch {
                throw EnvironmentError("cannot create \(folder) in the output: \(error)")
            }
        }

        // Record pages, in parallel.
        let resolver = LinkResolver(
            publicPages: Dictionary(uniqueKeysWithValues: plan.recordPages.map { ($0.record.file.relativePath, $0.path) }),
            allRecords: plan.view.allRecordPaths,
            publicAttachments: Dictionary(plan.view.attachments.map { match in
                (match.attachment.relativePath,
                 ([match.attachment.type.folder] + match.attachment.subfolders + [match.attachment.name]).joined(separator: "/"))
            }, uniquingKeysWith: { first, _ in first }))
        let markdown = MarkdownRenderer(allowRawHTML: config.allowRawHTML)
        let directory = self.directory
        let templates = self.templates
        let progress = self.progress
        progress?.begin("rendering pages", total: plan.recordPages.count)
        let results = parallelMap(Array(plan.recordPages.indices)) { index -> Result<[Diagnostic], FileIO.Failure> in
            defer { progress?.advance() }
            let page = contexts.plan.recordPages[index]
            let record = page.record
            let (body, findings) = markdown.render(record.body) { target, isImage in
                resolver.decide(target, isImage: isImage, source: record.file.relativePath, page: page.path)
            }
            let diagnostics = findings.map { finding in
                (finding.isError ? Rule.linkTarget : Rule.linkUnsafe).diagnostic(record.file.relativePath,
                    SourceLocation(line: record.bodyFirstLine + finding.line - 1, column: finding.column), finding.message)
            }
            let html = templates.render("record", contexts.record(index, bodyHTML: body))
            do throws(FileIO.Failure) {
                try FileIO.write(html.utf8, to: directory + "/" + page.path)
                for attachment in page.attachments {
                    try FileIO.copy(attachment.source, to: directory + "/" + attachment.path)
                }
            } catch {
                return .failure(error)
            }
            return .success(diagnostics)
        }
        for result in results {
            switch result {
            case .success(let diagnostics): outcome.diagnostics += diagnostics
            case .failure(let error): throw EnvironmentError("cannot write the site: \(error)")
            }
        }
        outcome.pages += plan.recordPages.count
        outcome.files += plan.recordPages.count + plan.recordPages.reduce(0) { $0 + $1.attachments.count }

        progress?.begin("writing lists, catalog, sitemap, feed and search index", total: 0)
        // Lists, home, catalog, 404.
        var pages: [(path: String, html: String)] = plan.listPages.map { ($0.path, templates.render("list", contexts.list($0))) }
        pages.append((SitePlan.homePath, templates.render("home", contexts.home())))
        pages.append((SitePlan.catalogPath, templates.render("catalog", contexts.catalog())))
        pages.append((SitePlan.searchPath, templates.render("search", contexts.search())))
        pages.append((SitePlan.notFoundPath, templates.render("404", contexts.notFound())))
        var files: [(path: String, bytes: [UInt8])] = pages.map { ($0.path, Array($0.html.utf8)) }
        outcome.pages += pages.count

        files += SitemapWriter.files(plan.sitemapEntries(), baseURL: config.baseURL)
        files.append((CatalogData.csvPath, CatalogData.csv(plan)))
        files.append((CatalogData.jsonPath, CatalogData.json(plan)))
        files.append((AtomFeed.path, AtomFeed.document(plan)))
        files.append((SearchIndex.path, SearchIndex.script(plan)))
        files.append((SitePlan.robotsPath, Array(robots(config).utf8)))
        files += templates.assets.map { ("assets/" + $0.path, $0.bytes) }
        for file in files {
            let full = directory + "/" + file.path
            do throws(FileIO.Failure) {
                try FileIO.makeDirectories(Self.folder(of: full))
                try FileIO.write(file.bytes, to: full)
            } catch {
                throw EnvironmentError("cannot write the site: \(error)")
            }
        }
        outcome.files += files.count
        return outcome
    }

    /// Every file `write()` produces, relative to the output: what `audit` expects to find.
    static func plannedPaths(plan: SitePlan, templates: TemplateSet) -> Set<String> {
        var paths: Set<String> = [OutputDirectory.markerName, SitePlan.homePath, SitePlan.catalogPath,
                                  SitePlan.notFoundPath, SitePlan.searchPath, SitePlan.robotsPath, CatalogData.csvPath,
                                  CatalogData.jsonPath, AtomFeed.path, SearchIndex.path]
        for page in plan.recordPages {
            paths.insert(page.path)
            for attachment in page.attachments { paths.insert(attachment.path) }
        }
        for list in plan.listPages { paths.insert(list.path) }
        for file in SitemapWriter.files(plan.sitemapEntries(), baseURL: plan.view.config.baseURL) { paths.insert(file.path) }
        for asset in templates.assets { paths.insert("assets/" + asset.path) }
        return paths
    }

    func robots(_ config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(SitePlan.sitemapPath)\n"
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

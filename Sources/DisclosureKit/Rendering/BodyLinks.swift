/// Where the links of public records' bodies lead, as the build decides them: the one
/// place that makes the resolver from a plan and turns its findings into diagnostics, so
/// `check` reports exactly the link problems `build` would stop on.
public enum BodyLinks {
    /// The resolver for every body of `plan`, whose outputs are `outputs` when the caller
    /// has them already.
    static func resolver(_ plan: SitePlan, outputs: SiteOutputs? = nil) -> LinkResolver {
        var resolver = LinkResolver(
            // Paths equal but for Unicode normalisation are one String key; the scanner
            // refuses such pairs, and a table never traps on them.
            // Fixed pages are linked by their .md file as records are, both ways.
            publicPages: Dictionary(plan.recordPages.map { ($0.record.file.relativePath, $0.path) }
                                        + plan.fixedPages.map { ($0.page.file.relativePath, $0.path) },
                                    uniquingKeysWith: { first, _ in first }),
            allRecords: plan.view.allRecordPaths,
            publicAttachments: Dictionary(plan.view.attachments.map { ($0.attachment.relativePath, $0.attachment.sitePath) }
                                              + plan.view.pageAttachments.map { ($0.file.relativePath, $0.file.sitePath) },
                                          uniquingKeysWith: { first, _ in first }))
        resolver.scheduled = plan.view.scheduled
        resolver.ownSite = OwnSiteAddress(baseURL: plan.view.config.baseURL)
        resolver.declaredSite = plan.view.config.declaredBaseURL.flatMap(OwnSiteAddress.init(baseURL:))
        resolver.otherOutputs = otherOutputs(outputs ?? plan.outputs(assets: []))
        return resolver
    }

    /// The paths of `outputs` besides record pages, fixed pages and their attachments
    /// (which the resolver knows by their sources): home, lists, catalog pages and data,
    /// publisher pages, the feed, robots.txt, every sitemap file and the search index's
    /// shards.
    static func otherOutputs(_ outputs: SiteOutputs) -> Set<String> {
        Set(outputs.entries.lazy.filter { output in
            switch output.kind {
            // Assets as `check` sees them, which has no templates: never a link's target.
            case .recordPage, .recordAttachment, .fixedPage, .fixedPageAttachment, .asset: false
            case .listPage, .catalogPage, .publisherPage, .home, .catalog, .search, .notFound, .robots, .catalogCSV,
                 .catalogJSON, .feed, .sitemap, .searchShard: true
            }
        }.map(\.path))
    }

    /// Renders the body of `page` and reports its link findings at their place in the file.
    public static func render(_ page: SitePlan.RecordPage, body: String, markdown: MarkdownRenderer,
                              resolver: LinkResolver) -> (html: String, diagnostics: [Diagnostic]) {
        let record = page.record
        let (html, findings) = markdown.render(body) { target, isImage in
            resolver.decide(target, isImage: isImage, source: record.file.relativePath, page: page.path)
        }
        return (html, diagnostics(findings, file: record.file.relativePath, bodyFirstLine: record.bodyFirstLine))
    }

    /// The link findings of the body of `page`, as `render` reports them, without the HTML.
    static func findings(_ page: SitePlan.RecordPage, body: String, markdown: MarkdownRenderer,
                         resolver: LinkResolver) -> [Diagnostic] {
        let record = page.record
        let found = markdown.linkFindings(body) { target, isImage in
            resolver.decide(target, isImage: isImage, source: record.file.relativePath, page: page.path)
        }
        return diagnostics(found, file: record.file.relativePath, bodyFirstLine: record.bodyFirstLine)
    }

    /// Renders the body of a fixed page and reports its link findings in its file.
    public static func render(_ fixed: FixedPagePlan, markdown: MarkdownRenderer,
                              resolver: LinkResolver) -> (html: String, diagnostics: [Diagnostic]) {
        let page = fixed.page
        let (html, findings) = markdown.render(page.body) { target, isImage in
            resolver.decide(target, isImage: isImage, source: page.file.relativePath, page: fixed.path)
        }
        return (html, diagnostics(findings, file: page.file.relativePath, bodyFirstLine: page.bodyFirstLine))
    }

    /// Each finding in a body as a diagnostic at its place in `file`, whose body starts on
    /// line `bodyFirstLine`: broken links are errors (`link.target`), neutralised ones warnings.
    private static func diagnostics(_ findings: [LinkFinding], file: String, bodyFirstLine: Int) -> [Diagnostic] {
        findings.map { finding in
            (finding.isError ? Rule.linkTarget : Rule.linkUnsafe).diagnostic(file,
                SourceLocation(line: bodyFirstLine + finding.line - 1, column: finding.column), finding.message)
        }
    }

    /// Every link finding of every public record of `site`, in plan order.
    public static func diagnostics(_ site: LoadedSite, progress: BuildProgress? = nil) -> [Diagnostic] {
        diagnostics(SitePlan(PublicView(site)), site: site, progress: progress)
    }

    /// Every link finding of the public records and fixed pages of `plan` (the plan of `site`).
    public static func diagnostics(_ plan: SitePlan, site: LoadedSite, progress: BuildProgress? = nil) -> [Diagnostic] {
        diagnostics(plan, resolver: resolver(plan), markdown: MarkdownRenderer(allowRawHTML: site.config.allowRawHTML),
                    progress: progress)
    }

    /// The findings of `plan`'s public records and fixed pages under `resolver`; the
    /// progress counts `moreToCome` items the caller advances after these.
    private static func diagnostics(_ plan: SitePlan, resolver: LinkResolver, markdown: MarkdownRenderer,
                                    progress: BuildProgress?, moreToCome: Int = 0) -> [Diagnostic] {
        progress?.begin("checking the links of public records", total: plan.recordPages.count + moreToCome)
        return parallelMap(plan.recordPages) { page -> [Diagnostic] in
            defer { progress?.advance() }
            guard let body = try? page.record.bodyText() else { return [] }
            return findings(page, body: body, markdown: markdown, resolver: resolver)
        }.flatMap { $0 } + plan.fixedPages.flatMap { render($0, markdown: markdown, resolver: resolver).diagnostics }
    }

    /// The link findings of a site whose records have errors, that no mending of those
    /// errors can change, so that they show in the same run (the build stops before it
    /// renders, and the full check needs the plan of a site without errors): every
    /// public record's body, and the body of every record file that did not decode but
    /// says it is public, each at its place in its file. A body whose `disclosure` is
    /// missing or misspelt waits: its links may be a withheld record's, and messages go to
    /// CI logs. A target the plan lacks but the tree holds is let pass (`LinkResolver.unsettled`).
    public static func despiteErrors(_ site: LoadedSite, progress: BuildProgress? = nil) -> [Diagnostic] {
        let plan = SitePlan(PublicView(site))
        let decoded = Set(site.records.lazy.map(\.file.relativePath))
        let undecoded = site.identities.filter { !decoded.contains($0.file.relativePath) }
        var partial = resolver(plan)
        partial.unsettled = LinkResolver.UnsettledSite(
            root: site.root,
            pendingRecords: Set(undecoded.lazy.filter { $0.disclosure?.isPublic != false }.map(\.file.relativePath)),
            knowsOwnAddress: !site.diagnostics.contains { $0.file == SiteConfig.path && $0.severity == .error })
        let resolver = partial
        let markdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML)
        let undecodedPublic = undecoded.filter { $0.disclosure?.isPublic == true }
        let ofPlan = diagnostics(plan, resolver: resolver, markdown: markdown, progress: progress,
                                 moreToCome: undecodedPublic.count)
        let ofUndecoded = parallelMap(undecodedPublic) { identity -> [Diagnostic] in
            defer { progress?.advance() }
            let file = identity.file.relativePath
            guard let bytes = try? FileIO.readBytes(identity.file.absolutePath, limit: site.config.maximumRecordBytes),
                  case .success(let text) = SourceText.decode(bytes, limit: site.config.maximumRecordBytes),
                  case .success(let split) = FrontMatterSplitter.split(text) else { return [] }
            let body = String(split.body)
            // What the renderer is never handed; reported by the record's own checks.
            guard BodyControlCharacters.first(in: body) == nil, MarkdownComplexity.firstExcess(in: body) == nil else { return [] }
            let found = markdown.linkFindings(body) { target, isImage in
                resolver.decide(target, isImage: isImage, source: file, page: file)
            }
            return diagnostics(found, file: file, bodyFirstLine: split.bodyFirstLine)
        }
        return ofPlan + ofUndecoded.flatMap { $0 }
    }
}

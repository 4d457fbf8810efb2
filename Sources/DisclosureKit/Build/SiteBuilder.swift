import Foundation

/// What a build did, for the summary table.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Record files found, decoded or not.
    public var recordFiles: Int
    /// Records by type and disclosure attribute.
    public var counts: RecordCounts
    public var pagesWritten: Int
    public var filesWritten: Int
    /// Files carried over unchanged from the previous build (hard-linked, same time).
    public var filesCarried = 0
    /// True when nothing had changed since the previous build, and the output was left as it was.
    public var upToDate = false
    /// True when the new site replaced the output.
    public var committed: Bool
    public var elapsed: Double
    /// Seconds spent in each stage, in order: load and validate, render and write, audit, swap.
    public var stages: [(name: String, seconds: Double)] = []
    /// The most memory the process has held (its peak resident set), in bytes.
    public var peakMemory: Int { ProcessMemory.peakBytes }
}

/// `disclose build`: validate, plan from the public view, render in parallel into a
/// staging directory beside the output, and swap it in only when everything succeeded.
public struct SiteBuilder: Sendable {
    public var root: String
    public var output: String
    public var strict: Bool
    public var baseURL: String?
    /// `--as-of`: the day policies' 有效期至 are judged against; nil for today in the
    /// site's time zone.
    public var asOf: CalendarDate?
    /// Updated as the build goes, for a progress line; nil for none.
    public var progress: BuildProgress?
    /// Whether a build that finds another writing the same output waits for it (true) or
    /// gives up at once with an environment error (`--no-wait`).
    public var waitsForOtherBuilds = true
    /// Told, once, that the build waits for another build of the output, with that
    /// build's process id when known.
    public var waiting: (@Sendable (Int32?) -> Void)?

    public init(root: String, output: String? = nil, strict: Bool = false, baseURL: String? = nil,
                progress: BuildProgress? = nil) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("site")
        self.strict = strict
        self.baseURL = baseURL
        self.progress = progress
    }

    public func build() throws(EnvironmentError) -> BuildReport {
        let start = DispatchTime.now()
        if let baseURL {
            if let problem = BaseURLCheck.problem(baseURL) {
                throw EnvironmentError("--base-url must be an absolute http(s) URL with no user, password, query, fragment or space; \(problem): '\(VisibleText.escaped(baseURL))'")
            }
        }
        // The root first, as the scan would (ContentScanner): the lock below makes the
        // output's missing folders, and with the default output that would make the root.
        var rootInfo = stat()
        guard stat(root, &rootInfo) == 0, (rootInfo.st_mode & S_IFMT) == S_IFDIR else {
            throw EnvironmentError("the site root '\(root)' is not a readable directory")
        }
        let requested = try OutputDirectory.validate(output: output, root: root)
        let cacheFolder = try CacheFolder(root: root, output: requested)
        // Everything from here on, the caches' writes included, under the output's lock:
        // no other build clears or swaps what this one writes, nor this one another's.
        let lock = try OutputLock.acquire(requested, wait: waitsForOtherBuilds) { holder in
            progress?.begin("waiting for the build of " + (holder.map { "PID \($0)" } ?? "another process"), total: 0)
            waiting?(holder)
        }
        defer { lock.release() }
        // Checked again: while this build waited, the folder may have been replaced by one
        // that is not a site (it would be deleted by the swap), or a link on its path
        // moved (the lock would then be another folder's).
        let outputDirectory = try OutputDirectory.validate(output: output, root: root)
        guard outputDirectory.path == requested.path else {
            throw EnvironmentError("the output '\(output)' now leads to \(outputDirectory.path), not \(requested.path); build again")
        }
        return try build(into: outputDirectory, caches: cacheFolder, start: start)
    }

    /// The build, under the output's lock.
    private func build(into outputDirectory: OutputDirectory, caches cacheFolder: CacheFolder,
                       start: DispatchTime) throws(EnvironmentError) -> BuildReport {
        var lap = start
        var stages: [(name: String, seconds: Double)] = []
        func stage(_ name: String) {
            let now = DispatchTime.now()
            stages.append((name, Double(now.uptimeNanoseconds - lap.uptimeNanoseconds) / 1e9))
            lap = now
        }
        // First of all, what a killed build left: staging directories go, and an output
        // caught mid-swap is put back, before anything compares the output with the cache;
        // a cache write cut short goes too.
        outputDirectory.recoverLeftovers()
        cacheFolder.removeCutShortWrites()
        let cachePath = cacheFolder.buildCache
        let previous = outputDirectory.isBuilt ? BuildCache.read(cachePath) : nil
        let tree = try ContentScanner(root: root).scan()
        let (templates, templateDiagnostics) = TemplateSet.load(root: root)
        let inputFiles = templates.flatMap { InputDigest.of(tree, templates: $0, baseURL: baseURL, known: previous?.inputFiles ?? [:]) }
        let inputs = inputFiles?.digest
        if let previous, previous.clean, let summary = previous.summary, templateDiagnostics.isEmpty,
           let inputs, inputs == previous.inputs, previous.asOfWindow.contains(asOf ?? Self.today(in: previous.timeZone)),
           Self.isIntact(outputDirectory.path, previous) {
            stage("compare with the previous build")
            // The records held back then are held back now: same inputs, a day in the same window.
            let notes = previous.scheduled.notes(asOf: asOf ?? Self.today(in: previous.timeZone))
            var report = BuildReport(diagnostics: strict ? notes.strict() : notes, recordFiles: summary.recordFiles, counts: summary.counts,
                                     pagesWritten: 0, filesWritten: 0, committed: true, elapsed: 0)
            report.upToDate = true
            report.filesCarried = summary.files
            report.stages = stages
            report.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        }

        let recordCachePath = cacheFolder.recordCache
        let reuse = RecordReuse(cache: RecordCache.read(recordCachePath),
                                digests: (inputFiles?.files ?? [:]).mapValues(\.digest))
        var site = SiteLoader.load(tree, progress: progress, keepBodies: false, reuse: reuse)
        // The caches' folder, now that the root is known to be one; without it (a root
        // that cannot be written) the build goes on, and the next has no shortcuts.
        let cachesWritable = cacheFolder.prepare()
        // The record cache for the next build, written beside the render whatever this
        // build's outcome: its entries are keyed by the records' bytes.
        let recordCacheSite = site
        let recordCacheLane = Lane {
            guard cachesWritable else { return }
            do throws(FileIO.Failure) { try RecordCache.write(recordCacheSite, to: recordCachePath) } catch {
                BuildCache.remove(recordCachePath)
            }
        }
        defer { recordCacheLane.wait() }
        if let baseURL { site.config.baseURL = SiteConfig.normalisedBaseURL(baseURL) }
        if let asOf { site.config.asOf = asOf }
        let counts = Self.counts(site)
        let scheduled = ScheduledRecords.holdBack(&site)
        var diagnostics = site.diagnostics + templateDiagnostics + scheduled.notes(asOf: site.config.asOf)
        // Text public records share with non-public ones (`leak.shared_text`) reads every
        // public source: found beside the render, and joined before anything is committed.
        let sharedText = Lane { [site] in SharedText.diagnostics(site) }
        defer { sharedText.wait() }
        var sharedTextJoined = false
        func joinSharedText() {
            guard !sharedTextJoined else { return }
            sharedTextJoined = true
            diagnostics += sharedText.result()
        }
        stage("load and validate")
        var report = BuildReport(diagnostics: [], recordFiles: site.recordFileCount, counts: counts,
                                 pagesWritten: 0, filesWritten: 0, committed: false, elapsed: 0)
        func finish(_ committed: Bool) -> BuildReport {
            joinSharedText()
            report.diagnostics = strict ? diagnostics.strict() : diagnostics
            report.committed = committed
            report.stages = stages
            report.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        }
        guard let templates, (strict ? diagnostics.strict() : diagnostics).errorCount == 0 else { return finish(false) }

        let plan = SitePlan(PublicView(site))
        let outputs = plan.outputs(assets: templates.assets)
        let pathsTooLong = OutputPathLengths.check(plan, output: outputDirectory.path)
        // A footer link to a file the site will not have: once, at site.yaml, not per page.
        let linksToNothing = SiteLinkTargets.diagnostics(plan)
        guard pathsTooLong.isEmpty, linksToNothing.isEmpty else {
            diagnostics += pathsTooLong + linksToNothing
            return finish(false)
        }
        // A rebuild carries most pages, so its render leaves a core free: the leak index
        // (it depends on the records and the plan alone) is built beside it then. A first
        // build keeps it for after the render, where it does not add to the render's
        // memory (at 100,000 records both together would).
        let leakIndex = previous.map { previous in
            Lane { [site, templates] in
                Result { () throws(EnvironmentError) in
                    try LeakIndex(site: site, plan: plan, templates: templates,
                                  previous: (previous.secrets, previous.published))
                }
            }
        }
        defer { leakIndex?.wait() }
        let staging = try outputDirectory.makeStaging()
        // Removed on every way out but the swap, a thrown error included: a failed build
        // leaves nothing beside the output.
        var swapped = false
        defer { if !swapped { outputDirectory.discard(staging: staging) } }
        let written: SiteWriter.Outcome
        do {
            var writer = SiteWriter(plan: plan, outputs: outputs, templates: templates, directory: staging, progress: progress)
            if let known = inputFiles?.files {
                for attachment in tree.attachments {
                    if let file = known[attachment.relativePath] { writer.attachmentDigests[attachment.absolutePath] = file.digest }
                }
                for attachment in tree.pageAttachments {
                    if let file = known[attachment.relativePath] { writer.attachmentDigests[attachment.absolutePath] = file.digest }
                }
            }
            writer.globalDigest = OutputKeys.global(templates: templates, configSource: site.configDigest,
                                                    baseURL: site.config.baseURL)
            if let previous {
                writer.reuse = OutputReuse(previous: previous.files, oldOutput: outputDirectory.path, staging: staging)
                writer.previousSearchDocuments = previous.searchDocuments
            }
            written = try writer.write()
            diagnostics += written.diagnostics
            report.pagesWritten = written.pages
            report.filesWritten = written.files
            report.filesCarried = written.carried.count
        }
        stage("render and write")
        // The same audit `disclose audit` runs, on the staged tree: a leak, a broken link or
        // a stray file stops the swap, whatever the templates or a future output kind did.
        var audit: SiteAuditor.Outcome?
        if diagnostics.errorCount == 0 {
            do {
                let leaks = try leakIndex?.result().get()
                // Carried files are unchanged for the audit while its search would find the
                // same in them: the same secrets, the same fingerprints.
                let unchanged = if let previous, let leaks, previous.secrets == leaks.secrets,
                                   previous.leakFingerprints == leaks.fingerprintDigest { written.carried } else { Set<String>() }
                var auditor = SiteAuditor(directory: staging, displayPrefix: output, site: site, templates: templates,
                                          plan: plan, unchanged: unchanged,
                                          previousAnchors: previous?.files.mapValues(\.anchors) ?? [:],
                                          expected: outputs.paths, progress: progress)
                auditor.leakIndex = leaks
                let outcome = try auditor.audit()
                diagnostics += outcome.diagnostics
                audit = outcome
                if outcome.diagnostics.contains(where: { $0.rule == Rule.auditLeak.id }) {
                    diagnostics += SettingsLeaks.diagnostics(site: site, plan: plan, templates: templates)
                }
            }
        }
        stage("audit")
        joinSharedText()
        guard let audit, (strict ? diagnostics.strict() : diagnostics).errorCount == 0 else { return finish(false) }
        // The cache describes the tree about to be committed (its files keep their inodes
        // and times through the rename): made beside the swap, written only after it, so
        // that a failed swap leaves the old cache with the old tree. A failure to write it
        // only costs the next build its shortcuts.
        var cache = BuildCache()
        cache.inputs = inputs ?? .zero
        cache.inputFiles = inputFiles?.files ?? [:]
        // Notes of scheduled records are kept (`scheduled`) and said again by an unchanged build.
        cache.clean = diagnostics.allSatisfy { $0.rule == Rule.recordScheduled.id } && inputs != nil
        cache.scheduled = ScheduledRecords(held: scheduled.held)
        cache.secrets = audit.secrets
        cache.leakFingerprints = audit.leakFingerprints
        cache.published = audit.published
        cache.searchDocuments = written.searchDocuments
        cache.asOfWindow = AsOfWindow(around: site.config.asOf, changes: plan.validityChanges + scheduled.publicationDays)
        cache.timeZone = site.config.timeZone
        cache.summary = .init(recordFiles: report.recordFiles, pages: report.pagesWritten, files: report.filesWritten,
                              counts: report.counts)
        for (path, entry) in written.entries {
            var entry = entry
            entry.anchors = audit.anchors[path] ?? .zero
            cache.files[path] = entry
        }
        let cacheBytes = Lane { [cache] in cache.encoded() }
        defer { cacheBytes.wait() }
        try outputDirectory.commit(staging: staging)
        swapped = true
        stage("swap")
        if cachesWritable {
            do throws(FileIO.Failure) { try BuildCache.write(cacheBytes.result(), to: cachePath) } catch { BuildCache.remove(cachePath) }
        }
        return finish(true)
    }

    /// Today in the time zone named `identifier` (the previous build's, read from its cache).
    static func today(in identifier: String) -> CalendarDate {
        AsOfDate.today(in: TimeZone(identifier: identifier) ?? TimeZone(identifier: AsOfDate.defaultTimeZone)!)
    }

    /// True when the output holds exactly the files `cache` recorded, each as written.
    static func isIntact(_ output: String, _ cache: BuildCache) -> Bool {
        guard let files = try? SiteAuditor.listFiles(output), files.count == cache.files.count + 1 else { return false }
        for path in files where path != OutputDirectory.markerName {
            guard let entry = cache.files[path], BuildCache.FileIdentity.of(output + "/" + path) == entry.identity else {
                return false
            }
        }
        return true
    }

    static func counts(_ site: LoadedSite) -> RecordCounts {
        RecordCounts.of(site.identities, types: site.config.types)
    }
}

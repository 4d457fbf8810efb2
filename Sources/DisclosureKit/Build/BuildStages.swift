import Foundation

/// The stages of `SiteBuilder.build`, each a function of what it takes to what it gives;
/// the threads (lanes beside the render) and the caches stay inside them.
extension SiteBuilder {
    /// What the build reads before anything is decoded: the content tree, the templates,
    /// and every input file's digest (nil when the tree has problems of its own, which the
    /// full build reports).
    struct Inputs {
        let tree: ContentTree
        let templates: TemplateSet?
        let templateDiagnostics: [Diagnostic]
        let files: (digest: Digest, files: [String: InputDigest.Known])?
    }

    /// The decoded site, and what the record cache for the next build is made from.
    struct LoadedRecords {
        var site: LoadedSite
        /// The site as decoded, before this build's options and as-of date: what the
        /// record cache keeps.
        let decoded: LoadedSite
        /// The previous build's record cache, when there is one.
        let previous: RecordCache?
        /// True when the caches' folder could be made (without it the build goes on, and
        /// the next has no shortcuts).
        let cachesWritable: Bool
    }

    /// The findings so far. The text public records share with non-public ones
    /// (`leak.shared_text`) reads the public sources the previous build's memo does not
    /// describe: found on a lane beside the render, and joined before anything is judged
    /// final. Its memo is for the record cache, whose writer takes it (and lets it go).
    struct Findings {
        var diagnostics: [Diagnostic]
        /// The non-public texts the shared-text search looks for, which a rebuild's leak
        /// index takes too; let go in a first build, whose audit makes its own after the
        /// render, where they do not add to the render's memory.
        var secretTexts: Lane<SecretTexts>?
        let sharedText: Lane<(diagnostics: [Diagnostic], memo: Handoff<SharedText.Memo>)>
        private var joined = false

        init(_ diagnostics: [Diagnostic], secretTexts: Lane<SecretTexts>,
             sharedText: Lane<(diagnostics: [Diagnostic], memo: Handoff<SharedText.Memo>)>) {
            self.diagnostics = diagnostics
            self.secretTexts = secretTexts
            self.sharedText = sharedText
        }

        /// Every finding, the shared text's included.
        mutating func all() -> [Diagnostic] {
            if !joined {
                joined = true
                diagnostics += sharedText.result().diagnostics
            }
            return diagnostics
        }
    }

    /// What the plan stage gives: the plan, every file it writes, and what stops it.
    struct Planned {
        let plan: SitePlan
        let outputs: SiteOutputs
        let problems: [Diagnostic]
    }

    /// What a killed build left is put right first (staging directories go, an output
    /// caught mid-swap is put back, a cache write cut short goes), then the previous
    /// build's cache is read, on a lane beside the scan of the content, which does not
    /// need it (a tenth of a second each at 10,000 records): nil when there is none or the
    /// output is not a built site.
    static func previousBuild(of output: OutputDirectory, caches: CacheFolder) -> Lane<BuildCache?> {
        output.recoverLeftovers()
        caches.removeCutShortWrites()
        let path = caches.buildCache
        let isBuilt = output.isBuilt
        return Lane { isBuilt ? BuildCache.read(path) : nil }
    }

    /// Load: the content tree, the templates, and every input's digest (files whose
    /// stamps the previous build recorded are not read again).
    func readInputs(previous: Lane<BuildCache?>) throws(EnvironmentError) -> Inputs {
        let tree = try ContentScanner(root: root).scan()
        let (templates, templateDiagnostics) = TemplateSet.load(root: root)
        let known = previous.result()?.inputFiles ?? [:]
        let files = templates.flatMap {
            InputDigest.of(tree, templates: $0, baseURL: baseURL, known: known)
        }
        return Inputs(tree: tree, templates: templates, templateDiagnostics: templateDiagnostics, files: files)
    }

    /// The report of a build with nothing to do, or nil when there is something: the
    /// previous build was clean, its inputs are these, the as-of day is in the same window,
    /// and its output is intact.
    func nothingChanged(_ inputs: Inputs, previous: BuildCache?, output: OutputDirectory) -> BuildReport? {
        guard let previous, previous.clean, let summary = previous.summary, inputs.templateDiagnostics.isEmpty,
              let digest = inputs.files?.digest, digest == previous.inputs else { return nil }
        let today = asOf ?? Self.today(in: previous.timeZone)
        guard previous.asOfWindow.contains(today), Self.isIntact(output.path, previous) else { return nil }
        // The records held back then are held back now: same inputs, a day in the same window.
        let notes = previous.scheduled.notes(asOf: today)
        var report = BuildReport(diagnostics: strict ? notes.strict() : notes, recordFiles: summary.recordFiles,
                                 counts: summary.counts, pagesWritten: 0, filesWritten: 0, committed: true, elapsed: 0)
        report.upToDate = true
        report.filesCarried = summary.files
        return report
    }

    /// Parse and records: every record file decoded (from the record cache where its
    /// digest is the one recorded), with the command line's base URL and as-of date.
    func loadRecords(_ inputs: Inputs, caches: CacheFolder) -> LoadedRecords {
        let previous = RecordCache.read(caches.recordCache)
        let reuse = RecordReuse(cache: previous, digests: (inputs.files?.files ?? [:]).mapValues(\.digest))
        var site = SiteLoader.load(inputs.tree, progress: progress, keepBodies: false, reuse: reuse)
        let cachesWritable = caches.prepare()
        let decoded = site
        if let baseURL { site.config.overrideBaseURL(baseURL) }
        if let asOf { site.config.asOf = asOf }
        return LoadedRecords(site: site, decoded: decoded, previous: previous, cachesWritable: cachesWritable)
    }

    /// Validate: records scheduled after the as-of date are held back (and noted), and the
    /// findings of loading and of the templates gathered; the shared-text search starts,
    /// from the previous build's memo when the record cache's context is this build's.
    func validate(_ site: inout LoadedSite, inputs: Inputs, previous: RecordCache?) -> (scheduled: ScheduledRecords, findings: Findings) {
        let scheduled = ScheduledRecords.holdBack(&site)
        let diagnostics = site.diagnostics + inputs.templateDiagnostics + scheduled.notes(asOf: site.config.asOf)
        let held = site
        let memo = previous?.context == RecordCache.context(configDigest: site.configDigest) ? previous : nil
        let secretTexts = Lane { SecretTexts(held) }
        return (scheduled, Findings(diagnostics, secretTexts: secretTexts, sharedText: Lane {
            let (diagnostics, memo) = SharedText.search(held, previous: memo?.sharedTextMemo(), secretTexts: secretTexts.result())
            return (diagnostics, Handoff(memo))
        }))
    }

    /// The record cache for the next build, written on a lane beside the rest whatever
    /// this build's outcome (its entries are keyed by the records' bytes, the shared-text
    /// memo by the sources and the non-public texts); the memo once the search is done.
    func keepRecords(_ loaded: LoadedRecords, findings: Findings, caches: CacheFolder) -> Lane<Void> {
        let decoded = loaded.decoded
        let previous = loaded.previous
        let cachesWritable = loaded.cachesWritable
        let recordCachePath = caches.recordCache
        let sharedText = findings.sharedText
        return Lane {
            guard cachesWritable else { return }
            do throws(FileIO.Failure) {
                try RecordCache.write(decoded, to: recordCachePath, reusing: previous, sharedText: { sharedText.result().memo.take() })
            } catch {
                BuildCache.remove(recordCachePath)
            }
        }
    }

    /// Plan: what the public view of the site makes, every file it writes, and the
    /// problems that stop a build before anything is written (paths too long for the
    /// output's file system, footer links to files the site will not have).
    func plan(_ site: LoadedSite, templates: TemplateSet, output: OutputDirectory) -> Planned {
        let plan = SitePlan(PublicView(site))
        let outputs = plan.outputs(assets: templates.assets)
        let problems = OutputPathLengths.check(plan, output: output.path) + SiteLinkTargets.diagnostics(plan)
        return Planned(plan: plan, outputs: outputs, problems: problems)
    }

    /// The leak index beside the render, for a rebuild: its render carries most pages and
    /// leaves a core free. A first build leaves it to the audit, after the render, where it
    /// does not add to the render's memory (at 100,000 records both together would).
    func leakIndexBesideRender(_ site: LoadedSite, _ planned: Planned, templates: TemplateSet, previous: BuildCache?,
                               secretTexts: Lane<SecretTexts>?) -> Lane<Result<LeakIndex, EnvironmentError>>? {
        guard let previous else { return nil }
        let plan = planned.plan
        return Lane {
            Result { () throws(EnvironmentError) in
                try LeakIndex(site: site, plan: plan, templates: templates, previous: (previous.secrets, previous.published),
                              secretTexts: secretTexts?.result())
            }
        }
    }

    /// Render and write: every file of the list into `staging`, the previous build's
    /// unchanged files carried over by hard link, unchanged attachments unread.
    func write(_ planned: Planned, site: LoadedSite, templates: TemplateSet, inputs: Inputs, previous: BuildCache?,
               output: OutputDirectory, into staging: String) throws(EnvironmentError) -> SiteWriter.Outcome {
        var writer = SiteWriter(plan: planned.plan, outputs: planned.outputs, templates: templates, directory: staging,
                                progress: progress)
        if let known = inputs.files?.files {
            let attachments = inputs.tree.attachments.map { ($0.relativePath, $0.absolutePath) }
                + inputs.tree.pageAttachments.map { ($0.relativePath, $0.absolutePath) }
            for (relative, absolute) in attachments {
                if let file = known[relative] { writer.attachmentDigests[absolute] = file.digest }
            }
        }
        writer.globalDigest = OutputKeys.global(templates: templates, configSource: site.configDigest,
                                                baseURL: site.config.baseURL)
        if let previous {
            writer.reuse = OutputReuse(previous: previous.files, oldOutput: output.path, staging: staging)
            writer.previousSearchDocuments = previous.searchDocuments
        }
        return try writer.write()
    }

    /// Audit: the same audit `disclose audit` runs, on the staged tree, expecting exactly
    /// the list's files: a leak, a broken link or a stray file stops the swap, whatever the
    /// templates or a future output kind did. Carried files are unchanged for it while its
    /// search would find nothing new in them: the same secrets, and the same fingerprints
    /// searched for or fewer (the previous build found the carried files clean).
    func audit(_ staging: String, site: LoadedSite, templates: TemplateSet, planned: Planned,
               written: SiteWriter.Outcome, previous: BuildCache?,
               leakIndex: Lane<Result<LeakIndex, EnvironmentError>>?) throws(EnvironmentError) -> SiteAuditor.Outcome {
        let leaks = try leakIndex?.result().get()
        let unchanged = if let previous, let leaks, previous.secrets == leaks.secrets,
                           previous.leakFingerprints == leaks.fingerprintDigest || leaks.searchesNoMore {
            written.carried
        } else {
            Set<String>()
        }
        var auditor = SiteAuditor(directory: staging, displayPrefix: output, site: site, templates: templates,
                                  plan: planned.plan, unchanged: unchanged,
                                  previousAnchors: previous?.files.mapValues(\.anchors) ?? [:],
                                  expected: planned.outputs.paths, progress: progress)
        auditor.leakIndex = leaks
        var outcome = try auditor.audit()
        if outcome.diagnostics.contains(where: { $0.rule == Rule.auditLeak.id }) {
            outcome.diagnostics += SettingsLeaks.diagnostics(site: site, plan: planned.plan, templates: templates)
            // The auditor made its own index when no previous build gave one to make beside the render.
            if let index = leaks ?? (try? LeakIndex(site: site, plan: planned.plan, templates: templates)) {
                outcome.diagnostics += TemplateLeaks.diagnostics(templates, index: index)
            }
        }
        return outcome
    }

    /// What this build leaves the next: the cache of the tree about to be committed (its
    /// files keep their inodes and times through the rename).
    func nextCache(inputs: Inputs, site: LoadedSite, planned: Planned, scheduled: ScheduledRecords,
                   written: SiteWriter.Outcome, audit: SiteAuditor.Outcome, diagnostics: [Diagnostic],
                   report: BuildReport) -> BuildCache {
        var cache = BuildCache()
        cache.inputs = inputs.files?.digest ?? .zero
        cache.inputFiles = inputs.files?.files ?? [:]
        // Notes of scheduled records are kept (`scheduled`) and said again by an unchanged build.
        cache.clean = diagnostics.allSatisfy { $0.rule == Rule.recordScheduled.id } && inputs.files != nil
        cache.scheduled = ScheduledRecords(held: scheduled.held)
        cache.secrets = audit.secrets
        cache.leakFingerprints = audit.leakFingerprints
        cache.published = audit.published
        cache.searchDocuments = written.searchDocuments
        cache.asOfWindow = AsOfWindow(around: site.config.asOf,
                                      changes: planned.plan.validityChanges + scheduled.publicationDays)
        cache.timeZone = site.config.timeZone
        cache.summary = .init(recordFiles: report.recordFiles, pages: report.pagesWritten, files: report.filesWritten,
                              counts: report.counts)
        for (path, entry) in written.entries {
            var entry = entry
            entry.anchors = audit.anchors[path] ?? .zero
            cache.files[path] = entry
        }
        return cache
    }

    /// Commit: the staged tree replaces the output, then the cache is written (encoded
    /// beside the swap): a failed swap leaves the old cache with the old tree, and a
    /// failure to write the cache only costs the next build its shortcuts.
    func commit(_ staging: String, to output: OutputDirectory, cache: BuildCache, caches: CacheFolder,
                cachesWritable: Bool) throws(EnvironmentError) {
        let encoded = Lane { cache.encoded() }
        defer { encoded.wait() }
        try output.commit(staging: staging)
        if cachesWritable {
            do throws(FileIO.Failure) { try BuildCache.write(encoded.result(), to: caches.buildCache) } catch {
                BuildCache.remove(caches.buildCache)
            }
        }
    }
}

/// The seconds each stage of a build took, in order.
struct StageClock {
    private var lap: DispatchTime
    let start: DispatchTime
    private(set) var stages: [(name: String, seconds: Double)] = []

    init(start: DispatchTime) {
        self.start = start
        lap = start
    }

    /// Ends the stage `name` now.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        stages.append((name, Double(now.uptimeNanoseconds - lap.uptimeNanoseconds) / 1e9))
        lap = now
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}

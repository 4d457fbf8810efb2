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
    /// Told, once, that a previous build was found whose files this one carries over:
    /// from then on the build's work and memory follow the change, not the site (the
    /// command line lets the allocator keep freed pages a while then).
    public var rebuilding: (@Sendable () -> Void)?

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
            if let problem = BaseURLCheck.problemPhrase(baseURL) {
                throw EnvironmentError(Phrase("--base-url '\(VisibleText.escaped(baseURL))' 不能使用：\(problem.zh)",
                                              en: "--base-url '\(VisibleText.escaped(baseURL))' cannot be used: \(problem.en)"))
            }
        }
        // The root first, as the scan would (ContentScanner): the lock below makes the
        // output's missing folders, and with the default output that would make the root.
        var rootInfo = stat()
        guard stat(root, &rootInfo) == 0, (rootInfo.st_mode & S_IFMT) == S_IFDIR else {
            throw EnvironmentError(Phrase("站点根目录 '\(root)' 不是可读取的文件夹", en: "the site root '\(root)' is not a readable directory"))
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
            throw EnvironmentError(Phrase("输出目录 '\(output)' 现在指向 \(outputDirectory.path)，而不是 \(requested.path)；请重新构建",
                                    en: "the output '\(output)' now leads to \(outputDirectory.path), not \(requested.path); build again"))
        }
        return try build(into: outputDirectory, caches: cacheFolder, start: start)
    }

    /// The build, under the output's lock: load → parse → records → validate → plan →
    /// render and write → audit → commit, each stage a function of what it takes to what
    /// it gives (`BuildStages.swift`).
    private func build(into output: OutputDirectory, caches: CacheFolder,
                       start: DispatchTime) throws(EnvironmentError) -> BuildReport {
        var clock = StageClock(start: start)
        let previousRead = Self.previousBuild(of: output, caches: caches)
        defer { previousRead.wait() }
        let inputs = try readInputs(previous: previousRead)
        let previous = previousRead.result()
        if var report = nothingChanged(inputs, previous: previous, output: output) {
            clock.lap("compare with the previous build")
            report.stages = clock.stages
            report.elapsed = clock.elapsed
            return report
        }
        if previous != nil { rebuilding?() }
        let loaded = loadRecords(inputs, caches: caches)
        var site = loaded.site
        let counts = Self.counts(site)
        var (scheduled, findings) = validate(&site, inputs: inputs, previous: loaded.previous)
        defer { findings.sharedText.wait() }
        let recordCacheWritten = keepRecords(loaded, findings: findings, caches: caches)
        defer { recordCacheWritten.wait() }
        clock.lap("load and validate")

        var report = BuildReport(diagnostics: [], recordFiles: site.recordFileCount, counts: counts,
                                 pagesWritten: 0, filesWritten: 0, committed: false, elapsed: 0)
        func finish(_ committed: Bool) -> BuildReport {
            let all = findings.all()
            report.diagnostics = strict ? all.strict() : all
            report.committed = committed
            report.stages = clock.stages
            report.elapsed = clock.elapsed
            return report
        }
        guard let templates = inputs.templates, passes(findings.diagnostics) else {
            // Stopped before rendering (by the records, the templates or `--strict`): the
            // link findings of the bodies and the footer all the same, as `check` gives them.
            if site.diagnostics.errorCount > 0 {
                findings.diagnostics += BodyLinks.despiteErrors(site, progress: progress)
            } else {
                let plan = SitePlan(PublicView(site))
                findings.diagnostics += BodyLinks.diagnostics(plan, site: site, progress: progress) + SiteLinkTargets.diagnostics(plan)
            }
            return finish(false)
        }
        let planned = plan(site, templates: templates, output: output)
        guard planned.problems.isEmpty else {
            // The bodies' links too, as `check` gives them beside these.
            findings.diagnostics += planned.problems + BodyLinks.diagnostics(planned.plan, site: site, progress: progress)
            return finish(false)
        }
        // As `check` judges them, at their files in content/: the fixed pages' text, which
        // the audit takes as public (what a page repeats of a non-public record is warned),
        // and every public attachment (else named by its copy in the output).
        findings.diagnostics += try FixedPageLeaks.diagnostics(site, plan: planned.plan, templates: templates,
                                                               secretTexts: findings.secretTexts)
            + AttachmentDocuments.diagnostics(site, plan: planned.plan, templates: templates, secretTexts: findings.secretTexts)
        guard passes(findings.diagnostics) else { return finish(false) }
        let leakIndex = leakIndexBesideRender(site, planned, templates: templates, previous: previous,
                                              secretTexts: findings.secretTexts)
        findings.secretTexts = nil
        defer { leakIndex?.wait() }
        let staging = try output.makeStaging()
        // Removed on every way out but the swap, a thrown error included: a failed build
        // leaves nothing beside the output.
        var swapped = false
        defer { if !swapped { output.discard(staging: staging) } }
        let written = try write(planned, site: site, templates: templates, inputs: inputs, previous: previous,
                                output: output, into: staging)
        findings.diagnostics += written.diagnostics
        report.pagesWritten = written.pages
        report.filesWritten = written.files
        report.filesCarried = written.carried.count
        clock.lap("render and write")
        var audited: SiteAuditor.Outcome?
        if findings.diagnostics.errorCount == 0 {
            audited = try audit(staging, site: site, templates: templates, planned: planned, written: written,
                                previous: previous, leakIndex: leakIndex)
            findings.diagnostics += audited?.diagnostics ?? []
        }
        clock.lap("audit")
        let diagnostics = findings.all()
        guard let audited, passes(diagnostics) else { return finish(false) }
        let cache = nextCache(inputs: inputs, site: site, planned: planned, scheduled: scheduled, written: written,
                              audit: audited, diagnostics: diagnostics, report: report)
        try commit(staging, to: output, cache: cache, caches: caches, cachesWritable: loaded.cachesWritable)
        swapped = true
        clock.lap("swap")
        return finish(true)
    }

    /// True when `diagnostics` hold no error (under `--strict`, no warning either).
    func passes(_ diagnostics: [Diagnostic]) -> Bool {
        (strict ? diagnostics.strict() : diagnostics).errorCount == 0
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

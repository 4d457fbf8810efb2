import Foundation

/// What a build did, for the summary table.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Record files found, decoded or not.
    public var recordFiles: Int
    /// Records by type and disclosure attribute.
    public var counts: [RecordType: [Disclosure: Int]]
    public var pagesWritten: Int
    public var filesWritten: Int
    /// True when the new site replaced the output.
    public var committed: Bool
    public var elapsed: Double
    /// Seconds spent in each stage, in order: load and validate, render and write, audit, swap.
    public var stages: [(name: String, seconds: Double)] = []
}

/// `disclose build`: validate, plan from the public view, render in parallel into a
/// staging directory beside the output, and swap it in only when everything succeeded.
public struct SiteBuilder: Sendable {
    public var root: String
    public var output: String
    public var strict: Bool
    public var baseURL: String?
    /// Updated as the build goes, for a progress line; nil for none.
    public var progress: BuildProgress?

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
        var lap = start
        var stages: [(name: String, seconds: Double)] = []
        func stage(_ name: String) {
            let now = DispatchTime.now()
            stages.append((name, Double(now.uptimeNanoseconds - lap.uptimeNanoseconds) / 1e9))
            lap = now
        }
        let outputDirectory = try OutputDirectory.validate(output: output, root: root)
        var site = try SiteLoader.load(root: root, progress: progress)
        if let baseURL {
            guard baseURL.lowercased().hasPrefix("http://") || baseURL.lowercased().hasPrefix("https://") else {
                throw EnvironmentError("--base-url must be an absolute http(s) URL, not '\(baseURL)'")
            }
            site.config.baseURL = SiteConfig.normalisedBaseURL(baseURL)
        }
        let (templates, templateDiagnostics) = TemplateSet.load(root: root)
        var diagnostics = site.diagnostics + templateDiagnostics
        stage("load and validate")
        var report = BuildReport(diagnostics: [], recordFiles: site.recordFileCount, counts: Self.counts(site),
                                 pagesWritten: 0, filesWritten: 0, committed: false, elapsed: 0)
        func finish(_ committed: Bool) -> BuildReport {
            report.diagnostics = strict ? diagnostics.strict() : diagnostics
            report.committed = committed
            report.stages = stages
            report.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        }
        guard let templates, (strict ? diagnostics.count : diagnostics.errorCount) == 0 else { return finish(false) }

        let plan = SitePlan(PublicView(site))
        let staging = try outputDirectory.makeStaging()
        do {
            let written = try SiteWriter(plan: plan, templates: templates, directory: staging, progress: progress).write()
            diagnostics += written.diagnostics
            report.pagesWritten = written.pages
            report.filesWritten = written.files
        } catch {
            outputDirectory.discard(staging: staging)
            throw error
        }
        stage("render and write")
        // The same audit `disclose audit` runs, on the staged tree: a leak, a broken link or
        // a stray file stops the swap, whatever the templates or a future output kind did.
        if diagnostics.errorCount == 0 {
            do {
                diagnostics += try SiteAuditor(directory: staging, displayPrefix: output, site: site, templates: templates,
                                               plan: plan, progress: progress).audit().diagnostics
            } catch {
                outputDirectory.discard(staging: staging)
                throw error
            }
        }
        stage("audit")
        guard (strict ? diagnostics.count : diagnostics.errorCount) == 0 else {
            outputDirectory.discard(staging: staging)
            return finish(false)
        }
        try outputDirectory.commit(staging: staging)
        stage("swap")
        return finish(true)
    }

    static func counts(_ site: LoadedSite) -> [RecordType: [Disclosure: Int]] {
        var counts: [RecordType: [Disclosure: Int]] = [:]
        for identity in site.identities {
            guard let disclosure = identity.disclosure else { continue }
            counts[identity.file.type, default: [:]][disclosure, default: 0] += 1
        }
        return counts
    }
}

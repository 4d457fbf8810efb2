import Glibc
/// Everything `check` learns about a site root: settings, typed records, attachments and
/// every diagnostic. `build` starts from this.
public struct LoadedSite: Sendable {
    public var root: String
    public var config: SiteConfig
    /// Records that decoded without error, in path order.
    public var records: [Record]
    /// Every record file that could be parsed, with or without errors.
    public var identities: [RecordIdentity]
    public var attachments: [AttachmentMatcher.Match]
    public var diagnostics: [Diagnostic]
    /// Record files found (decoded or not), for the summary line.
    public var recordFileCount: Int
    /// The digest of content/site.yaml's bytes (zero when it is missing or unreadable).
    public var configDigest: Digest = .zero
    /// The fixed pages of content/pages/ that decoded without error, and their attachments.
    public var pages: [FixedPage] = []
    public var pageAttachments: [PageAttachment] = []
    /// Content paths of the records held back as scheduled, with their 发布日期
    /// (`ScheduledRecords.holdBack`); empty until the as-of date is applied.
    public var scheduled: [String: CalendarDate] = [:]

    public init(root: String, config: SiteConfig, records: [Record], identities: [RecordIdentity],
                attachments: [AttachmentMatcher.Match], diagnostics: [Diagnostic], recordFileCount: Int) {
        self.root = root
        self.config = config
        self.records = records
        self.identities = identities
        self.attachments = attachments
        self.diagnostics = diagnostics
        self.recordFileCount = recordFileCount
    }
}

/// What a build knows of the records the previous one decoded: its record cache, and
/// the digests of the files whose stamps have not moved since (`InputDigest`).
struct RecordReuse: Sendable {
    var cache: RecordCache?
    var digests: [String: Digest]
}

/// The first stages of the pipeline, in order: scan the tree, read `site.yaml`, decode
/// every record (in parallel), then the rules that look across records.
public enum SiteLoader {
    public static func load(root: String, progress: BuildProgress? = nil, keepBodies: Bool = true) throws(EnvironmentError) -> LoadedSite {
        load(try ContentScanner(root: root).scan(), progress: progress, keepBodies: keepBodies)
    }

    /// Loads the files of a tree already scanned. Without `keepBodies`, records hold
    /// their metadata only (`Record.bodyText()` reads a body again): at 100,000 records
    /// the bodies are a third of a gigabyte.
    public static func load(_ tree: ContentTree, progress: BuildProgress? = nil, keepBodies: Bool = true) -> LoadedSite {
        load(tree, progress: progress, keepBodies: keepBodies, reuse: nil)
    }

    /// With `reuse`, a record whose file is known unchanged is taken from the previous
    /// build's record cache (when bodies are dropped, as the cache keeps none).
    static func load(_ tree: ContentTree, progress: BuildProgress? = nil, keepBodies: Bool = true,
                     reuse: RecordReuse?) -> LoadedSite {
        let root = tree.root
        progress?.begin("reading records", total: tree.records.count)
        var diagnostics = tree.diagnostics

        let (config, siteDiagnostics, siteFileDigest) = loadConfig(tree)
        diagnostics += siteDiagnostics
        let site = {
            var site = config ?? .fallback
            site.types = tree.types
            return site
        }()
        // What decoding and pages read besides the records: the settings and the declarations.
        var settingsHasher = StableHasher()
        settingsHasher.combine(siteFileDigest)
        settingsHasher.combine(tree.types.digest)
        let configDigest = siteFileDigest == .zero ? Digest.zero : settingsHasher.finalize()

        let decoder = RecordDecoder(site: site)
        let context = RecordCache.context(configDigest: configDigest)
        let cache = keepBodies ? nil : reuse?.cache.flatMap { $0.context == context ? $0 : nil }
        let digests = reuse?.digests ?? [:]
        let decoded = parallelMap(tree.records) { file -> DecodedRecord in
            defer { progress?.advance() }
            if let cache, let digest = digests[file.relativePath], let kept = cache.record(file, digest: digest) {
                return kept
            }
            do throws(FileIO.Failure) {
                let bytes = try FileIO.readBytes(file.absolutePath, limit: site.maximumRecordBytes)
                var decoded = decoder.decode(bytes: bytes, file: file)
                if !keepBodies, decoded.record != nil {
                    decoded.record?.body = ""
                    decoded.record?.bodyDropped = true
                }
                return decoded
            } catch {
                let diagnostic: Diagnostic
                switch error {
                case .tooLarge(let bytes):
                    diagnostic = SourceText.diagnostic(for: .tooLarge(bytes: bytes), file: file.relativePath,
                                                       limit: site.maximumRecordBytes)
                case .system(let message):
                    diagnostic = Rule.fileRead.diagnostic(file.relativePath, .fileStart,
                                                             Phrase("无法读取文件：", en: "cannot read file: ") + SystemMessage.phrase(message))
                }
                return DecodedRecord(identity: RecordIdentity(file: file), record: nil, diagnostics: [diagnostic])
            }
        }
        // Each part taken once (a loop over the results copied every field of each).
        let identities = decoded.map(\.identity)
        let records = decoded.compactMap(\.record)
        for result in decoded where !result.diagnostics.isEmpty { diagnostics += result.diagnostics }
        // The site-wide rules on a lane beside the attachments' checks below: one core
        // each, where they ran one after the other on one. Their findings keep their order.
        let hasOwnSettings = config != nil
        let siteRules = Lane { [identities, records] in
            var found = SiteRules.check(identities, config: site)
            // Only with the site's own settings: a site.yaml with errors has lost its calendar too.
            if hasOwnSettings { found += CalendarYearCoverage.check(identities, config: site) }
            return found + ReportPolicyCounts.check(records)
        }
        var attachmentFindings: [Diagnostic] = []

        var listing: [String: [ListedAttachment]] = [:]
        for index in identities.indices where !identities[index].attachments.isEmpty {
            listing[identities[index].file.relativePath] = identities[index].attachments
        }
        // A refused listing's message, and the ID-number check of a file copied by its
        // name alone, ask which records are public.
        let publicRecords = tree.attachments.isEmpty ? [] : RecordIdentity.publicPaths(identities)
        let (matches, attachmentDiagnostics) = AttachmentMatcher.match(tree.attachments, records: tree.records, listing: listing,
                                                                       publicRecords: publicRecords)
        attachmentFindings += attachmentDiagnostics
        attachmentFindings += unreadableAttachments(tree.attachments)
        attachmentFindings += attachmentClashes(matches, identities: identities)
        attachmentFindings += OutputClashes.check(matches, identities: identities)
        attachmentFindings += NonPublicCopies.check(matches, identities: identities)
        attachmentFindings += NonPublicNames.check(matches, identities: identities)
        diagnostics += siteRules.result() + attachmentFindings
        let fixedPages = FixedPageLoader.load(tree, site: site, identities: identities, recordAttachments: matches)
        diagnostics += fixedPages.diagnostics
        diagnostics += ToFillMarkers.check(tree)

        var loaded = LoadedSite(root: root, config: site, records: records, identities: identities,
                                attachments: matches, diagnostics: diagnostics, recordFileCount: tree.records.count)
        loaded.configDigest = configDigest
        loaded.pages = fixedPages.pages
        loaded.pageAttachments = fixedPages.attachments
        return loaded
    }

    /// An attachment the build could not read (no permission) is `file.read` at the file,
    /// as a record would be, not an error of writing the site once the pages are made.
    static func unreadableAttachments(_ attachments: [AttachmentFile]) -> [Diagnostic] {
        attachments.compactMap { attachment -> Diagnostic? in
            guard access(attachment.absolutePath, R_OK) != 0 else { return nil }
            let reason = String(cString: strerror(errno))
            return Rule.fileRead.diagnostic(attachment.relativePath, .fileStart,
                                            Phrase("无法读取附件：", en: "cannot read the attachment: ") + SystemMessage.phrase(reason))
        }
    }

    static func loadConfig(_ tree: ContentTree) -> (SiteConfig?, [Diagnostic], Digest) {
        let file = "content/site.yaml"
        guard let path = tree.siteFile else {
            return (nil, [Rule.siteMissing.diagnostic(file, .fileStart,
                Phrase("没有 content/site.yaml；它至少要给出 'title' 和 'base_url'", en: "no content/site.yaml; it must give at least 'title' and 'base_url'"))], .zero)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBytes(path, limit: SourceText.maximumFileBytes)
        } catch {
            return (nil, [Rule.fileRead.diagnostic(file, .fileStart, Phrase("无法读取 'site.yaml'：", en: "cannot read site.yaml: ") + error.phrase)], .zero)
        }
        let (config, diagnostics) = decodeConfig(bytes, file: file)
        return (config, diagnostics, StableHasher.digest(bytes))
    }

    static func decodeConfig(_ bytes: [UInt8], file: String) -> (SiteConfig?, [Diagnostic]) {
        switch SourceText.decode(bytes) {
        case .failure(let failure):
            return (nil, [SourceText.diagnostic(for: failure, file: file)])
        case .success(let text):
            switch FrontMatterReader.read(Substring(text), firstLine: 1) {
            case .failure(let failure):
                return (nil, [FrontMatterReader.diagnostic(for: failure, file: file)])
            case .success(let root):
                return SiteConfigDecoder.decode(root, file: file)
            }
        }
    }

    /// An attachment named like a page of its folder would overwrite it. The pages are
    /// looked up among the attachments' paths, a handful, rather than every page's path
    /// put into a set (a tenth of a second of serial work at 100,000 records).
    static func attachmentClashes(_ matches: [AttachmentMatcher.Match], identities: [RecordIdentity]) -> [Diagnostic] {
        guard !matches.isEmpty else { return [] }
        // Compared in lower case: on a server or kiosk that ignores case (IIS, Windows,
        // macOS) `X.HTML` is the page `x.html`.
        let attachmentPaths = Set(matches.map { $0.attachment.sitePath.lowercased() })
        var clashes = Set<String>()
        for index in identities.indices {
            guard let slug = identities[index].slug else { continue }
            let page = SiteRules.pagePath(identities[index].file, slug: slug.value).lowercased()
            if attachmentPaths.contains(page) { clashes.insert(page) }
        }
        return matches.compactMap { match in
            let path = match.attachment.sitePath
            guard clashes.contains(path.lowercased()) else { return nil }
            return Rule.attachmentClash.diagnostic(match.attachment.relativePath, .fileStart,
                Phrase("附件 '\(match.attachment.name)' 与构建写出的页面同名（\(path)）；请重命名该附件",
                       en: "attachment '\(match.attachment.name)' has the name of a page the build writes (\(path)); rename it"))
        }
    }
}

import CLibXML2
import Foundation

/// `disclose audit`: inspects a built tree before upload, with the content root at hand.
/// Reports any trace of a non-public record (in any file or file name), broken internal
/// links and fragments, resources loaded from outside the tree, absolute paths, files
/// that are not well-formed, and files the build would not have written (or is missing).
public struct SiteAuditor: Sendable {
    /// The directory to inspect.
    public let directory: String
    /// How file paths start in diagnostics (the directory as the user named it).
    public let displayPrefix: String
    public let site: LoadedSite
    public let templates: TemplateSet?
    public let progress: BuildProgress?
    /// The plan of the site, when the caller (the build) already has it.
    let plan: SitePlan?
    /// Files the build carried over unchanged from a previous build whose audit found
    /// nothing in them, judged by the same secrets and fingerprints: they need no second
    /// look (empty for none).
    let unchanged: Set<String>
    /// The digest of every file's anchors as the previous build's audit found them, by
    /// path: a page that lost an id an unchanged page may link to makes the audit look at
    /// the unchanged pages too.
    let previousAnchors: [String: Digest]
    /// Every file the build's list of outputs names (`SiteOutputs`), when a build is the
    /// caller: the files the audit expects, without planning again.
    let expected: Set<String>?
    /// The leak index, when the caller had it built beside its render (a rebuild, whose
    /// render is light, does); built here otherwise.
    var leakIndex: LeakIndex?
    /// The site's addresses (`base_url`, and site.yaml's when the run gives another): a
    /// link to one of them is a link into the tree.
    let ownSites: [OwnSiteAddress]

    public init(directory: String, displayPrefix: String? = nil, site: LoadedSite, templates: TemplateSet?,
                plan: SitePlan? = nil, progress: BuildProgress? = nil) {
        self.init(directory: directory, displayPrefix: displayPrefix, site: site, templates: templates, plan: plan,
                  unchanged: [], previousAnchors: [:], expected: nil, progress: progress)
    }

    init(directory: String, displayPrefix: String?, site: LoadedSite, templates: TemplateSet?,
         plan: SitePlan?, unchanged: Set<String>, previousAnchors: [String: Digest], expected: Set<String>?,
         progress: BuildProgress?) {
        self.directory = directory
        self.displayPrefix = displayPrefix ?? directory
        self.site = site
        self.templates = templates
        self.plan = plan
        self.unchanged = unchanged
        self.previousAnchors = previousAnchors
        self.expected = expected
        self.progress = progress
        ownSites = [site.config.baseURL, site.config.declaredBaseURL].compactMap { $0.flatMap(OwnSiteAddress.init(baseURL:)) }
    }

    /// The findings, and how many files the site holds.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        /// Per file, the digest of its anchors; and what the leak search was made of: for
        /// the build cache.
        var anchors: [String: Digest] = [:]
        var secrets: Digest = .zero
        var leakFingerprints: Digest = .zero
        var published = PublishedFingerprints()
        /// Files inspected (the others were carried over and left alone).
        var inspected = 0
    }

    /// A file of the site being audited.
    struct SiteFile: Sendable {
        var path: String
        var bytes: [UInt8]
        var isSymbolicLink: Bool
        /// Why the file could not be read (it vanished, it is not a file one can read), if so.
        var readError: Phrase? = nil
    }

    /// What one file told: its findings (links included, but for `#fragment`s into other
    /// pages, which need the target's ids), the references with such a fragment, and its
    /// anchors. Only those are kept: every page's full link list held at once was 600 MiB
    /// at 100,000 records.
    struct FileReport: Sendable {
        var diagnostics: [Diagnostic] = []
        var references: [HTMLPage.Reference] = []
        var anchors: PageAnchors = .none
    }

    public func audit() throws(EnvironmentError) -> Outcome {
        xmlInitParser()
        progress?.begin("indexing the text of non-public records", total: 0)
        var special = Set<String>()
        var unreadableFolders: [(folder: String, reason: String)] = []
        let files = try Self.listFiles(directory, special: &special) { unreadableFolders.append(($0, $1)) }
        let plan = self.plan ?? SitePlan(PublicView(site))
        let leaks: LeakIndex
        if let leakIndex { leaks = leakIndex } else { leaks = try LeakIndex(site: site, plan: plan, templates: templates) }
        let present = Set(files)

        // Unchanged files are skipped while every file they could link to is still there.
        var skipped = Set<String>()
        if !unchanged.isEmpty, previousAnchors.keys.allSatisfy(present.contains) {
            skipped = unchanged
        }
        var inspected = files.filter { !skipped.contains($0) }
        // The files the build writes; any other is a stray file, reported as such, and one
        // over `largeFileBytes` is not read: it is refused whatever it holds, and a huge
        // one (a sparse file of a terabyte) would hold the audit for hours.
        let planned = (expected ?? templates.map { plan.outputs(assets: $0.assets).paths })?.union([OutputDirectory.markerName])
        let unreadStray = planned.map { planned in Set(inspected.lazy.filter { !planned.contains($0) }) } ?? []
        progress?.begin("auditing", total: inspected.count)
        var reports = inspect(inspected, leaks: leaks, present: present, unreadIfLarge: unreadStray)
        // Two file names equal but for Unicode normalisation are one String key.
        var anchorDigests = Dictionary(zip(inspected, reports.map { Self.digest(anchors: $0.anchors) }),
                                       uniquingKeysWith: { first, _ in first })
        if !skipped.isEmpty,
           anchorDigests.contains(where: { path, digest in previousAnchors[path].map { $0 != digest } ?? false }) {
            // A page lost or changed an id a carried page may link to: look at them all.
            let rest = files.filter { skipped.contains($0) }
            let more = inspect(rest, leaks: leaks, present: present, unreadIfLarge: unreadStray)
            for (path, report) in zip(rest, more) { anchorDigests[path] = Self.digest(anchors: report.anchors) }
            inspected += rest
            reports += more
            skipped = []
        }
        for path in skipped { anchorDigests[path] = previousAnchors[path] ?? .zero }

        var diagnostics: [Diagnostic] = unreadableFolders.map { folder, reason in
            Rule.auditMalformed.diagnostic(display(folder), .fileStart,
                Phrase("无法读取该文件夹：", en: "the folder cannot be read: ") + SystemMessage.phrase(reason))
        }
        var anchors: [String: PageAnchors] = [:]
        for (path, report) in zip(inspected, reports) {
            diagnostics += report.diagnostics
            anchors[path] = report.anchors
        }
        // Fragment links into carried pages need their ids.
        var needed = Set<String>()
        for (path, report) in zip(inspected, reports) {
            let folder = path.folderParts
            for reference in report.references {
                if let target = Self.fragmentTarget(reference.value, from: folder, page: path),
                   anchors[target] == nil, present.contains(target) { needed.insert(target) }
            }
        }
        let directory = self.directory
        let neededList = needed.sorted()
        for (path, found) in zip(neededList, parallelMap(neededList) { path in
            Self.anchors(ofPageAt: directory + "/" + path)
        }) { anchors[path] = found }

        let pageAnchors = anchors
        let linkFindings = parallelMap(Array(zip(inspected, reports.map(\.references)))) { path, references in
            checkFragments(references, of: path, anchors: pageAnchors)
        }
        diagnostics += linkFindings.joined()
        // Never opened (a named pipe would block the audit): whatever its name, not a file
        // the build writes.
        // Its name may not be UTF-8: looked up as the file system spells it.
        for path in files where special.contains(path) {
            var info = stat()
            let kind = SiteFileNames.withFileSystemPath(directory + "/" + path, { lstat($0, &info) }) == 0
                ? FileIO.fileKindPhrase(info.st_mode) : Phrase("非普通文件", en: "not a regular file")
            diagnostics.append(Rule.auditMalformed.diagnostic(display(path), .fileStart,
                Phrase("无法读取：不是普通文件", en: "cannot be read: not a regular file")))
            diagnostics.append(Rule.auditStrayFile.diagnostic(display(path), .fileStart,
                Phrase("是\(kind.zh)，不是普通文件；构建从不写出这类文件：上传前请将其从站点中删除",
                       en: "is \(kind.en), not a regular file; the build writes none: remove it from the site before upload")))
        }
        // Every file, carried ones too: a non-public attachment may be added beside an
        // unchanged copy of it.
        let nonPublic = NonPublicFiles(site)
        if !nonPublic.isEmpty {
            let regular = files.filter { !special.contains($0) && !SiteFileNames.hasStrayBytes($0) }
            for (path, material) in zip(regular, parallelMap(regular) { nonPublic.copy(at: directory + "/" + $0) }) {
                guard let material else { continue }
                let what = material.relative == material.owner
                    ? Phrase("非主动公开的记录 \(material.owner)", en: "the non-public record \(material.owner)")
                    : Phrase("\(material.relative)（非主动公开的记录 \(material.owner) 的附件）",
                             en: "\(material.relative), an attachment of the non-public record \(material.owner)")
                diagnostics.append(Rule.auditLeak.diagnostic(display(path), .fileStart,
                    Phrase("与\(what.zh.first?.isASCII == true ? " " : "")\(what.zh)的内容完全相同；非主动公开的材料不得公开",
                           en: "has the same bytes as \(what.en); non-public material must not be published")))
            }
        }
        if let planned {
            for path in files where !planned.contains(path) && !special.contains(path) {
                diagnostics.append(Rule.auditStrayFile.diagnostic(display(path), .fileStart,
                    Phrase("按现有内容，构建不会写出该文件；上传前请将其从站点中删除",
                           en: "the build does not write this file for this content; remove it from the site before upload")))
            }
            // The missing ones sorted, not every planned path (a third of a second of Unicode
            // comparisons at 100,000 records, to find none).
            for path in planned.filter({ !present.contains($0) }).sorted() {
                diagnostics.append(Rule.auditMissingFile.diagnostic(display(path), .fileStart,
                    Phrase("按现有内容，构建会写出 \(path)，但该文件缺失",
                           en: "the build writes \(path) for this content, but it is missing")))
            }
        }
        return Outcome(diagnostics: diagnostics, fileCount: files.count, anchors: anchorDigests, secrets: leaks.secrets,
                       leakFingerprints: leaks.fingerprintDigest, published: leaks.published, inspected: inspected.count)
    }

    /// Reads and inspects `paths`, one file at a time per worker: the site is never held
    /// in memory whole (1.3 GB at 100,000 records). Those of `unreadIfLarge` over
    /// `largeFileBytes` are judged by their path alone.
    func inspect(_ paths: [String], leaks: LeakIndex, present: Set<String>, unreadIfLarge: Set<String> = []) -> [FileReport] {
        let progress = self.progress
        // Large files (the catalog data, the sitemaps) are read a piece at a time
        // (`inspectStreaming`), on lanes of their own beside the workers, one lane a core,
        // each given the largest file left while it holds the fewest bytes: after the rest
        // they were a serial tail (seconds at 100,000 records, and most of a one-record
        // rebuild's audit, whose small files are few).
        let directory = self.directory
        var large: [(index: Int, size: Int)] = []
        var linked: [FileIdentity: [Int]] = [:]
        for index in paths.indices {
            var info = stat()
            guard SiteFileNames.withFileSystemPath(directory + "/" + paths[index], { lstat($0, &info) }) == 0,
                  (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if info.st_size > Self.largeFileBytes { large.append((index, Int(info.st_size))) }
            if info.st_nlink > 1 { linked[FileIdentity(info), default: []].append(index) }
        }
        var laneFiles = [[Int]](repeating: [], count: min(large.count, max(1, ProcessInfo.processInfo.activeProcessorCount)))
        var laneBytes = [Int](repeating: 0, count: laneFiles.count)
        for file in large.sorted(by: { $0.size != $1.size ? $0.size > $1.size : $0.index < $1.index }) {
            let lightest = laneBytes.indices.min { laneBytes[$0] < laneBytes[$1] }!
            laneFiles[lightest].append(file.index)
            laneBytes[lightest] += file.size
        }
        let lanes = laneFiles.map { files in
            Lane { () -> [(index: Int, report: FileReport)] in
                files.map { index in
                    defer { progress?.advance() }
                    if unreadIfLarge.contains(paths[index]) { return (index, FileReport(diagnostics: pathLeaks(paths[index], leaks: leaks))) }
                    return (index, settleOwnFragments(inspectStreaming(paths[index], leaks: leaks, present: present), of: paths[index]))
                }
            }
        }
        let isLarge = Set(large.map(\.index))
        var reports = parallelMap(Array(paths.indices)) { index -> FileReport? in
            guard !isLarge.contains(index) else { return nil }
            defer { progress?.advance() }
            var info = stat()
            let full = directory + "/" + paths[index]
            let kind = SiteFileNames.withFileSystemPath(full, { lstat($0, &info) }) == 0 ? info.st_mode & S_IFMT : S_IFREG
            // A named pipe, socket or device is never opened (`audit()` reports it).
            if kind != S_IFREG && kind != S_IFLNK { return FileReport(diagnostics: pathLeaks(paths[index], leaks: leaks)) }
            let isLink = kind == S_IFLNK
            var file = SiteFile(path: paths[index], bytes: [], isSymbolicLink: isLink)
            if !isLink {
                // A file that vanished since the listing, or one that cannot be read, is a
                // finding: read as empty, its content would pass unseen.
                let read = SiteFileNames.hasStrayBytes(full)
                    ? SiteFileNames.readWhole(full)
                    : Result { () throws(FileIO.Failure) in try FileIO.readBytes(full, followingLinks: false) }
                switch read {
                case .success(let bytes): file.bytes = bytes
                case .failure(let failure): file.readError = failure.phrase
                }
            }
            return settleOwnFragments(finish(inspect(file, leaks: leaks), paths[index], present), of: paths[index])
        }
        for lane in lanes {
            for (index, report) in lane.result() { reports[index] = report }
        }
        // Only a standalone audit: a build's staging tree shares its carried files with the
        // live site by design.
        if expected == nil {
            for indices in linked.values {
                var info = stat()
                guard SiteFileNames.withFileSystemPath(directory + "/" + paths[indices[0]], { lstat($0, &info) }) == 0,
                      Int(info.st_nlink) > indices.count else { continue }
                for index in indices {
                    reports[index]!.diagnostics.append(Rule.auditMalformed.diagnostic(display(paths[index]), .fileStart,
                        Phrase("是指向站点之外某个文件的硬链接（共 \(info.st_nlink) 个名称，站点中有 \(indices.count) 个）：那里的改动会改变站点；请改为复制",
                               en: "is a hard link to a file outside the site (\(info.st_nlink) names, \(indices.count) in the site): a change there changes the site; copy it instead")))
                }
            }
        }
        return reports.map { $0! }
    }

    /// A file's identity on disk: what hard links share.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Files over this size are inspected one at a time.
    static let largeFileBytes = 1 << 20

    /// Links checked, and only the references with a fragment kept.
    private func finish(_ report: FileReport, _ path: String, _ present: Set<String>) -> FileReport {
        var report = report
        report.diagnostics += checkLinks(report.references, of: path, present: present)
        report.references = report.references.filter { reference in
            reference.value.utf8.firstIndex(of: UInt8(ascii: "#")).map { reference.value.utf8[$0...].count > 1 } ?? false
        }
        return report
    }

    /// A file over `largeFileBytes`, read a megabyte at a time and never held whole: the
    /// leak search runs over pieces that overlap by more than
    /// `TextFingerprints.guaranteedLength` (a shared run of that length lies whole within
    /// one piece, wherever the cuts fall), and the checks of its kind are fed the same
    /// pieces; its links are checked in batches as the parser meets them, and only those
    /// with a `#fragment` are kept (like `finish`).
    func inspectStreaming(_ path: String, leaks: LeakIndex, present: Set<String>) -> FileReport {
        var report = FileReport()
        let shown = display(path)
        report.diagnostics = pathLeaks(path, leaks: leaks)
        if let problem = SiteFileNames.problem(path) {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, problem))
        }
        // Opened without waiting and read only if still a regular file: it may have been
        // replaced (by a pipe, which would block) since it was listed.
        let fd = SiteFileNames.withFileSystemPath(directory + "/" + path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard fd >= 0 else {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                Phrase("无法读取：", en: "cannot be read: ") + SystemMessage.phrase(String(cString: strerror(errno)))))
            return report
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                Phrase("无法读取：不是普通文件", en: "cannot be read: not a regular file")))
            return report
        }
        var linkFindings: [Diagnostic] = []
        var kept: [HTMLPage.Reference] = []
        // Each distinct fragment link once, at its first line: a page of millions of links
        // repeats a few targets, and keeping each was gigabytes.
        var fragments = Set<String>()
        let reported = RecordsFound()
        let check = ContentCheck(path: path, shown: shown, leaks: leaks, reported: reported) { batch in
            let checked = finish(FileReport(references: batch), path, present)
            linkFindings += checked.diagnostics
            for reference in checked.references where fragments.insert(reference.value).inserted {
                guard fragments.count <= HTMLPage.anchorLimit else {
                    if fragments.count == HTMLPage.anchorLimit + 1 {
                        linkFindings.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                            Phrase("不同的 #片段 链接超过 \(HTMLPage.anchorLimit) 个；其余的不再检查",
                                   en: "more than \(HTMLPage.anchorLimit) distinct #fragment links; the rest are not checked")))
                    }
                    break
                }
                kept.append(reference)
            }
        }
        // Wide enough for a run of the guaranteed length written in the longest encoding
        // the search decodes (`%E5%85%B3` is nine bytes for three), with room to spare.
        let overlap = 4096
        var piece: [UInt8] = []
        var linesBefore = 1  // the line the piece starts on
        let format = SeparateTexts.format(of: path)
        var inQuotes = false  // a CSV piece starting inside a quoted cell
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                    Phrase("无法读到文件末尾：", en: "cannot be read to its end: ") + SystemMessage.phrase(String(cString: strerror(errno)))))
                break
            }
            guard count > 0 else { break }
            piece += chunk[..<count]
            report.diagnostics += byteLeaks(piece, firstLine: linesBefore, shown: shown, leaks: leaks, reported: &reported.records,
                                            format: format, inQuotes: inQuotes)
            chunk.withUnsafeBytes { check.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            let kept = max(0, piece.count - overlap)
            linesBefore = piece[..<kept].reduce(linesBefore) { $1 == 0x0A ? $0 + 1 : $0 }
            if format == .csv { inQuotes = SeparateTexts.endsInQuotes(piece[..<kept], from: inQuotes) }
            piece.removeFirst(kept)
        }
        let content = check.finish()
        let checked = finish(FileReport(diagnostics: content.diagnostics, references: content.references), path, present)
        report.diagnostics += checked.diagnostics + linkFindings
        report.references = kept + checked.references.filter { fragments.count < HTMLPage.anchorLimit && fragments.insert($0.value).inserted }
        report.anchors = content.anchors
        return report
    }

    /// The ids of the page at `path` (a page a fragment link points into), read as a stream.
    static func anchors(ofPageAt path: String) -> PageAnchors {
        let parser = HTMLPage.Parser(onText: { _ in }, onReferences: { _ in })
        let fd = SiteFileNames.withFileSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { return .none }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .none }
        var chunk = [UInt8](repeating: 0, count: HTMLPage.chunkBytes)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            chunk.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return PageAnchors(parser.finish().anchors)
    }

    /// A finding for each non-public record whose name a file's path carries.
    private func pathLeaks(_ path: String, leaks: LeakIndex) -> [Diagnostic] {
        leaks.inPath(path).map { leak in
            Rule.auditLeak.diagnostic(display(path), .fileStart,
                Phrase("文件名带有\(leak.zh)——不得公开", en: "the file name carries \(leak.en) — it must not be published"))
        }
    }

    /// A finding for each non-public record, not in `reported` yet, whose text `bytes` (a
    /// file, or a piece of one starting on line `firstLine`) hold, at its line.
    private func byteLeaks(_ bytes: [UInt8], firstLine: Int, shown: String, leaks: LeakIndex,
                           reported: inout Set<String>, format: SeparateTexts.Format? = nil,
                           inQuotes: Bool = false) -> [Diagnostic] {
        // Searched decoded and normalised (`MatchText`): an entity, a `\u` escape, a
        // percent escape, an invisible character or a full-width form hides nothing. A
        // data file's cells or strings each on their own (`SeparateTexts`).
        let (text, newlines) = bytes.withUnsafeBufferPointer { bytes in
            format.map { SeparateTexts.bytesAndLines(bytes, $0, inQuotes: inQuotes) } ?? MatchText.bytesAndLines(bytes)
        }
        var found: [Diagnostic] = []
        for leak in leaks.leaks(in: text) where !reported.contains(leak.record) {
            reported.insert(leak.record)
            let line = MatchText.line(of: leak.offset, newlines: newlines, firstLine: firstLine)
            found.append(Rule.auditLeak.diagnostic(shown, SourceLocation(line: line, column: 1),
                Phrase("含有", en: "contains ") + leak.described(in: text)))
        }
        return found
    }

    /// The fragments of `references` (found in the page at `path`) that name no id of
    /// their target page; everything else about them was checked with the page.
    func checkFragments(_ references: [HTMLPage.Reference], of path: String, anchors: [String: PageAnchors]) -> [Diagnostic] {
        let folder = path.folderParts
        var diagnostics: [Diagnostic] = []
        for reference in references {
            let value = reference.value.trimmed
            guard let hash = value.utf8.firstIndex(of: UInt8(ascii: "#")),
                  let target = Self.fragmentTarget(value, from: folder, page: path),
                  target.lowercased().hasSuffix(".html"), let targetAnchors = anchors[target] else { continue }
            // Browsers match the fragment decoded: Markdown writes `#目录` as `#%E7%9B%AE%E5%BD%95`.
            let encoded = String(value[value.utf8.index(after: hash)...])
            let fragment = encoded.removingPercentEncoding ?? encoded
            if !fragment.isEmpty, !targetAnchors.contains(fragment) {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(display(path), SourceLocation(line: max(1, reference.line), column: 1),
                    Phrase("'\(value)'：\(target) 中没有 id '\(fragment)'", en: "'\(value)': \(target) has no id '\(fragment)'")))
            }
        }
        return diagnostics
    }

    static func digest(anchors: Set<String>) -> Digest {
        var hasher = StableHasher()
        for anchor in anchors.sorted() { hasher.combine(anchor) }
        return hasher.finalize()
    }

    /// The site file a reference with a fragment (`a.html#x`, `#x`) points into, for the
    /// ids it needs; nil for a reference without one, or one that leaves the site.
    static func fragmentTarget(_ value: String, from folder: [String], page: String) -> String? {
        let value = value.trimmed
        guard let hash = value.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        var target = String(value[..<hash])
        if let query = target.utf8.firstIndex(of: UInt8(ascii: "?")) { target = String(target[..<query]) }
        if target.isEmpty { return page }
        guard !target.hasPrefix("/"), LinkResolver.scheme(of: target) == nil else { return nil }
        return LinkResolver.resolve(target.removingPercentEncoding ?? target, from: folder)?.joined(separator: "/")
    }

    func display(_ path: String) -> String {
        let path = SiteFileNames.shown(path)
        return displayPrefix.isEmpty ? path : displayPrefix.appendingPathComponent(path)
    }

    func inspect(_ file: SiteFile, leaks: LeakIndex) -> FileReport {
        var report = FileReport()
        let shown = display(file.path)
        report.diagnostics = pathLeaks(file.path, leaks: leaks)
        if let problem = SiteFileNames.problem(file.path) {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, problem))
        }
        if file.isSymbolicLink {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                Phrase("是符号链接；站点中只能有真实的文件", en: "is a symbolic link; a site must hold real files only")))
            return report
        }
        if let readError = file.readError {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, Phrase("无法读取：", en: "cannot be read: ") + readError))
            return report
        }
        let reported = RecordsFound()
        report.diagnostics += byteLeaks(file.bytes, firstLine: 1, shown: shown, leaks: leaks, reported: &reported.records,
                                        format: SeparateTexts.format(of: file.path))
        // A text saved as UTF-16 or GB18030 (an attachment; the build writes only UTF-8)
        // is searched as the text it is, too. Pages are the build's own: not looked at.
        if !file.path.hasSuffix(".html"), let text = LegacyChineseEncoding.utf8Text(of: file.bytes) {
            report.diagnostics += byteLeaks(text, firstLine: 1, shown: shown, leaks: leaks, reported: &reported.records,
                                            format: SeparateTexts.format(of: file.path))
        }
        // A PDF's text strings in UTF-16 (its title, author, subject): searched as text too.
        if !file.path.hasSuffix(".html"), PDFTextStrings.isPDF(file.bytes), let text = PDFTextStrings.utf8Text(of: file.bytes) {
            report.diagnostics += byteLeaks(text, firstLine: 1, shown: shown, leaks: leaks, reported: &reported.records,
                                            format: SeparateTexts.format(of: file.path))
        }
        if file.path.lowercased().hasSuffix(".html") || file.path.lowercased().hasSuffix(".htm"),
           let line = Self.lineOfAbruptComment(file.bytes) {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, SourceLocation(line: line, column: 1),
                Phrase("含有写作 '<!-->' 或 '<!--->' 的空注释：浏览器在此结束注释，而审查读到的注释一直延续到下一个 '-->'，两者看到的页面不同；请写作 '<!---->'",
                       en: "holds an empty comment written '<!-->' or '<!--->': a browser ends the comment there, where the audit reads it on to the next '-->', so the two see different pages; write '<!---->'")))
        }
        let check = ContentCheck(path: file.path, shown: shown, leaks: leaks, reported: reported)
        file.bytes.withUnsafeBytes { check.feed($0) }
        let content = check.finish()
        report.diagnostics += content.diagnostics
        report.references = content.references
        report.anchors = content.anchors
        return report
    }

    /// The line of the first comment opened as `<!-->` or `<!--->`, which HTML ends at
    /// once (an abrupt closing of an empty comment) and libxml2 reads on to the next `-->`:
    /// what follows it, a link or text, would be read by the browser and not by the audit.
    static func lineOfAbruptComment(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            func byte(_ index: Int) -> UInt8 { index < buffer.count ? buffer[index] : 0 }
            // memchr for each '<': a page's tags are far apart next to a byte loop's pace.
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "<")), buffer.count - offset) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if byte(at + 1) == UInt8(ascii: "!"), byte(at + 2) == UInt8(ascii: "-"), byte(at + 3) == UInt8(ascii: "-"),
                   byte(at + 4) == UInt8(ascii: ">") || (byte(at + 4) == UInt8(ascii: "-") && byte(at + 5) == UInt8(ascii: ">")) {
                    return 1 + buffer[..<at].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                }
                offset = at + 1
            }
            return nil
        }
    }

    /// Every link problem of one page but its `#fragment`s, which need the target's ids
    /// (`checkFragments`, once every page has been read).
    func checkLinks(_ references: [HTMLPage.Reference], of path: String, present: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let shown = display(path)
        // Every page repeats the same navigation links: resolve each distinct target once.
        var resolvedTargets: [String: String?] = [:]
        let folder = path.folderParts
        for reference in references {
            let place = SourceLocation(line: max(1, reference.line), column: 1)
            let shownValue = reference.value.trimmed
            // Read as the browser reads it: `ht&#9;tp://`, ` //host` and `\\host` leave too.
            let value = ReferenceURL.cleaned(reference.value)
            // Read with HTML5's named references decoded too (libxml2 knows HTML 4's
            // only): a link to the site's own address must name a file of the tree
            // either way (`http:&sol;&sol;host&sol;…`).
            if value.utf8.contains(UInt8(ascii: "&")), let decoded = ReferenceURL.decodingNamedReferences(reference.value) {
                let other = ReferenceURL.cleaned(decoded)
                let otherScheme = other.utf8.contains(UInt8(ascii: ":")) ? LinkResolver.scheme(of: other) : nil
                if Self.leavesTheSite(other, scheme: otherScheme), let missing = missingOwnPath(other, page: path, present: present) {
                    diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place,
                        Phrase("'\(shownValue)'（按 HTML5 的字符引用读作 '\(other)'）指向本站（base_url）的 \(missing)，站点中没有该文件",
                               en: "'\(shownValue)' (read with HTML5's character references as '\(other)') names \(missing) on this site (base_url), which is not in the site")))
                    continue
                }
            }
            // Every page has dozens of links: prefixes are compared on the bytes, not on a
            // lower-cased copy of each value.
            let scheme = value.utf8.contains(UInt8(ascii: ":")) ? LinkResolver.scheme(of: value) : nil
            if Self.leavesTheSite(value, scheme: scheme) {
                if reference.loads {
                    diagnostics.append(Rule.auditExternalResource.diagnostic(shown, place,
                        Phrase("<\(reference.element) \(reference.attribute)> 从站点之外加载 '\(shownValue)'",
                               en: "<\(reference.element) \(reference.attribute)> loads '\(shownValue)' from outside the site")))
                } else if let scheme, !Self.schemesALinkMayUse.contains(scheme) {
                    diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place, Self.schemeNotAllowed(shownValue)))
                } else if let missing = missingOwnPath(value, page: path, present: present) {
                    diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place,
                        Phrase("'\(shownValue)' 指向本站（base_url）的 \(missing)，站点中没有该文件",
                               en: "'\(shownValue)' names \(missing) on this site (base_url), which is not in the site")))
                }
                continue
            }
            // An image written inside the page fetches nothing, but a document (an SVG in an
            // <iframe> or <object>) fetches what it names: only images take data: URLs.
            if value.isEmpty || Self.hasPrefix(value, "mailto:") || Self.hasPrefix(value, "tel:")
                || (Self.hasPrefix(value, "data:image/") && !Self.documentElements.contains(reference.element)) { continue }
            if value.utf8.first == UInt8(ascii: "/") {
                diagnostics.append(Rule.auditAbsolutePath.diagnostic(shown, place,
                    Phrase("'\(shownValue)' 是绝对路径；从磁盘打开或放在子路径下时会失效",
                           en: "'\(shownValue)' is an absolute path; it breaks from disk and from a sub-path")))
                continue
            }
            if scheme != nil {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place, Self.schemeNotAllowed(shownValue)))
                continue
            }
            if reference.element == "base" {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place,
                    Phrase("<base href='\(shownValue)'> 会改变页面中所有相对链接的指向；构建从不写出它，请删除",
                           en: "<base href='\(shownValue)'> changes where every relative link of the page leads; the build never writes one, remove it")))
                continue
            }
            var target = value
            if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) { target = String(target[..<hash]) }
            if let query = target.utf8.firstIndex(of: UInt8(ascii: "?")) { target = String(target[..<query]) }
            let resolved: String
            if target.isEmpty {
                resolved = path
            } else {
                let known = resolvedTargets[target]
                let parts: String?
                if let known {
                    parts = known
                } else {
                    let decoded = target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding ?? target : target
                    parts = LinkResolver.resolve(decoded, from: folder)?.joined(separator: "/")
                    resolvedTargets[target] = .some(parts)
                }
                guard let parts else {
                    diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place,
                        Phrase("'\(value)' 指向站点之外", en: "'\(value)' leads outside the site")))
                    continue
                }
                resolved = parts
            }
            if !present.contains(resolved) {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place,
                    Phrase("'\(value)' 指向 \(resolved)，站点中没有该文件", en: "'\(value)' names \(resolved), which is not in the site")))
            }
        }
        return diagnostics
    }

    /// The path below one of the site's addresses that the absolute link `value` (as the
    /// page carries it, cleaned as a browser cleans it) opens and the tree does not hold —
    /// a withheld record's page, an old site's address — read as an address and, in the
    /// site's scheme with fewer than two slashes (`https:x.html`), relative to the page at
    /// `page` too, as the live site's page reads it (`OwnSiteAddress`). The render makes
    /// every such link of a body relative or refuses it; this holds the finished tree to it,
    /// whatever wrote the link.
    func missingOwnPath(_ value: String, page: String, present: Set<String>) -> String? {
        let address = value.utf8.starts(with: "//".utf8) ? "https:" + value : value
        for site in ownSites {
            for inside in site.sitePaths(of: address, onPage: page) {
                // A folder named without its slash is sent on to the folder by the server.
                if !present.contains(inside.path), !present.contains(inside.path + "/" + SitePlan.homePath) {
                    return inside.path
                }
            }
        }
        return nil
    }

    /// Schemes that name nothing outside the page (`data:` and `javascript:` are refused
    /// as links below, but fetch nothing from elsewhere); every other scheme (`http`,
    /// `ftp`, `file`, `ws`, one the audit has never heard of) reaches out of the site.
    static let schemesThatStayHere: Set<String> = ["mailto", "tel", "data", "javascript", "about", "blob"]

    /// True when a reference's `value` (cleaned as a browser cleans it, `ReferenceURL`),
    /// whose scheme is `scheme`, names something outside the site: a host (`//…`) or a
    /// scheme that is not one of those that stay here.
    static func leavesTheSite(_ value: String, scheme: String?) -> Bool {
        value.utf8.starts(with: "//".utf8) || scheme.map { !schemesThatStayHere.contains($0) } ?? false
    }
    /// Elements that show a whole document, which may load what it names.
    static let documentElements: Set<String> = ["iframe", "frame", "object", "embed", "portal", "fencedframe"]
    /// Schemes a link a reader follows may use to leave the site (as `link.unsafe` allows in bodies).
    static let schemesALinkMayUse: Set<String> = ["http", "https", "ftp", "ftps"]

    static func schemeNotAllowed(_ value: String) -> Phrase {
        Phrase("'\(value)' 使用了站点不允许的协议", en: "'\(value)' uses a scheme the site does not allow")
    }

    /// True when `value` starts with `prefix` (ASCII, lower case), whatever the case of `value`.
    static func hasPrefix(_ value: String, _ prefix: StaticString) -> Bool {
        let bytes = value.utf8
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { byte, want in
                (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == want
            }
        }
    }

    /// Every file below `directory`, relative, sorted (hidden files included: they upload
    /// too; symbolic links listed, not followed). With readdir: FileManager's enumerator
    /// asked for every entry's attributes, a third of a build with nothing to do.
    static func listFiles(_ directory: String, unreadable: ((_ folder: String, _ reason: String) -> Void)? = nil)
        throws(EnvironmentError) -> [String] {
        var special = Set<String>()
        return try listFiles(directory, special: &special, unreadable: unreadable)
    }

    /// `listFiles`, and in `special` those that are neither regular files, directories
    /// nor symbolic links (named pipes, sockets, devices: never to be opened). With
    /// `unreadable`, a folder below the top that cannot be read (or vanished) is handed to
    /// it with the reason, and the rest is still listed.
    static func listFiles(_ directory: String, special: inout Set<String>,
                          unreadable: ((_ folder: String, _ reason: String) -> Void)? = nil) throws(EnvironmentError) -> [String] {
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw EnvironmentError(Phrase("'\(directory)' 不是文件夹", en: "'\(directory)' is not a directory"))
        }
        var files: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let full = folder.isEmpty ? directory : directory + "/" + folder
            guard let handle = SiteFileNames.withFileSystemPath(full, { opendir($0) }) else {
                let reason = String(cString: strerror(errno))
                if let unreadable, !folder.isEmpty {
                    unreadable(folder, reason)
                    continue
                }
                throw EnvironmentError(Phrase("无法读取 '\(full)'：", en: "cannot read '\(full)': ") + SystemMessage.phrase(reason))
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in SiteFileNames.name(raw.prefix { $0 != 0 }) }
                if name == "." || name == ".." { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var entryInfo = stat()
                    guard SiteFileNames.withFileSystemPath(directory + "/" + relative, { lstat($0, &entryInfo) }) == 0 else { continue }
                    switch entryInfo.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: type = Int32(DT_FIFO)
                    }
                }
                if type == Int32(DT_DIR) { folders.append(relative); continue }
                if type != Int32(DT_REG) && type != Int32(DT_LNK) { special.insert(relative) }
                files.append(relative)
            }
        }
        return files.sorted(by: utf8Precedes)
    }
}

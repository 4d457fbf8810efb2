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
    /// What the previous build audited, when this build carried files over from it.
    let carry: Carry?
    /// Every file the build wrote into the directory, when a build is the caller: the
    /// files the audit expects, without planning (and rendering the sitemaps) again.
    let written: Set<String>?
    /// The leak index, when the caller had it built beside its render (a rebuild, whose
    /// render is light, does); built here otherwise.
    var leakIndex: Lane<Result<LeakIndex, EnvironmentError>>?

    /// Files a build carried over unchanged from the previous build, whose audit found
    /// nothing: they need no second look while nothing they could be judged by changed.
    struct Carry: Sendable {
        var carried: Set<String>
        var previous: BuildCache
    }

    public init(directory: String, displayPrefix: String? = nil, site: LoadedSite, templates: TemplateSet?,
                plan: SitePlan? = nil, progress: BuildProgress? = nil) {
        self.init(directory: directory, displayPrefix: displayPrefix, site: site, templates: templates, plan: plan,
                  carry: nil, written: nil, progress: progress)
    }

    init(directory: String, displayPrefix: String?, site: LoadedSite, templates: TemplateSet?,
         plan: SitePlan?, carry: Carry?, written: Set<String>?, progress: BuildProgress?) {
        self.directory = directory
        self.displayPrefix = displayPrefix ?? directory
        self.site = site
        self.templates = templates
        self.plan = plan
        self.carry = carry
        self.written = written
        self.progress = progress
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
    }

    /// What one file told: its findings (links included, but for `#fragment`s, which need
    /// the target's ids), the references with a fragment, and its anchors. Only those are
    /// kept: every page's full link list held at once was 600 MiB at 100,000 records.
    struct FileReport: Sendable {
        var diagnostics: [Diagnostic] = []
        var references: [HTMLPage.Reference] = []
        var anchors: Set<String> = []
    }

    public func audit() throws(EnvironmentError) -> Outcome {
        xmlInitParser()
        progress?.begin("indexing the text of non-public records", total: 0)
        let files = try Self.listFiles(directory)
        let plan = self.plan ?? SitePlan(PublicView(site))
        let leaks: LeakIndex
        if let leakIndex {
            leaks = try leakIndex.result().get()
        } else {
            leaks = try LeakIndex(site: site, plan: plan, templates: templates,
                                  previous: carry.map { ($0.previous.secrets, $0.previous.published) })
        }
        let present = Set(files)

        // Carried files are skipped while the search would find the same in them: the
        // same secrets, the same fingerprints, and every file they could link to still there.
        var skipped = Set<String>()
        if let carry, carry.previous.secrets == leaks.secrets, carry.previous.leakFingerprints == leaks.fingerprintDigest,
           carry.previous.files.keys.allSatisfy(present.contains) {
            skipped = carry.carried
        }
        var inspected = files.filter { !skipped.contains($0) }
        progress?.begin("auditing", total: inspected.count)
        var reports = inspect(inspected, leaks: leaks, present: present)
        var anchorDigests = Dictionary(uniqueKeysWithValues: zip(inspected, reports.map { Self.digest(anchors: $0.anchors) }))
        if let previous = carry?.previous.files, !skipped.isEmpty,
           anchorDigests.contains(where: { path, digest in previous[path].map { $0.anchors != digest } ?? false }) {
            // A page lost or changed an id a carried page may link to: look at them all.
            let rest = files.filter { skipped.contains($0) }
            let more = inspect(rest, leaks: leaks, present: present)
            for (path, report) in zip(rest, more) { anchorDigests[path] = Self.digest(anchors: report.anchors) }
            inspected += rest
            reports += more
            skipped = []
        }
        for path in skipped { anchorDigests[path] = carry?.previous.files[path]?.anchors ?? .zero }

        var diagnostics: [Diagnostic] = []
        var anchors: [String: Set<String>] = [:]
        for (path, report) in zip(inspected, reports) {
            diagnostics += report.diagnostics
            anchors[path] = report.anchors
        }
        // Fragment links into carried pages need their ids.
        var needed = Set<String>()
        for (path, report) in zip(inspected, reports) {
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for reference in report.references {
                if let target = Self.fragmentTarget(reference.value, from: folder, page: path),
                   anchors[target] == nil, present.contains(target) { needed.insert(target) }
            }
        }
        let directory = self.directory
        let neededList = needed.sorted()
        for (path, found) in zip(neededList, parallelMap(neededList) { path in
            HTMLPage((try? FileIO.readBytes(directory + "/" + path)) ?? []).anchors
        }) { anchors[path] = found }

        let pageAnchors = anchors
        let linkFindings = parallelMap(Array(zip(inspected, reports.map(\.references)))) { path, references in
            checkFragments(references, of: path, anchors: pageAnchors)
        }
        diagnostics += linkFindings.joined()
        if let planned = written.map({ $0.union([OutputDirectory.markerName]) })
            ?? templates.map({ SiteWriter.plannedPaths(plan: plan, templates: $0) }) {
            for path in files where !planned.contains(path) {
                diagnostics.append(Rule.auditStrayFile.diagnostic(display(path), .fileStart,
                    "the build does not write this file for this content; remove it from the site before upload"))
            }
            // The missing ones sorted, not every planned path (a third of a second of Unicode
            // comparisons at 100,000 records, to find none).
            for path in planned.filter({ !present.contains($0) }).sorted() {
                diagnostics.append(Rule.auditMissingFile.diagnostic(display(path), .fileStart,
                    "the build writes \(path) for this content, but it is missing"))
            }
        }
        return Outcome(diagnostics: diagnostics, fileCount: files.count, anchors: anchorDigests, secrets: leaks.secrets,
                       leakFingerprints: leaks.fingerprintDigest, published: leaks.published, inspected: inspected.count)
    }

    /// Reads and inspects `paths`, one file at a time per worker: the site is never held
    /// in memory whole (1.3 GB at 100,000 records).
    func inspect(_ paths: [String], leaks: LeakIndex, present: Set<String>) -> [FileReport] {
        let progress = self.progress
        // Large files (the search index, the catalog data) are read one at a time, on a
        // lane of their own beside the workers: two of them at once were the audit's peak
        // memory, and after the rest they were a serial tail (seconds at 100,000 records).
        let directory = self.directory
        let large = paths.indices.filter { index in
            var info = stat()
            let full = directory + "/" + paths[index]
            return lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size > Self.largeFileBytes
        }
        let lane = Lane { () -> [(index: Int, report: FileReport)] in
            large.map { index in
                defer { progress?.advance() }
                let path = paths[index]
                let report = Self.isParsed(path)
                    ? inspect(SiteFile(path: path, bytes: (try? FileIO.readBytes(directory + "/" + path)) ?? [],
                                       isSymbolicLink: false), leaks: leaks)
                    : inspectStreaming(path, leaks: leaks)
                return (index, finish(report, path, present))
            }
        }
        let isLarge = Set(large)
        var reports = parallelMap(Array(paths.indices)) { index -> FileReport? in
            guard !isLarge.contains(index) else { return nil }
            defer { progress?.advance() }
            var info = stat()
            let full = directory + "/" + paths[index]
            let isLink = lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            let bytes = isLink ? [] : (try? FileIO.readBytes(full)) ?? []
            return finish(inspect(SiteFile(path: paths[index], bytes: bytes, isSymbolicLink: isLink), leaks: leaks),
                          paths[index], present)
        }
        for (index, report) in lane.result() { reports[index] = report }
        return reports.map { $0! }
    }

    /// Files over this size are inspected one at a time.
    static let largeFileBytes = 1 << 20

    /// Links checked, and only the references with a fragment kept.
    private func finish(_ report: FileReport, _ path: String, _ present: Set<String>) -> FileReport {
        var report = report
        report.diagnostics += checkLinks(report.references, of: path, present: present)
        report.references = report.references.filter { reference in
            reference.value.firstIndex(of: "#").map { reference.value[$0...].count > 1 } ?? false
        }
        return report
    }

    /// True for the kinds of file read whole by a parser (HTML, CSS, XML, JSON); the others
    /// are only searched for leaks, which `inspectStreaming` does a piece at a time.
    static func isParsed(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".html", ".htm", ".css", ".xml", ".json"].contains { lower.hasSuffix($0) }
    }

    /// The leak search of a file that is not parsed, a megabyte at a time. Pieces overlap
    /// by more than `TextFingerprints.guaranteedLength`, so a shared run of that length
    /// lies whole within one piece, wherever the cuts fall.
    func inspectStreaming(_ path: String, leaks: LeakIndex) -> FileReport {
        var report = FileReport()
        let shown = display(path)
        report.diagnostics = pathLeaks(path, leaks: leaks)
        let fd = open(directory + "/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "cannot be read"))
            return report
        }
        defer { close(fd) }
        // Wide enough for a run of the guaranteed length written in the longest encoding
        // the search decodes (`%E5%85%B3` is nine bytes for three), with room to spare.
        let overlap = 4096
        var piece: [UInt8] = []
        var linesBefore = 1  // the line the piece starts on
        var reported = Set<String>()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            piece += chunk[..<count]
            report.diagnostics += byteLeaks(piece, firstLine: linesBefore, shown: shown, leaks: leaks, reported: &reported)
            let kept = max(0, piece.count - overlap)
            linesBefore = piece[..<kept].reduce(linesBefore) { $1 == 0x0A ? $0 + 1 : $0 }
            piece.removeFirst(kept)
        }
        return report
    }

    /// A finding for each non-public record whose name a file's path carries.
    private func pathLeaks(_ path: String, leaks: LeakIndex) -> [Diagnostic] {
        leaks.inPath(path).map { leak in
            Rule.auditLeak.diagnostic(display(path), .fileStart, "the file name carries \(leak) — it must not be published")
        }
    }

    /// A finding for each non-public record, not in `reported` yet, whose text `bytes` (a
    /// file, or a piece of one starting on line `firstLine`) hold, at its line.
    private func byteLeaks(_ bytes: [UInt8], firstLine: Int, shown: String, leaks: LeakIndex,
                           reported: inout Set<String>) -> [Diagnostic] {
        // Searched decoded and normalised (`MatchText`): an entity, a `\u` escape, a
        // percent escape, an invisible character or a full-width form hides nothing.
        let (text, newlines) = bytes.withUnsafeBufferPointer(MatchText.bytesAndLines)
        var found: [Diagnostic] = []
        for (record, offset) in leaks.leaks(in: text) where !reported.contains(record) {
            reported.insert(record)
            let line = MatchText.line(of: offset, newlines: newlines, firstLine: firstLine)
            found.append(Rule.auditLeak.diagnostic(shown, SourceLocation(line: line, column: 1),
                "contains text of the non-public record \(record) ('\(LeakIndex.excerpt(text, at: offset))')"))
        }
        return found
    }

    /// The fragments of `references` (found in the page at `path`) that name no id of
    /// their target page; everything else about them was checked with the page.
    func checkFragments(_ references: [HTMLPage.Reference], of path: String, anchors: [String: Set<String>]) -> [Diagnostic] {
        let folder = path.split(separator: "/").dropLast().map(String.init)
        var diagnostics: [Diagnostic] = []
        for reference in references {
            let value = reference.value.trimmed
            guard let hash = value.firstIndex(of: "#"),
                  let target = Self.fragmentTarget(value, from: folder, page: path),
                  target.lowercased().hasSuffix(".html"), let targetAnchors = anchors[target] else { continue }
            // Browsers match the fragment decoded: Markdown writes `#目录` as `#%E7%9B%AE%E5%BD%95`.
            let encoded = String(value[value.index(after: hash)...])
            let fragment = encoded.removingPercentEncoding ?? encoded
            if !fragment.isEmpty, !targetAnchors.contains(fragment) {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(display(path), SourceLocation(line: max(1, reference.line), column: 1),
                    "'\(value)': \(target) has no id '\(fragment)'"))
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
        guard let hash = value.firstIndex(of: "#") else { return nil }
        var target = String(value[..<hash])
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.isEmpty { return page }
        guard !target.hasPrefix("/"), LinkResolver.scheme(of: target) == nil else { return nil }
        return LinkResolver.resolve(target.removingPercentEncoding ?? target, from: folder)?.joined(separator: "/")
    }

    func display(_ path: String) -> String {
        displayPrefix.isEmpty ? path : displayPrefix.appendingPathComponent(path)
    }

    func inspect(_ file: SiteFile, leaks: LeakIndex) -> FileReport {
        var report = FileReport()
        let shown = display(file.path)
        report.diagnostics = pathLeaks(file.path, leaks: leaks)
        if file.isSymbolicLink {
            report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                "is a symbolic link; a site must hold real files only"))
            return report
        }
        var reported = Set<String>()
        report.diagnostics += byteLeaks(file.bytes, firstLine: 1, shown: shown, leaks: leaks, reported: &reported)
        let lower = file.path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            // Each text node with entities decoded (a title with quotes is `&quot;` in the
            // raw bytes), searched as the parser meets it.
            var textLeaks: [Diagnostic] = []
            let page = HTMLPage(file.bytes) { text in
                guard text.utf8.count >= TextFingerprints.window else { return }
                let bytes = MatchText.bytes(text)
                for (record, offset) in leaks.leaks(in: bytes) where !reported.contains(record) {
                    reported.insert(record)
                    textLeaks.append(Rule.auditLeak.diagnostic(shown, .fileStart,
                        "contains, in its text, text of the non-public record \(record) ('\(LeakIndex.excerpt(bytes, at: offset))')"))
                }
            }
            report.diagnostics += textLeaks
            for error in page.errors {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "is not well-formed HTML: \(error)"))
            }
            if page.language?.isEmpty ?? true {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "the page has no <html lang>"))
            }
            if page.title?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "the page has no <title>"))
            }
            report.references = page.references
            report.anchors = page.anchors
        } else if lower.hasSuffix(".css") {
            let css = String(decoding: file.bytes, as: UTF8.self)
            report.references = HTMLPage.cssURLs(css).map { HTMLPage.Reference(element: "css", attribute: "url()", value: $0, line: 1) }
        } else if lower.hasSuffix(".xml") {
            if let problem = Self.xmlProblem(file.bytes) {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "is not well-formed XML: \(problem)"))
            }
        } else if lower.hasSuffix(".json") {
            if !JSONSyntax.isWellFormed(file.bytes) {
                report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart, "is not well-formed JSON"))
            }
        }
        return report
    }

    /// Every link problem of one page but its `#fragment`s, which need the target's ids
    /// (`checkFragments`, once every page has been read).
    func checkLinks(_ references: [HTMLPage.Reference], of path: String, present: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let shown = display(path)
        // Every page repeats the same navigation links: resolve each distinct target once.
        var resolvedTargets: [String: String?] = [:]
        let folder = path.split(separator: "/").dropLast().map(String.init)
        for reference in references {
            let place = SourceLocation(line: max(1, reference.line), column: 1)
            let value = reference.value.trimmed
            // Every page has dozens of links: prefixes are compared on the bytes, not on a
            // lower-cased copy of each value.
            let loadsResource = !(reference.element == "a" || reference.element == "area" || reference.element == "form")
            if Self.hasPrefix(value, "http://") || Self.hasPrefix(value, "https://") || value.utf8.starts(with: "//".utf8) {
                if loadsResource {
                    diagnostics.append(Rule.auditExternalResource.diagnostic(shown, place,
                        "<\(reference.element) \(reference.attribute)> loads '\(value)' from outside the site"))
                }
                continue
            }
            if value.isEmpty || Self.hasPrefix(value, "mailto:") || Self.hasPrefix(value, "tel:") || Self.hasPrefix(value, "data:image/") { continue }
            if value.utf8.first == UInt8(ascii: "/") {
                diagnostics.append(Rule.auditAbsolutePath.diagnostic(shown, place,
                    "'\(value)' is an absolute path; it breaks from disk and from a sub-path"))
                continue
            }
            if value.utf8.contains(UInt8(ascii: ":")), LinkResolver.scheme(of: value) != nil {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place, "'\(value)' uses a scheme the site does not allow"))
                continue
            }
            var target = value
            if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
            if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
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
                    diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place, "'\(value)' leads outside the site"))
                    continue
                }
                resolved = parts
            }
            if !present.contains(resolved) {
                diagnostics.append(Rule.auditBrokenLink.diagnostic(shown, place, "'\(value)' names \(resolved), which is not in the site"))
            }
        }
        return diagnostics
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

    /// Why `bytes` are not well-formed XML, or nil. Read as a stream: a sitemap of 50,000
    /// URLs is never built as a tree.
    static func xmlProblem(_ bytes: [UInt8]) -> String? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let reader = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReaderForMemory($0.baseAddress, Int32($0.count), "file.xml", nil, options) }
        }
        guard let reader else { return "the XML parser rejects it" }
        defer { xmlFreeTextReader(reader) }
        var status: Int32 = 1
        var nodes = 0
        while status == 1 {
            status = xmlTextReaderRead(reader)
            nodes += 1
        }
        return status == 0 && nodes > 1 ? nil : "the XML parser rejects it"
    }

    /// Every file below `directory`, relative, sorted (hidden files included: they upload
    /// too; symbolic links listed, not followed). With readdir: FileManager's enumerator
    /// asked for every entry's attributes, a third of a build with nothing to do.
    static func listFiles(_ directory: String) throws(EnvironmentError) -> [String] {
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw EnvironmentError("'\(directory)' is not a directory")
        }
        var files: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let full = folder.isEmpty ? directory : directory + "/" + folder
            guard let handle = opendir(full) else {
                throw EnvironmentError("cannot read '\(full)': \(String(cString: strerror(errno)))")
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var entryInfo = stat()
                    guard lstat(directory + "/" + relative, &entryInfo) == 0 else { continue }
                    type = (entryInfo.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) { folders.append(relative) } else { files.append(relative) }
            }
        }
        return files.sorted(by: utf8Precedes)
    }
}

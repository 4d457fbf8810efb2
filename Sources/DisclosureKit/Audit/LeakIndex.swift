import Foundation

/// The fingerprints of every non-public record's text (as `MatchText` normalises it, the
/// site's declared boilerplate blanked out), less those that a public record's text or
/// page path, or the text built into the binary (labels, default templates) holds: what
/// `audit` looks for in every file of a site. The site's templates, assets and settings
/// legitimise nothing.
struct LeakIndex: Sendable {
    /// Each fingerprint searched for, with where it was taken: the record and the byte
    /// offset in that record's secret text (at 100,000 records, ten million).
    private let entries: FingerprintEntries
    /// Each non-public record's texts, joined by NUL bytes: a hit is extended against
    /// them, and only a shared run of `TextFingerprints.guaranteedLength` bytes counts.
    private let texts: [[UInt8]]
    /// A bit per fingerprint (by its low bits), sixteen bits per fingerprint or more, so
    /// that a window that is no fingerprint passes it rarely: most windows are ruled out
    /// with one load.
    private let filter: [UInt64]
    /// The non-public identifiers (`SecretText`) of at least
    /// `TextFingerprints.guaranteedLength` bytes that no public text holds whole, each
    /// matched only whole (`IdentifierTokens`).
    let identifiers: IdentifierTokens
    /// What a finding's message quotes the boilerplate phrase from: each non-public
    /// record's own strings, by owner index.
    private let originals: [@Sendable () -> [String]]
    /// Record paths, by owner index.
    let records: [String]
    /// Folder (`policies/2012`) → file stems and slugs of its non-public records.
    let hiddenStems: [String: Set<String>]
    /// The non-public records' paths and sources: equal digests, equal candidates.
    let secrets: Digest
    /// The fingerprints searched for: equal digests (with equal `secrets`), equal findings
    /// in equal files.
    let fingerprintDigest: Digest
    /// Which candidates the public pages hold, for the next build.
    let published: PublishedFingerprints
    /// True when every fingerprint the previous build's public text held (its
    /// `published`, with the same `secrets`) is still held: the fingerprints searched for
    /// are then those the previous build searched for or fewer, and a file it found clean
    /// is clean for this index too.
    let searchesNoMore: Bool

    /// `previous` holds an earlier build's `secrets` and `published`: when the secrets are
    /// the same, so are the candidates an unchanged public page holds, and its text is
    /// not read again.
    /// `pagesArePublic`: the fixed pages' text is published like a public record's (the
    /// build's search); false for `check`, which looks for what the pages publish.
    init(site: LoadedSite, plan: SitePlan, templates: TemplateSet?,
         previous: (secrets: Digest, published: PublishedFingerprints)? = nil,
         pagesArePublic: Bool = true, secretTexts: SecretTexts? = nil) throws(EnvironmentError) {
        let hidden = SecretTexts.hidden(site)
        // The names of non-public records' attachments are theirs too: a link text copied
        // from one ('涉密测绘成果清单') says what the record holds.
        let hiddenPaths = Set(hidden.lazy.map(\.file.relativePath))
        var attachmentNames: [String: [String]] = [:]
        var publicAttachmentNames: [String] = []
        for match in site.attachments {
            if hiddenPaths.contains(match.record.relativePath) {
                attachmentNames[match.record.relativePath, default: []].append(match.attachment.name)
            } else {
                publicAttachmentNames.append(match.attachment.name)
            }
        }
        var secretsHasher = StableHasher()
        secretsHasher.combine(site.configDigest)
        // What the search is made of: identifiers whole, prose by its runs.
        secretsHasher.combine("identifiers whole")
        for identity in hidden {
            secretsHasher.combine(identity.file.relativePath)
            secretsHasher.combine(identity.sourceDigest)
            for name in attachmentNames[identity.file.relativePath, default: []].sorted() { secretsHasher.combine(name) }
        }
        let secrets = secretsHasher.finalize()
        let decoded = SecretTexts.decodedHidden(site)
        var hiddenStems: [String: Set<String>] = [:]
        for identity in hidden {
            let folder = ([identity.file.type.folder] + identity.file.subfolders).joined(separator: "/")
            hiddenStems[folder, default: []].insert(identity.file.stem)
            if let slug = identity.slug?.value { hiddenStems[folder, default: []].insert(slug) }
        }
        // A non-public body that cannot be read cannot be looked for: that stops the audit.
        let boilerplate = SecretText.boilerplate(site.config)
        let hiddenNames = attachmentNames
        let made = secretTexts.flatMap { $0.describe(site) ? $0 : nil } ?? SecretTexts(site)
        let texts: [[UInt8]] = try zip(hidden, made.texts).map { identity, result throws(EnvironmentError) in
            do throws(FileIO.Failure) {
                var text = try result.get()
                for name in hiddenNames[identity.file.relativePath, default: []] { text += [0] + MatchText.bytes(name) }
                return text
            } catch {
                throw EnvironmentError(Phrase("无法读取用于审查的非主动公开记录：", en: "cannot read a non-public record to audit for it: ") + SystemMessage.phrase(of: error))
            }
        }

        let identifierLists: [[[UInt8]]] = hidden.map { identity in
            SecretText.identifierBytes(identity, decoded[identity.file.relativePath], boilerplate: boilerplate)
                .filter { $0.count >= TextFingerprints.guaranteedLength }
        }
        let allIdentifiers = IdentifierTokens(identifierLists)

        // Passes over the winnowed texts, so that every fingerprint with its owner and
        // offset (twelve bytes each, most of them boilerplate that public records hold
        // too) is never held at once: first the distinct fingerprints, which is all the
        // search of published text needs; then the entries of those it did not find,
        // counted, then made, a chunk of records at a time. Winnowing again costs less
        // than keeping them.
        // Each chunk's fingerprints are deduplicated in a table, the few distinct ones
        // sorted and merged into those so far: sorting everything so far again for every
        // chunk grew with the square of the number of non-public records, and sorting each
        // chunk whole (boilerplate repeats from record to record) was most of a one-record
        // rebuild's leak index, which its audit waits for.
        var distinct: [UInt64] = []
        parallelChunks(count: texts.count, { owner in Self.distinctInOrder(TextFingerprints.winnow(texts[owner]).map(\.hash)) }) { _, chunk in
            var fresh = Self.distinctInOrder(Array(chunk.joined()))
            fresh.sort()
            distinct = Self.mergedDistinct(distinct, fresh)
        }
        // Everything published legitimately: its windows are not secrets.
        let (publishedState, publishedPrints, searchesNoMore) = Self.published(distinct, identifiers: allIdentifiers, plan: plan, templates: templates,
                                                          fixedPages: pagesArePublic ? plan.fixedPages : [],
                                                          publicAttachmentNames: publicAttachmentNames,
                                                          previous: previous?.secrets == secrets ? previous?.published : nil)
        distinct = []
        // Looked up once per fingerprint of every non-public text: an open-addressed table,
        // not a Set's hashing.
        let published = FingerprintMap(firstIndicesOf: publishedPrints.sorted())
        // Counted (with a digest of each record's, for `fingerprintDigest`), then written in
        // place (`parallelJoined`).
        let counted = parallelMap(Array(texts.indices)) { owner -> (count: Int, digest: Digest) in
            var hasher = StableHasher()
            var count = 0
            for (print, _) in TextFingerprints.winnow(texts[owner]) where published[print] == nil {
                hasher.combine(print)
                count += 1
            }
            return (count, hasher.finalize())
        }
        let candidates: [FingerprintEntries.Entry] = parallelJoined(counts: counted.map(\.count)) { owner, emit in
            for (print, offset) in TextFingerprints.winnow(texts[owner]) where published[print] == nil {
                emit(FingerprintEntries.Entry(print: print, owner: Int32(owner), offset: Int32(offset)))
            }
        }
        entries = FingerprintEntries(consume candidates)
        var fingerprintHasher = StableHasher()
        for record in counted { fingerprintHasher.combine(record.digest) }
        self.texts = texts
        filter = Self.filter(of: entries.distinctPrints)
        identifiers = allIdentifiers.dropping(publishedPrints)
        originals = hidden.map { identity in
            let record = decoded[identity.file.relativePath]
            return { @Sendable in
                var strings = (record.map(SecretText.parts(of:)) ?? SecretText.parts(of: identity)).prose
                strings += identity.attachments.map(\.title)
                if let record, let body = try? record.bodyText() { strings.append(SecretText.plainText(of: body)) }
                return strings
            }
        }
        records = hidden.map(\.file.relativePath)
        self.hiddenStems = hiddenStems
        self.secrets = secrets
        for key in identifiers.keys { fingerprintHasher.combine(key) }
        fingerprintDigest = fingerprintHasher.finalize()
        self.published = publishedState
        self.searchesNoMore = searchesNoMore
    }

    /// Which of `prints` (the distinct fingerprints of non-public text, sorted) the public
    /// records and the text built into the binary hold: the state kept for the next build,
    /// every one held, and whether every one `previous` held is still held.
    private static func published(_ prints: [UInt64], identifiers: IdentifierTokens, plan: SitePlan, templates: TemplateSet?,
                                  fixedPages: [FixedPagePlan],
                                  publicAttachmentNames: [String],
                                  previous: PublishedFingerprints?) -> (PublishedFingerprints, Set<UInt64>, keepsAll: Bool) {
        // Membership is all this search needs: the distinct fingerprints (non-public
        // records share boilerplate, so there are ten times fewer than entries) make a
        // filter and a table that stay in the processor's cache, where the full entries
        // did not at 100,000 records (each window of 90,000 public texts was a cache miss).
        let candidateMap = FingerprintMap(firstIndicesOf: prints)
        let candidateFilter = filter(of: prints)
        @Sendable func hits(_ text: [UInt8]) -> [UInt64] {
            var hits: [UInt64] = []
            candidateFilter.withUnsafeBufferPointer { bits in
                text.withUnsafeBufferPointer { bytes in
                    // One roll of the hash for both: a window that is a candidate, and a
                    // non-public identifier that public text holds whole (published).
                    TextFingerprints.forEachWindow(bytes) { offset, hash in
                        let bit = Int(hash & UInt64(candidateFilter.count * 64 - 1))
                        if bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0, candidateMap[hash] != nil { hits.append(hash) }
                        identifiers.check(bytes, offset, hash) { token, _ in hits.append(identifiers.keys[token]) }
                    }
                }
            }
            return hits
        }
        let pages = plan.recordPages
        var (published, pagePrints, dropped) = PublishedFingerprints.update(previous, pages: pages.map(publicKey)) { index in
            let page = pages[index]
            // A public text that cannot be read is left out: that can only make more text
            // count as secret, never less.
            guard let source = try? page.record.sourceBytes(),
                  let body = page.record.bodyDropped ? try? Record.body(of: source) : page.record.body else { return [] }
            return hits(MatchText.bytes(source) + [0] + MatchText.bytes(page.path) + [0]
                        + MatchText.bytes(SecretText.plainBytes(of: body)))
        }
        // The text built into the binary, the generated labels and the default templates
        // and assets: fixed, so no content can make it carry a non-public record's words.
        // Measured without it: the sample 1 false alarm, the 1,000-record corpus 333 in 24
        // files (report-table labels such as '属于行政执法案卷' that non-public reports
        // repeat); with the labels only, 1 and 11 (the catalog page's sentence quotes the
        // law a withheld reason cites); with both, none.
        // The site's own templates, assets and settings are not here: text of theirs that
        // matches a non-public record is a leak, whatever else holds it. Nor are texts the
        // build composes of a value and a generated label or count: the audit reads those
        // parts as separate texts (`HTMLPage.separateTextAttribute`), so no run joins them.
        // The site's own address (`base_url`, whose host every page's SiteDomain tag, the
        // sitemaps and the feed carry) is public by what it is: a non-public record's
        // 'xw@minghu.example.gov.cn' shares nothing secret with the host.
        // Sorted: in one order from build to build (a dictionary's values are not), so that
        // an equal digest (`otherText`) is the same text.
        let builtIn = (GeneratedText.all + DefaultTemplates.files.map(\.text) + [plan.view.config.baseURL]).map(MatchText.bytes)
            .sorted { $0.lexicographicallyPrecedes($1) }
        // Public attachments' names are published by their records' pages (not held in the
        // records' text): a non-public attachment named alike is not a secret there.
        let names = publicAttachmentNames.map(MatchText.bytes)
        // The fixed pages (`content/pages/`) are public text an author wrote, as a public
        // record is: what they say is published. Few, so read again at every build.
        let pageTexts = parallelMap(fixedPages) { fixed -> [UInt8] in
            guard let source = try? FileIO.readBytes(fixed.page.file.absolutePath) else { return [] }
            let titles = fixed.attachments.compactMap(\.title).map(MatchText.bytes)
            return Array(([MatchText.bytes(source), MatchText.bytes(fixed.path),
                           MatchText.bytes(SecretText.plainBytes(of: fixed.page.body))] + titles).joined(separator: [0]))
        }
        let otherText = Array((builtIn + names + pageTexts).joined(separator: [0]))
        published.otherText = StableHasher.digest(otherText)
        let all = pagePrints.union(hits(otherText))
        // What the previous pages held and these may not is theirs to say (`dropped`); the
        // other text's, with an equal digest, is held again.
        let keepsAll = previous?.otherText == published.otherText && (dropped?.allSatisfy(all.contains) ?? false)
        return (published, all, keepsAll)
    }

    /// What a public page's text is made of: its path and its source.
    static func publicKey(_ page: SitePlan.RecordPage) -> Digest {
        var hasher = StableHasher()
        hasher.combine(page.path)
        hasher.combine(page.record.sourceDigest)
        return hasher.finalize()
    }

    /// Each of `values` once, in the order of first appearance: an open-addressed table
    /// instead of a sort (a public page's hits run to thousands, mostly repeated, and
    /// sorting them was a fifteenth of a full build's CPU).
    static func distinctInOrder(_ values: [UInt64]) -> [UInt64] {
        guard values.count > 1 else { return values }
        var bits = 4
        while 1 << bits < values.count * 2 { bits += 1 }
        var table = [UInt64](repeating: 0, count: 1 << bits)
        let mask = (1 << bits) - 1
        var seenZero = false
        var kept: [UInt64] = []
        for value in values {
            if value == 0 {
                if !seenZero { kept.append(0) }
                seenZero = true
                continue
            }
            var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
            while table[slot] != 0, table[slot] != value { slot = (slot + 1) & mask }
            if table[slot] == 0 {
                table[slot] = value
                kept.append(value)
            }
        }
        return kept
    }

    /// The sorted, distinct union of two sorted, distinct arrays.
    static func mergedDistinct(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var merged: [UInt64] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                merged.append(a[i])
                i += 1
            } else if b[j] < a[i] {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
                j += 1
            }
        }
        merged += a[i...]
        merged += b[j...]
        return merged
    }

    /// A bit per fingerprint (by its low bits), at least sixteen bits per fingerprint.
    static func filter(of prints: [UInt64]) -> [UInt64] {
        var bits = 1 << 20
        while bits < prints.count * 16, bits < 1 << 28 { bits <<= 1 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        for print in prints {
            let bit = Int(print & UInt64(bits - 1))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return filter
    }

    /// What the search found of one non-public record in a text.
    struct Finding {
        var record: String
        /// Where the shared run starts in the text searched, and its length.
        var offset: Int
        var length: Int
        /// The shared run as the non-public record's own text spells it (or the
        /// normalised run, when it cannot be found there).
        var phrase: String
        /// True when the run is one of the record's identifiers, matched whole.
        var isIdentifier: Bool
    }

    /// The non-public records whose text `bytes` contains, each at its first shared run.
    /// A run never crosses a NUL byte (a cell or string boundary of the text searched).
    func leaks(in bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        guard !entries.isEmpty || !identifiers.isEmpty else { return [] }
        var found: [Int32: (offset: Int, length: Int, secretOffset: Int, identifier: Int?)] = [:]
        let mask = UInt64(filter.count * 64 - 1)
        let identifiers = self.identifiers
        filter.withUnsafeBufferPointer { bits in
            TextFingerprints.forEachWindow(bytes) { offset, hash in
                identifiers.check(bytes, offset, hash) { token, start in
                    let owner = identifiers.owners[token]
                    if found[owner] == nil { found[owner] = (start, identifiers.tokens[token].count, 0, token) }
                }
                let bit = Int(hash & mask)
                guard bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return }
                entries.forEach(of: hash) { entry in
                    let owner = entry.owner
                    if found[owner] == nil,
                       let run = sharedRun(bytes, at: offset, texts[Int(owner)], at: Int(entry.offset)),
                       run.length >= TextFingerprints.guaranteedLength, holdsCandidate(bytes, run.start, run.length) {
                        found[owner] = (run.start, run.length, run.secretStart, nil)
                    }
                    return true
                }
            }
        }
        return found.sorted { $0.value.offset < $1.value.offset }.map { owner, hit in
            let run = Array(bytes[hit.offset..<(hit.offset + hit.length)])
            if let token = hit.identifier {
                return Finding(record: records[Int(owner)], offset: hit.offset, length: hit.length,
                               phrase: String(decoding: identifiers.tokens[token], as: UTF8.self), isIdentifier: true)
            }
            return Finding(record: records[Int(owner)], offset: hit.offset, length: hit.length,
                           phrase: BoilerplatePhrase.original(of: run, in: originals[Int(owner)]()), isIdentifier: false)
        }
    }

    /// The common run of `a` and `b` through the window at `i` and `j`, as its start in
    /// each and its length; nil when the windows differ (a hash collision) or hold a NUL
    /// byte (a boundary, which no run crosses).
    private func sharedRun(_ a: UnsafeBufferPointer<UInt8>, at i: Int, _ b: [UInt8], at j: Int)
        -> (start: Int, secretStart: Int, length: Int)? {
        let w = TextFingerprints.window
        guard i + w <= a.count, j + w <= b.count else { return nil }
        for k in 0..<w where a[i + k] != b[j + k] || a[i + k] == 0 { return nil }
        var left = 0
        while i - left > 0, j - left > 0, a[i - left - 1] == b[j - left - 1], a[i - left - 1] != 0 { left += 1 }
        var right = 0
        while i + w + right < a.count, j + w + right < b.count, a[i + w + right] == b[j + w + right], a[i + w + right] != 0 { right += 1 }
        // Counted in whole characters, white space at its ends left out: two texts share
        // the first bytes of different characters (某 and 林 both start E6 9F), and a
        // separator is not text; '管理工作规则' and a space and two such bytes were 21 bytes
        // of only six characters in common, which every public '…管理工作规则》' matched.
        var start = i - left, end = i + w + right
        while start < end, a[start] & 0xC0 == 0x80 || a[start] == 0x20 { start += 1 }
        while start < end {
            var lead = end - 1
            while lead > start, a[lead] & 0xC0 == 0x80 { lead -= 1 }
            let width = a[lead] < 0x80 ? 1 : a[lead] >= 0xF0 ? 4 : a[lead] >= 0xE0 ? 3 : 2
            if lead + width > end { end = lead } else if a[end - 1] == 0x20 { end -= 1 } else { break }
        }
        return (start, j + (start - i), end - start)
    }

    /// True when a window of the run (in whole characters) is a fingerprint no public
    /// text holds. The window hit may reach past the run's last whole character: a run
    /// that public text holds whole (a public title, '…安全工作规则') met by a hit on
    /// '作规则 ' and two lead bytes is published, not a leak.
    private func holdsCandidate(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        var holds = false
        let run = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
        TextFingerprints.forEachWindow(run) { offset, hash in
            guard !holds else { return }
            entries.forEach(of: hash) { entry in
                let text = texts[Int(entry.owner)], at = Int(entry.offset)
                holds = (0..<TextFingerprints.window).allSatisfy { run[offset + $0] == text[at + $0] }
                return !holds
            }
        }
        return holds
    }

    func leaks(in bytes: [UInt8]) -> [Finding] {
        bytes.withUnsafeBufferPointer { leaks(in: $0) }
    }

    /// Leaks in a file's path: a non-public record's page or attachment name, or its text.
    func inPath(_ path: String) -> [Phrase] {
        var found: [Phrase] = []
        let folder = path.slashSeparated.dropLast().joined(separator: "/")
        let name = path.slashSeparated.last.map(String.init) ?? path
        // The stems `name` could belong to (`AttachmentMatcher.belongs`): the whole name and
        // every prefix before a '.', '-' or '_'; looked up, not scanned (a folder can hold
        // thousands of non-public records).
        if let stems = hiddenStems[folder] {
            for stem in Self.stemCandidates(name) where stems.contains(stem) {
                found.append(Phrase("非主动公开的记录 '\(stem)' 的名称", en: "the name of the non-public record '\(stem)'"))
            }
        }
        for leak in leaks(in: MatchText.bytes(path)) {
            found.append(Phrase("非主动公开的记录 \(leak.record) 的文字", en: "text of the non-public record \(leak.record)"))
        }
        return found
    }

    /// The record stems a file name could belong to (`AttachmentMatcher.belongs`): the
    /// whole name and every prefix before a '.', '-' or '_', sorted and each once.
    static func stemCandidates(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        var candidates = [name]
        for (index, byte) in bytes.enumerated() where index > 0 && (byte == 0x2E || byte == 0x2D || byte == 0x5F) {
            candidates.append(String(decoding: bytes[..<index], as: UTF8.self))
        }
        return Set(candidates).sorted()
    }

}

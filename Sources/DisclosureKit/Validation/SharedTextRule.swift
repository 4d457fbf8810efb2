/// `leak.shared_text`: a public record whose text shares a run of `minimumCharacters` or
/// more with a non-public record's text. The build's audit takes what a public record
/// holds as published, so such a run is published with it, and nothing else would say so:
/// this makes the choice visible, at the public record's line.
///
/// Not reported: phrases the site declares in `site.yaml`'s `leak_boilerplate` (blanked
/// out of the non-public text, as the audit does); stock wording, held by `stockRecords`
/// or more public records; and a public record that names the non-public record's index
/// number (索引号) anywhere in its file, saying it quotes it. None of these changes what
/// the audit looks for in templates, assets and settings.
public enum SharedText {
    /// In characters, as a reader counts them (after `MatchText`).
    public static let minimumCharacters = 30

    /// What the rule keeps of the public records from one build for the next (in the record
    /// cache, `RecordCache.write`), so that a rebuild reads again only the public sources
    /// that changed. Per public source (by its digest): the candidates its text holds,
    /// valid while the non-public texts are those of `candidates`; and whether the search
    /// of its text for shared runs found nothing, valid while the non-public texts as
    /// searched (stock wording blanked) and their index numbers are those of `search`.
    /// Each is what a full computation finds for that source under those digests, so the
    /// findings are the same; the stock counts are summed again at every build from every
    /// public record's candidates, kept or found again. What it holds are windows of
    /// public text (as the build cache's published fingerprints are).
    ///
    /// Kept as parallel arrays, the candidates of all sources in one: at 10,000 records
    /// they run to hundreds of thousands, and a value per source was most of the time its
    /// coding took.
    struct Memo: Codable, Sendable, Equatable {
        /// The non-public texts as the candidates are taken from them (boilerplate blanked).
        var candidates: Digest = .zero
        /// The non-public texts as searched (stock wording blanked) and their index numbers.
        var search: Digest = .zero
        /// Each public source's digest, once.
        var sources: [Digest] = []
        /// How many of `held` are each source's, in the order of `sources`.
        var heldCounts: [Int] = []
        /// Each source's candidates, each once, in the order of their first window.
        var held: [UInt64] = []
        /// Whether the search of each source under `search` found no shared run.
        var clean: [Bool] = []

        /// Room for the encoded memo, so that its buffer is not copied to grow.
        var encodedSizeEstimate: Int { 64 + 24 * sources.count + 10 * held.count }

        mutating func append(_ source: Digest, held found: [UInt64], clean isClean: Bool) {
            sources.append(source)
            heldCounts.append(found.count)
            held += found
            clean.append(isClean)
        }

        /// Each source's candidates and whether it was clean; empty when the arrays do not
        /// agree (a memo that is not whole describes nothing).
        func bySource() -> [Digest: (held: ArraySlice<UInt64>, clean: Bool)] {
            guard heldCounts.count == sources.count, clean.count == sources.count,
                  heldCounts.allSatisfy({ $0 >= 0 }), heldCounts.reduce(0, +) == held.count else { return [:] }
            var table: [Digest: (held: ArraySlice<UInt64>, clean: Bool)] = [:]
            table.reserveCapacity(sources.count)
            var start = 0
            for (index, source) in sources.enumerated() {
                table[source] = (held[start..<(start + heldCounts[index])], clean[index])
                start += heldCounts[index]
            }
            return table
        }
    }

    /// Every finding of `site`, in the order of its public records (`check`: no memo is
    /// kept, so each candidate's holders are kept only while they may still decide it).
    public static func diagnostics(_ site: LoadedSite) -> [Diagnostic] {
        search(site, previous: nil, keepsMemo: false).diagnostics
    }

    /// Every finding of `site`, and what the next build may take from this one: the
    /// findings a full computation gives, with every public source read that `previous`
    /// does not describe under the same non-public texts. Without `keepsMemo` the memo
    /// comes back empty.
    /// `secretTexts`: the non-public texts, when already made (else made here).
    static func search(_ site: LoadedSite, previous: Memo?, keepsMemo: Bool = true,
                       secretTexts: SecretTexts? = nil) -> (diagnostics: [Diagnostic], memo: Memo) {
        let hidden = SecretTexts.hidden(site)
        guard !hidden.isEmpty else { return ([], Memo()) }
        let decoded = SecretTexts.decodedHidden(site)
        let made = secretTexts.flatMap { $0.describe(site) ? $0 : nil } ?? SecretTexts(site)
        // A body that cannot be read is reported where it is loaded; here it is left out.
        let declared: [[UInt8]] = made.texts.map { (try? $0.get()) ?? [] }
        let allPublic = site.records.filter { $0.disclosure == .proactive }
        let candidates = candidatesDigest(declared)
        // What the previous build found of each public source, under the same non-public texts.
        let known = previous.flatMap { $0.candidates == candidates ? $0.bySource() : nil } ?? [:]
        let stock = stockPhrases(declared, publicRecords: allPublic, known: known, keepsAll: keepsMemo)
        let texts = stock.texts
        let indexNumbers: [[UInt8]] = hidden.map { ($0.indexNumber?.value).map(MatchText.bytes) ?? [] }
        var searchHasher = StableHasher()
        for text in texts { searchHasher.combine(text) }
        for number in indexNumbers { searchHasher.combine(number) }
        let searchDigest = searchHasher.finalize()
        // A source searched under the same texts and index numbers with nothing found.
        let sameSearch = !known.isEmpty && previous?.search == searchDigest
        func knownClean(_ source: Digest) -> Bool { sameSearch && known[source]?.clean == true }
        func remember(_ clean: [Digest: Bool]) -> Memo {
            guard keepsMemo else { return Memo() }
            var memo = Memo(candidates: candidates, search: searchDigest)
            var seen = Set<Digest>()
            for (record, held) in zip(allPublic, stock.held) {
                guard let held, seen.insert(record.sourceDigest).inserted else { continue }
                let source = record.sourceDigest
                memo.append(source, held: held, clean: clean[source] ?? knownClean(source))
            }
            return memo
        }
        // The holders to search: those not searched under the same texts with nothing found.
        let publicRecords = stock.holders.map { allPublic[$0] }.filter { !knownClean($0.sourceDigest) }
        guard !publicRecords.isEmpty else { return ([], remember([:])) }
        // Every fingerprint with its owner and offset, counted first and then written in
        // place (`parallelJoined`): each record's fingerprints held at once beside the
        // entries made of them was the peak of a 100,000-record build.
        let counts = parallelMap(Array(texts.indices)) { TextFingerprints.winnow(texts[$0]).count }
        let collected: [FingerprintEntries.Entry] = parallelJoined(counts: counts) { owner, emit in
            for (print, offset) in TextFingerprints.winnow(texts[owner]) {
                emit(FingerprintEntries.Entry(print: print, owner: Int32(owner), offset: Int32(offset)))
            }
        }
        guard !collected.isEmpty else {
            return ([], remember(Dictionary(publicRecords.lazy.map { ($0.sourceDigest, true) }, uniquingKeysWith: { a, _ in a })))
        }
        let entries = FingerprintEntries(consume collected)
        // Per holder: its findings, and whether its text was searched with none found
        // (nil when it was not read).
        let searched = parallelMap(publicRecords) { record -> (diagnostics: [Diagnostic], clean: Bool?) in
            guard let source = try? record.sourceBytes() else { return ([], nil) }
            let (text, newlines) = source.withUnsafeBufferPointer(MatchText.bytesAndLines)
            // Per non-public record, where the run last measured ends: the windows inside it
            // are the same run again. A record is reported once, at its first long run.
            var measuredTo: [Int32: (end: Int, at: Int)] = [:]
            var findings: [(owner: Int32, start: Int, length: Int)] = []
            text.withUnsafeBufferPointer { bytes in
                TextFingerprints.forEachWindow(bytes) { offset, hash in
                    entries.forEach(of: hash) { entry in
                        let measured = measuredTo[entry.owner]
                        guard measured.map({ offset >= $0.end || offset == $0.at }) ?? true else { return true }
                        guard let run = sharedRun(bytes, at: offset, texts[Int(entry.owner)], at: Int(entry.offset)) else { return true }
                        measuredTo[entry.owner] = (max(run.start + run.length, measured?.end ?? 0), offset)
                        if characters(bytes, run.start, run.length) >= minimumCharacters {
                            measuredTo[entry.owner] = (Int.max, -1)
                            findings.append((entry.owner, run.start, run.length))
                        }
                        return true
                    }
                }
            }
            let diagnostics = findings.sorted { $0.start < $1.start }.compactMap { owner, start, length -> Diagnostic? in
                if names(text, indexNumbers[Int(owner)]) { return nil }
                let shared = String(decoding: text[start..<(start + length)], as: UTF8.self)
                let excerpt = shared.count > 24 ? String(shared.prefix(24)) + "…" : shared
                let number = hidden[Int(owner)].indexNumber.map { " (索引号 \($0.value))" } ?? ""
                let numberZh = hidden[Int(owner)].indexNumber.map { "（索引号 \($0.value)）" } ?? " "
                let identity = hidden[Int(owner)]
                let hiddenRecord = decoded[identity.file.relativePath]
                var strings = (hiddenRecord.map(SecretText.parts(of:)) ?? SecretText.parts(of: identity)).prose
                if let hiddenRecord, let body = try? hiddenRecord.bodyText() { strings.append(SecretText.plainText(of: body)) }
                let phrase = BoilerplatePhrase.original(of: Array(text[start..<(start + length)]), in: strings)
                return Rule.leakSharedText.diagnostic(record.file.relativePath,
                    SourceLocation(line: MatchText.line(of: start, newlines: newlines), column: 1),
                    Phrase("与非主动公开的记录 \(hidden[Int(owner)].file.relativePath)\(numberZh)有 \(characters(text, start, length)) 个字符相同（'\(excerpt)'），本记录会将其公开；如果本记录是有意引用该记录，请在此处写明其索引号",
                           en: "shares \(characters(text, start, length)) characters with the non-public record \(hidden[Int(owner)].file.relativePath)\(number) ('\(excerpt)'), which this record publishes; if this record quotes that one on purpose, name its index number here") + BoilerplatePhrase.hint(phrase))
            }
            return (diagnostics, diagnostics.isEmpty)
        }
        var clean: [Digest: Bool] = [:]
        for (record, result) in zip(publicRecords, searched) {
            if let found = result.clean { clean[record.sourceDigest] = found }
        }
        return (searched.flatMap(\.diagnostics), remember(clean))
    }

    /// Public records holding a fingerprint of non-public text from this many on make it
    /// stock wording (an opening, a closing, a legal formula), not that record's own. On
    /// the benchmark corpus of 1,000 records (900 public), counting from 100, 50, 20, 10,
    /// 3 gave 2,175, 441, 120, 0, 0 warnings; with no such count, 43,771, every one on a
    /// sentence of the generator's stock: three is the smallest count that is still a
    /// pattern rather than one record copied into another.
    public static let stockRecords = 3

    /// What counting stock wording gives: the non-public `texts` with the windows that
    /// `stockRecords` or more public records hold blanked out (NUL bytes): the stock
    /// wording of government documents, which every record shares, is not what this rule
    /// is for. The public records that hold some window that is not stock (`holders`, in
    /// order): any run they share with the blanked texts holds one of those (winnowing
    /// keeps a window inside every run of 19 bytes), so no other public record needs
    /// searching. And what the counts were made of: per public record the candidates its
    /// text holds (`held`; nil for a source that could not be read), or, unless all are
    /// kept, those it held while they were not stock yet (each by its first
    /// `stockRecords - 1` holders at most): the same holders, and at 100,000 records a
    /// fraction of the memory, which `check`'s peak is made of.
    struct StockPhrases {
        var texts: [[UInt8]]
        var holders: [Int]
        var held: [[UInt64]?]
    }

    /// What the candidates of the non-public `texts` are taken from: equal digests, equal
    /// candidates.
    static func candidatesDigest(_ texts: [[UInt8]]) -> Digest {
        var hasher = StableHasher()
        hasher.combine("candidates")
        for text in texts { hasher.combine(text) }
        return hasher.finalize()
    }

    /// `StockPhrases` of the non-public `texts` among `publicRecords`. A public record's
    /// candidates are taken from `known` (the previous build's, under the same texts) by
    /// its source's digest; only the other sources are read.
    static func stockPhrases(_ texts: [[UInt8]], publicRecords: [Record],
                             known: [Digest: (held: ArraySlice<UInt64>, clean: Bool)], keepsAll: Bool = true) -> StockPhrases {
        let winnowed = parallelMap(texts) { TextFingerprints.winnow($0) }
        // Made only when a source has to be read: the distinct fingerprints, in a table
        // filled straight from the windows (a joined and deduplicated copy of them was the
        // peak of a 10,000-record build).
        let unknown = publicRecords.contains { known[$0.sourceDigest] == nil }
        let candidates = unknown ? FingerprintFilter(members: winnowed.joined().lazy.map(\.hash)) : FingerprintFilter(members: [])
        // Each record's candidates are counted once; a count is all that decides stock.
        var counts = FingerprintMap()
        var held: [[UInt64]?] = []
        held.reserveCapacity(publicRecords.count)
        parallelChunks(count: publicRecords.count, { index -> [UInt64]? in
            if let kept = known[publicRecords[index].sourceDigest] { return Array(kept.held) }
            guard let source = try? publicRecords[index].sourceBytes() else { return nil }
            var found: [UInt64] = []
            MatchText.bytes(source).withUnsafeBufferPointer { bytes in
                TextFingerprints.forEachWindow(bytes) { _, hash in
                    if candidates.contains(hash) { found.append(hash) }
                }
            }
            return LeakIndex.distinctInOrder(found)
        }) { _, chunk in
            for found in chunk {
                if keepsAll {
                    for print in found ?? [] { _ = counts.increment(print) }
                    held.append(found)
                } else {
                    held.append(found?.filter { counts.increment($0) < stockRecords })
                }
            }
        }
        let stock = counts
        let holders = held.indices.filter { record in held[record]?.contains { Int(stock[$0] ?? 0) < stockRecords } ?? false }
        let blanked = parallelMap(Array(texts.indices)) { owner in
            var text = texts[owner]
            for (print, offset) in winnowed[owner] where Int(stock[print] ?? 0) >= stockRecords {
                for k in offset..<(offset + TextFingerprints.window) { text[k] = 0 }
            }
            return text
        }
        return StockPhrases(texts: blanked, holders: holders, held: held)
    }

    /// The common run of `a` (public) and `b` (non-public) through the windows at `i` and
    /// `j`, as a start and length in `a`; nil when the windows differ (a hash collision).
    private static func sharedRun(_ a: UnsafeBufferPointer<UInt8>, at i: Int, _ b: [UInt8], at j: Int) -> (start: Int, length: Int)? {
        let w = TextFingerprints.window
        guard i + w <= a.count, j + w <= b.count else { return nil }
        for k in 0..<w where a[i + k] != b[j + k] { return nil }
        var left = 0
        while i - left > 0, j - left > 0, a[i - left - 1] == b[j - left - 1] { left += 1 }
        var right = 0
        while i + w + right < a.count, j + w + right < b.count, a[i + w + right] == b[j + w + right] { right += 1 }
        return (i - left, left + w + right)
    }

    /// Characters (UTF-8 lead bytes) in `length` bytes of `bytes` from `start`.
    private static func characters(_ bytes: some RandomAccessCollection<UInt8>, _ start: Int, _ length: Int) -> Int {
        var count = 0
        var index = bytes.index(bytes.startIndex, offsetBy: start)
        for _ in 0..<length {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index = bytes.index(after: index)
        }
        return count
    }

    /// True when `text` holds `number` whole (not as part of a longer letters-and-digits run).
    static func names(_ text: [UInt8], _ number: [UInt8]) -> Bool {
        guard !number.isEmpty, number.count <= text.count else { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        var start = 0
        while start + number.count <= text.count {
            if text[start] == number[0], text[start..<(start + number.count)].elementsEqual(number),
               start == 0 || !isWordByte(text[start - 1]),
               start + number.count == text.count || !isWordByte(text[start + number.count]) {
                return true
            }
            start += 1
        }
        return false
    }
}

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

    /// A fingerprint of non-public text: its record and the byte offset in that text.
    private struct Entry: Sendable {
        var print: UInt64
        var owner: Int32
        var offset: Int32
    }

    /// Every finding of `site`, in the order of its public records.
    public static func diagnostics(_ site: LoadedSite) -> [Diagnostic] {
        let hidden = site.identities.filter { !$0.isPublic }
        guard !hidden.isEmpty else { return [] }
        let decoded = Dictionary(site.records.lazy.filter { !$0.isPublic }.map { ($0.file.relativePath, $0) },
                                 uniquingKeysWith: { a, _ in a })
        let boilerplate = SecretText.boilerplate(site.config)
        // A body that cannot be read is reported where it is loaded; here it is left out.
        let declared: [[UInt8]] = parallelMap(hidden) { identity in
            (try? SecretText.searchBytes(identity, decoded[identity.file.relativePath], boilerplate: boilerplate)) ?? []
        }
        let allPublic = site.records.filter(\.isPublic)
        let (texts, holders) = blankingStockPhrases(declared, publicRecords: allPublic)
        let publicRecords = holders.map { allPublic[$0] }
        let indexNumbers: [[UInt8]] = hidden.map { ($0.indexNumber?.value).map(MatchText.bytes) ?? [] }
        var collected: [Entry] = []
        for (owner, prints) in parallelMap(Array(texts.indices), { TextFingerprints.winnow(texts[$0]) }).enumerated() {
            for (print, offset) in prints { collected.append(Entry(print: print, owner: Int32(owner), offset: Int32(offset))) }
        }
        guard !collected.isEmpty else { return [] }
        collected.sort { $0.print < $1.print }
        let entries = collected
        let firstEntry = FingerprintMap(firstIndicesOf: entries.lazy.map(\.print))
        return parallelMap(publicRecords) { record -> [Diagnostic] in
            guard let source = try? record.sourceBytes() else { return [] }
            let (text, newlines) = source.withUnsafeBufferPointer(MatchText.bytesAndLines)
            // Per non-public record, where the run last measured ends: the windows inside it
            // are the same run again. A record is reported once, at its first long run.
            var measuredTo: [Int32: (end: Int, at: Int)] = [:]
            var findings: [(owner: Int32, start: Int, length: Int)] = []
            text.withUnsafeBufferPointer { bytes in
                TextFingerprints.forEachWindow(bytes) { offset, hash in
                    guard var index = firstEntry[hash].map(Int.init) else { return }
                    while index < entries.count, entries[index].print == hash {
                        let entry = entries[index]
                        index += 1
                        let measured = measuredTo[entry.owner]
                        guard measured.map({ offset >= $0.end || offset == $0.at }) ?? true else { continue }
                        guard let run = sharedRun(bytes, at: offset, texts[Int(entry.owner)], at: Int(entry.offset)) else { continue }
                        measuredTo[entry.owner] = (max(run.start + run.length, measured?.end ?? 0), offset)
                        if characters(bytes, run.start, run.length) >= minimumCharacters {
                            measuredTo[entry.owner] = (Int.max, -1)
                            findings.append((entry.owner, run.start, run.length))
                        }
                    }
                }
            }
            return findings.sorted { $0.start < $1.start }.compactMap { owner, start, length in
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
        }.flatMap { $0 }
    }

    /// Public records holding a fingerprint of non-public text from this many on make it
    /// stock wording (an opening, a closing, a legal formula), not that record's own. On
    /// the benchmark corpus of 1,000 records (900 public), counting from 100, 50, 20, 10,
    /// 3 gave 2,175, 441, 120, 0, 0 warnings; with no such count, 43,771, every one on a
    /// sentence of the generator's stock: three is the smallest count that is still a
    /// pattern rather than one record copied into another.
    public static let stockRecords = 3

    /// `texts` with the windows that `stockRecords` or more public records hold blanked
    /// out (NUL bytes): the stock wording of government documents, which every record
    /// shares, is not what this rule is for. And the public records that hold some window
    /// that is not stock, in order: any run they share with the blanked texts holds one of
    /// those (winnowing keeps a window inside every run of 19 bytes), so no other public
    /// record needs reading again.
    private static func blankingStockPhrases(_ texts: [[UInt8]], publicRecords: [Record]) -> ([[UInt8]], [Int]) {
        let winnowed = parallelMap(texts) { TextFingerprints.winnow($0) }
        var distinct: [UInt64] = []
        for prints in winnowed { distinct.append(contentsOf: prints.lazy.map(\.hash)) }
        distinct.sort()
        let candidates = FingerprintMap(firstIndicesOf: distinct)
        var counts = FingerprintMap()
        // A record keeps the windows it holds that were not stock yet when it was counted:
        // each window is kept by its first `stockRecords - 1` holders at most.
        var kept: [[UInt64]] = []
        kept.reserveCapacity(publicRecords.count)
        parallelChunks(count: publicRecords.count, { index -> [UInt64] in
            guard let source = try? publicRecords[index].sourceBytes() else { return [] }
            var held: [UInt64] = []
            MatchText.bytes(source).withUnsafeBufferPointer { bytes in
                TextFingerprints.forEachWindow(bytes) { _, hash in
                    if candidates[hash] != nil { held.append(hash) }
                }
            }
            return LeakIndex.distinctInOrder(held)
        }) { _, chunk in
            for held in chunk { kept.append(held.filter { counts.increment($0) < stockRecords }) }
        }
        let stock = counts
        let holders = kept.indices.filter { record in kept[record].contains { Int(stock[$0] ?? 0) < stockRecords } }
        let blanked = parallelMap(Array(texts.indices)) { owner in
            var text = texts[owner]
            for (print, offset) in winnowed[owner] where Int(stock[print] ?? 0) >= stockRecords {
                for k in offset..<(offset + TextFingerprints.window) { text[k] = 0 }
            }
            return text
        }
        return (blanked, holders)
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

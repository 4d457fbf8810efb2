import Foundation
import Testing
@testable import DisclosureKit

/// The record cache gives back exactly the record the decoder made, is used only for a
/// file whose digest is known and recorded, and refuses bytes it did not write.
final class RecordCacheTests {
    let folder: TemporarySiteRoot
    var root: String { folder.path }

    init() throws {
        folder = try TemporarySiteRoot("record-cache")
    }

    func write(_ text: String, _ relative: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every field, nested ones included, as text: a field the cache forgets shows here.
    func described(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    /// One record of each type, and the variants of the report's statistics.
    func writeSamples() throws {
        for (number, type) in RecordSamples.types.enumerated() {
            let text = RecordSamples.frontMatter(type).replacingOccurrences(of: "2024-00003", with: "2024-0000\(number + 1)")
            try write("---\n\(text)\n---\n\(RecordSamples.defaultBody(type))", "content/\(type.folder)/sample.md")
        }
        let split = RecordSamples.frontMatter(.report)
            .replacingOccurrences(of: "2024-00003", with: "2024-00099")
            // Another publisher's: one report per publisher and year (report.duplicate).
            .replacingOccurrences(of: "publisher: 明湖区人民政府", with: "publisher: 明湖区财政局")
            .replacingOccurrences(of: "not_processed: {repeated: [1, 0, 0, 0, 0, 0, 1]}",
                                  with: "not_processed: {complaint: [0, 1, 0, 0, 0, 0, 1], total: [0, 1, 0, 0, 0, 0, 1]}")
            .replacingOccurrences(of: "granted: [18, 4, 1, 1, 1, 0, 25]", with: "granted: [19, 3, 1, 1, 1, 0, 25]")
            .replacingOccurrences(of: "direct: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}",
                                  with: "direct: {upheld: 1, corrected: 0, other: 0, pending: 2, total: 3}")
        try write("---\n\(split)\n---\n\(RecordSamples.defaultBody(.report))", "content/reports/split.md")
        // The identity keeps the listed attachments, with their titles and places.
        let listed = RecordSamples.frontMatter(.policy).replacingOccurrences(of: "2024-00003", with: "2024-00010")
            + "\nattachments:\n  - file: 附件一.pdf\n    title: 附件一的标题\n  - file: 附件二.ofd\n    title: 附件二的标题"
        try write("---\n\(listed)\n---\n正文。\n", "content/policies/listed.md")
        try write("%PDF-1.4", "content/policies/附件一.pdf")
        try write("OFD", "content/policies/附件二.ofd")
    }

    func load(reuse: RecordReuse) throws -> LoadedSite {
        SiteLoader.load(try ContentScanner(root: root).scan(), keepBodies: false, reuse: reuse)
    }

    @Test func everyKindOfRecordComesBackAsItWasDecoded() throws {
        try writeSamples()
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        #expect(RecordCache.keptRecords(site).count == site.records.count && site.records.count == RecordSamples.types.count + 2)
        let path = root + "/cache"
        try RecordCache.write(site, to: path)
        let cache = try #require(RecordCache.read(path))
        #expect(cache.context == RecordCache.context(configDigest: site.configDigest))
        for (record, identity) in zip(site.records, site.identities) {
            let back = try #require(cache.record(record.file, digest: record.sourceDigest))
            let same = described(try #require(back.record)) == described(record) && described(back.identity) == described(identity)
            #expect(same, "\(record.file.relativePath) comes back otherwise: \(described(back))")
            #expect(cache.record(record.file, digest: Digest(high: 1, low: 2)) == nil, "another digest is another file")
        }
        let listed = try #require(site.identities.first { $0.file.stem == "listed" })
        #expect(listed.attachments.map { "\($0.file) \($0.title) \($0.location.line):\($0.location.column)" }
                == ["附件一.pdf 附件一的标题 16:11", "附件二.ofd 附件二的标题 18:11"])
    }

    /// `CachedRecord`'s own reader takes from the bytes the synthesized encoding writes
    /// exactly what the generic decoder takes, for every kind of record, to the last byte.
    @Test func theRecordsOwnReaderReadsWhatTheGenericDecoderReads() throws {
        try writeSamples()
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        let kept = RecordCache.keptRecords(site)
        #expect(kept.count == RecordSamples.types.count + 2)
        for (identity, record) in kept {
            let bytes = RecordCache.encode(identity, record)
            let generic = try BinaryCoder.decode(CachedRecord.self, from: bytes, in: 0..<bytes.count)
            let input = BinaryValueDecoder(bytes)
            let own = try CachedRecord(binary: input)
            #expect(input.position == bytes.count, "\(record.file.relativePath): read to its end")
            #expect(described(own) == described(generic), "\(record.file.relativePath)")
        }
    }

    /// Every case of a field's value, nested ones included, is read as written.
    @Test func everyFieldValueIsReadAsWritten() throws {
        let values: [FieldValue] = [
            .absent, .text("文"), .paragraphs(.text("段")), .paragraphs(.list(["一", "二"])),
            .date(try #require(CalendarDate(year: 2024, month: 2, day: 29))), .number(-7),
            .amount(Amount(value: 1.5, text: "1.50")), .choice(2), .list(["甲", ""]),
            .group([.text("组"), .absent, .group([.number(0)])]), .table([[.number(1), .group([.choice(0)])], []]),
        ]
        let bytes = try BinaryCoder.encode(values)
        let input = BinaryValueDecoder(bytes)
        let read = try input.array { try FieldValue(binary: input, depth: 0) }
        #expect(read == values)
        #expect(input.position == bytes.count)
    }

    /// The shared-text memo is kept beside the records, in a frame of its own, and comes
    /// back as written or not at all.
    @Test func theSharedTextMemoComesBackAsWrittenOrNotAtAll() throws {
        try writeSamples()
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        var memo = SharedText.Memo(candidates: Digest(high: 1, low: 2), search: Digest(high: 3, low: 4))
        memo.append(Digest(high: 5, low: 6), held: [0, 1, .max, 0x8000_0000_0000_0000], clean: true)
        memo.append(Digest(high: 7, low: 8), held: [], clean: false)
        let path = root + "/cache"
        try RecordCache.write(site, to: path)
        #expect(try #require(RecordCache.read(path)).sharedTextMemo() == nil, "none written")
        try RecordCache.write(site, to: path, sharedText: { memo })
        let cache = try #require(RecordCache.read(path))
        #expect(cache.sharedTextMemo() == memo)
        for record in site.records { #expect(cache.record(record.file, digest: record.sourceDigest) != nil) }
        // A byte of the memo changed: refused, the records still read.
        var bytes = try FileIO.readBytes(path)
        bytes[bytes.count - 3] ^= 0x01
        try FileIO.write(bytes, to: path)
        let damaged = try #require(RecordCache.read(path))
        #expect(damaged.sharedTextMemo() == nil)
        for record in site.records { #expect(damaged.record(record.file, digest: record.sourceDigest) != nil) }
    }

    @Test func aKnownUnchangedFileIsTakenFromTheCacheAndNoOtherIs() throws {
        try writeSamples()
        var first = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        let index = try #require(first.records.firstIndex { $0.type == .policy })
        let policy = first.records[index]
        // A planted entry: the policy's, with another title, under the policy file's digest.
        first.records[index].title = "缓存中的标题"
        let path = root + "/cache"
        try RecordCache.write(first, to: path)
        let cache = try #require(RecordCache.read(path))
        func title(_ digests: [String: Digest], cache: RecordCache?) throws -> String? {
            try load(reuse: RecordReuse(cache: cache, digests: digests)).records.first { $0.type == .policy }?.title
        }
        let digest = [policy.file.relativePath: policy.sourceDigest]
        #expect(try title(digest, cache: cache) == "缓存中的标题", "a known digest takes the cached record")
        #expect(try title([:], cache: cache) == policy.title, "an unknown digest reads the file")
        #expect(try title([policy.file.relativePath: Digest(high: 9, low: 9)], cache: cache) == policy.title)
        // Another site.yaml, another context: nothing is taken.
        try Data("title: 区政府信息公开\nbase_url: https://example.gov.cn/other/\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/content/site.yaml"))
        #expect(try title(digest, cache: cache) == policy.title)
    }

    /// A rebuild copies the entries of unchanged files rather than encoding them again:
    /// the file it writes is the one encoding would write, and an entry whose bytes were
    /// damaged on disk is encoded again rather than copied.
    @Test func unchangedEntriesAreCopiedAsEncodingWouldWriteThem() throws {
        try writeSamples()
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        let fresh = root + "/fresh", copied = root + "/copied"
        try RecordCache.write(site, to: fresh)
        let previous = try #require(RecordCache.read(fresh))
        try RecordCache.write(site, to: copied, reusing: previous)
        let freshBytes = try FileIO.readBytes(fresh), copiedBytes = try FileIO.readBytes(copied)
        #expect(copiedBytes == freshBytes)
        // One entry damaged (a byte of the first copy of a title): it is not copied but written as
        // it should be; the others are copied.
        let policy = try #require(site.records.first { $0.type == .policy })
        let title = Array(policy.title.utf8)
        var damaged = freshBytes
        let at = try #require((0...(damaged.count - title.count)).first { Array(damaged[$0..<($0 + title.count)]) == title })
        damaged[at] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: fresh))
        let damagedCache = try #require(RecordCache.read(fresh))
        let refused = site.records.filter { damagedCache.verifiedEntry($0.file.relativePath, digest: $0.sourceDigest) == nil }
        #expect(refused.count == 1, "the damaged entry alone is refused: \(refused.map(\.file.relativePath))")
        try RecordCache.write(site, to: copied, reusing: damagedCache)
        #expect(try FileIO.readBytes(copied) == freshBytes)
    }

    @Test func aRecordWithFindingsIsNotKept() throws {
        try write("---\n\(RecordSamples.frontMatter(.policy))\nunknown_field: 1\n---\n正文。\n", "content/policies/odd.md")
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        #expect(!site.diagnostics.isEmpty)
        #expect(site.records.count == 1)
        #expect(RecordCache.keptRecords(site).isEmpty)
    }

    @Test func aNonPublicRecordIsNotKept() throws {
        for (number, disclosure) in ["proactive", "on-request", "withheld"].enumerated() {
            var text = RecordSamples.frontMatter(.policy)
                .replacingOccurrences(of: "2024-00003", with: "2024-0000\(number + 1)")
                .replacingOccurrences(of: "disclosure: proactive", with: "disclosure: \(disclosure)")
            if disclosure == "withheld" { text += "\nwithheld_reason: 涉及国家秘密（《条例》第十四条）" }
            try write("---\n\(text)\n---\n正文。\n", "content/policies/\(disclosure).md")
        }
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        #expect(site.records.count == 3)
        #expect(RecordCache.keptRecords(site).map(\.record.file.relativePath) == ["content/policies/proactive.md"])
    }

    @Test func damagedBytesAreRefusedNotTrusted() throws {
        try writeSamples()
        let site = try load(reuse: RecordReuse(cache: nil, digests: [:]))
        for kept in RecordCache.keptRecords(site) {
            let entry = ArraySlice(RecordCache.encode(kept.identity, kept.record))
            #expect(RecordCache.decode(entry, file: kept.record.file) != nil)
            // Every shorter prefix, and one byte more, is refused.
            for length in 0..<entry.count {
                #expect(RecordCache.decode(entry.prefix(length), file: kept.record.file) == nil)
            }
            #expect(RecordCache.decode(entry + [0], file: kept.record.file) == nil)
        }
        let path = root + "/cache"
        try RecordCache.write(site, to: path)
        let bytes = try FileIO.readBytes(path)
        try FileIO.write(Array(bytes.dropLast(3)), to: path)
        #expect(RecordCache.read(path) == nil, "a cut file")
        try FileIO.write(Array("disclose-record-cache 0\n".utf8) + bytes.dropFirst(24), to: path)
        #expect(RecordCache.read(path) == nil, "another format")
    }
}

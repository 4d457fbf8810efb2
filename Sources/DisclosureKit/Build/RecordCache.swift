#if canImport(Glibc)
import Glibc
#endif

/// The records the previous build decoded, kept beside the build cache (`CacheFolder`): a
/// rebuild takes a record whose file still has the same digest from here instead of parsing its YAML and
/// checking its rules again (that was a third of a one-record rebuild at 10,000 records).
///
/// Only a public record that decoded without any finding is kept. A record with a warning
/// or an error is decoded by every build, so every build reports it; a non-public one is
/// decoded by every build too: nothing of a non-public record's text is ever written
/// outside `content/`, not even into the root's cache folder. An entry is used only under
/// the same binary and the same site.yaml (`context`), and only for a file whose digest
/// is known to be the one recorded; the body is never kept (a build reads it again, and
/// checks it against the digest).
///
/// The file: a format line, the context, then for each record a frame (its file's digest,
/// its path, the length of its entry and the entry's check digest) and the entry
/// (`CachedRecord`), all in the caches' binary form (`BinaryCoder`). The check digest
/// covers the file's digest, the path and the entry: an entry whose bytes changed on disk
/// (a bad sector, a partial copy of the root, an edit by hand) would otherwise decode into
/// another record, and the site would silently differ from its sources; such an entry is
/// never used, and the record is decoded from its file.
///
/// Last, in a frame of its own under a name no record file has (`sharedTextName`; record
/// paths start with `content/`), what `leak.shared_text` keeps of the public records
/// (`SharedText.Memo`), checked the same way: a damaged memo could hide a finding.
struct RecordCache: Sendable {
    static let formatLine = "disclose-record-cache 4"
    /// The frame name of the shared-text memo.
    static let sharedTextName = "leak.shared_text"

    /// The binary and site.yaml's digest: what decoding reads besides the record's file.
    let context: Digest
    private let bytes: [UInt8]
    /// By the record file's relative path: its digest, where its entry is in `bytes` and
    /// the entry's check digest.
    private let entries: [String: (digest: Digest, entry: Range<Int>, check: Digest)]

    static func context(configDigest: Digest) -> Digest {
        var hasher = StableHasher()
        hasher.combine(formatLine)
        hasher.combine(BuildCache.toolDigest)
        hasher.combine(configDigest)
        return hasher.finalize()
    }

    /// What precedes each entry in the file.
    struct Frame: Codable {
        var digest: Digest
        var path: String
        var length: Int
        var check: Digest
    }

    /// The cache at `path`; nil when there is none, or it is not whole.
    static func read(_ path: String) -> RecordCache? {
        guard let bytes = try? FileIO.readBytes(path, followingLinks: false) else { return nil }
        let header = Array((formatLine + "\n").utf8)
        guard bytes.starts(with: header) else { return nil }
        let input = BinaryValueDecoder(bytes, range: header.count..<bytes.count)
        var entries: [String: (digest: Digest, entry: Range<Int>, check: Digest)] = [:]
        do {
            let context = try input.decodeValue(Digest.self)
            while input.position < input.end {
                let frame = try input.decodeValue(Frame.self)
                guard frame.length >= 0, frame.length <= input.end - input.position else { return nil }
                entries[frame.path] = (frame.digest, input.position..<(input.position + frame.length), frame.check)
                input.position += frame.length
            }
            return RecordCache(context: context, bytes: bytes, entries: entries)
        } catch {
            return nil
        }
    }

    /// The kept record of `file`, when its bytes have `digest` and its entry is as written.
    func record(_ file: RecordFile, digest: Digest) -> DecodedRecord? {
        guard let kept = entries[file.relativePath], kept.digest == digest,
              Self.check(digest, path: file.relativePath, entry: bytes[kept.entry]) == kept.check else { return nil }
        return Self.decode(bytes, in: kept.entry, file: file)
    }

    /// What tells an entry read back from the one written: a digest of the record file's
    /// digest, its path and the entry's bytes.
    static func check(_ digest: Digest, path: String, entry: ArraySlice<UInt8>) -> Digest {
        var hasher = StableHasher()
        hasher.combine(digest)
        hasher.combine(path)
        entry.withUnsafeBytes { hasher.combine($0) }
        return hasher.finalize()
    }

    /// The records of `site` the cache keeps: public, decoded without any finding (a
    /// finding of a rule across records names the file too), body dropped; each with its
    /// identity, visited in order without gathering them (a copy of every kept record was
    /// a tenth of a full build's peak memory).
    static func forEachKept<Failure: Error>(_ site: LoadedSite,
                                            _ body: (RecordIdentity, Record) throws(Failure) -> Void) throws(Failure) {
        let flagged = Set(site.diagnostics.map(\.file))
        // The loader keeps both in the tree's order, records a subsequence of identities.
        var next = site.records.startIndex
        for identity in site.identities where next < site.records.endIndex {
            let record = site.records[next]
            guard record.file.relativePath == identity.file.relativePath else { continue }
            next += 1
            guard record.isPublic, record.bodyDropped, !flagged.contains(record.file.relativePath) else { continue }
            try body(identity, record)
        }
    }

    /// `forEachKept`'s records, gathered (for tests).
    static func keptRecords(_ site: LoadedSite) -> [(identity: RecordIdentity, record: Record)] {
        var kept: [(identity: RecordIdentity, record: Record)] = []
        forEachKept(site) { kept.append(($0, $1)) }
        return kept
    }

    /// The shared-text memo this cache holds, when it reads back as written.
    func sharedTextMemo() -> SharedText.Memo? {
        guard let entry = verifiedEntry(Self.sharedTextName, digest: .zero) else { return nil }
        return try? BinaryCoder.decode(SharedText.Memo.self, from: entry.bytes)
    }

    /// The bytes and check digest of the entry of the file at `path` whose bytes have
    /// `digest`, when it reads back as written; nil otherwise.
    func verifiedEntry(_ path: String, digest: Digest) -> (bytes: ArraySlice<UInt8>, check: Digest)? {
        guard let kept = entries[path], kept.digest == digest else { return nil }
        let entry = bytes[kept.entry]
        return Self.check(digest, path: path, entry: entry) == kept.check ? (entry, kept.check) : nil
    }

    /// Writes the cache of `site`'s records (`forEachKept`) to `path`, through a temporary
    /// file and a rename, an entry at a time: held whole, the entries were a tenth of a
    /// build's peak memory. An entry `previous` holds for the same file bytes under the same
    /// context is copied as it is: it is what encoding the record would write (an entry
    /// depends only on the file's bytes and the context), and encoding every record again
    /// was most of what a one-record rebuild spent on this cache.
    /// `sharedText` is called once the records are written (it may wait for the search that
    /// makes the memo), and its memo written after them.
    static func write(_ site: LoadedSite, to path: String, reusing previous: RecordCache? = nil,
                      sharedText: () -> SharedText.Memo? = { nil }) throws(FileIO.Failure) {
        let context = context(configDigest: site.configDigest)
        let carried = previous?.context == context ? previous : nil
        try FileIO.replace(path) { (file: inout FileWriter) throws(FileIO.Failure) in
            do {
                try file.write(Array((formatLine + "\n").utf8) + BinaryCoder.encode(context))
                func frame(_ digest: Digest, _ path: String, entry: [UInt8], check entryCheck: Digest? = nil) throws {
                    let entryCheck = entryCheck ?? check(digest, path: path, entry: entry[...])
                    try file.write(BinaryCoder.encode(Frame(digest: digest, path: path, length: entry.count, check: entryCheck)))
                    try file.write(entry)
                }
                try forEachKept(site) { (identity, record) throws in
                    let path = record.file.relativePath
                    let kept = carried?.verifiedEntry(path, digest: record.sourceDigest)
                    try frame(record.sourceDigest, path, entry: kept.map { Array($0.bytes) } ?? encode(identity, record), check: kept?.check)
                }
                if let memo = sharedText() {
                    try frame(.zero, sharedTextName, entry: BinaryCoder.encode(memo, reservingCapacity: memo.encodedSizeEstimate))
                }
            } catch let failure as FileIO.Failure {
                throw failure
            } catch {
                throw .system("\(path): the record cache cannot be encoded: \(error)")
            }
        }
    }

    /// One record and its identity, the body left out (`file` comes from the scan).
    static func encode(_ identity: RecordIdentity, _ record: Record) -> [UInt8] {
        // Every field of a record is a value the coder writes; it cannot fail.
        (try? BinaryCoder.encode(CachedRecord(identity, record))) ?? []
    }

    /// What `encode` wrote, for `file`; nil when the bytes are not a whole entry, or were
    /// written under another declaration of the record's type.
    static func decode(_ bytes: ArraySlice<UInt8>, file: RecordFile) -> DecodedRecord? {
        decode(Array(bytes), in: 0..<bytes.count, file: file)
    }

    /// `decode` of the entry in `range` of `bytes`, read in place by `CachedRecord`'s own
    /// reader (`CachedRecord(binary:)`), or, should that refuse the bytes, by the generic
    /// decoder.
    static func decode(_ bytes: [UInt8], in range: Range<Int>, file: RecordFile) -> DecodedRecord? {
        let input = BinaryValueDecoder(bytes, range: range)
        let read = (try? CachedRecord(binary: input)).flatMap { input.position == input.end ? $0 : nil }
        guard let kept = read ?? (try? BinaryCoder.decode(CachedRecord.self, from: bytes, in: range)),
              kept.record.fields.count == file.type.declaration.fields.count else { return nil }
        return kept.decoded(file: file)
    }
}
